/**
 * What a passer-by may need before anything else, in the same place on every window screen (the
 * top end): their own language and the accessibility menu, with speech's pause and repeat beside
 * them while it is on. They are the kiosk's own controls; window.css and the window's --target
 * make each one at least 96 px.
 */
import { AccessibilityButton, TopBarSpeech } from '../a11y/index.js';
import { WindowLanguage } from './WindowLanguage.js';

export function WindowAids() {
  return (
    <div className="waids" data-testid="window-aids">
      <TopBarSpeech />
      <WindowLanguage />
      <AccessibilityButton />
    </div>
  );
}
