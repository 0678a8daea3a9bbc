// Analytics: the event catalogue both the kiosk and the hub check events against.
export * from './events.js';
export * from './search-query.js';
