import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createBridgeClient } from '../../shared/bridge/client.js';
import { App } from './App.js';
import { createIpcTransport, preloadBridge } from './bridge/ipc-transport.js';
import { createSocketTransport, takeSecret } from './bridge/socket-transport.js';
import { Splash } from './components/Splash.js';
import { i18n } from './i18n/index.js';
import './theme/tokens.css';
import './theme/base.css';
import './theme/chrome.css';
import './theme/catalog.css';
import './theme/keyboard.css';
import './theme/attract.css';
import './theme/home.css';
import './theme/search.css';
import './theme/product.css';
import './theme/gallery.css';
import './theme/variants.css';
import './theme/messages.css';
import './theme/language.css';

// A kiosk has no use for a context menu; a long press would otherwise open one.
window.addEventListener('contextmenu', (event) => {
  event.preventDefault();
});

const container = document.getElementById('root');
if (container === null) throw new Error('index.html has no #root');
const root = createRoot(container);
// In the Electron shell the preload provides the bridge; in the browser host, socket.io does.
const ipc = preloadBridge();
const secret = ipc === undefined ? takeSecret() : null;

if (ipc !== undefined) {
  const transport = createIpcTransport(ipc);
  root.render(
    <StrictMode>
      <App transport={transport} bridge={createBridgeClient(transport)} />
    </StrictMode>,
  );
} else if (secret === null) {
  root.render(<Splash title={i18n.t('splash.wrongPageTitle')} text={i18n.t('splash.wrongPageText')} />);
} else {
  const transport = createSocketTransport(secret);
  root.render(
    <StrictMode>
      <App transport={transport} bridge={createBridgeClient(transport)} />
    </StrictMode>,
  );
}
