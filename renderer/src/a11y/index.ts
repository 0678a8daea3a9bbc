export { AccessibilityProvider } from './AccessibilityProvider.js';
export { AccessibilityButton, TopBarSpeech } from './AccessibilityButton.js';
export { ReachFrame } from './ReachFrame.js';
export { useA11y } from './a11y-context.js';
