/**
 * The kiosk page's Content-Security-Policy in the Electron shell (security checklist §7), sent as
 * a header with every page the app scheme serves. It is the browser host's policy
 * (main/host/static-server.ts) minus the WebSocket: here the bridge is IPC, so the page connects
 * to nothing. A test holds the two together, so a source the UI needs (a 3D model host, a
 * worker) cannot be added to one shell and forgotten in the other.
 */
export const SHELL_CSP_DIRECTIVES: Readonly<Record<string, readonly string[]>> = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  // React sets style attributes (positions, the theme's custom properties from the config).
  'style-src': ["'self'", "'unsafe-inline'"],
  // Product images and campaign media come from the retailer's CDN (feed URLs are https).
  'img-src': ["'self'", 'data:', 'blob:', 'https:'],
  'media-src': ["'self'", 'https:', 'blob:'],
  'connect-src': ["'self'"],
  'font-src': ["'self'", 'data:'],
  'object-src': ["'none'"],
  'base-uri': ["'none'"],
  'frame-ancestors': ["'none'"],
  'form-action': ["'none'"],
};

export const SHELL_CONTENT_SECURITY_POLICY = Object.entries(SHELL_CSP_DIRECTIVES)
  .map(([directive, sources]) => `${directive} ${sources.join(' ')}`)
  .join('; ');
