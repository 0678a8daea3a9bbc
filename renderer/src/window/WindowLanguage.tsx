/**
 * The language picker of the shop window: the kiosk's top-bar menu, sized for the glass (every
 * target 96 px, window.css). A passer-by may not read the store's language, so every window
 * screen offers it; with one configured language it renders nothing.
 */
import { LanguageMenu } from '../components/LanguagePicker.js';

export function WindowLanguage() {
  return (
    <div className="wlang" data-testid="window-language">
      <LanguageMenu />
    </div>
  );
}
