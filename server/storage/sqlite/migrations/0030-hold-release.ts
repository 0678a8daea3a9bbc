/**
 * Devices see stock less what reservations hold: a hold logs the store's new availability, and
 * so does its expiry. `released` marks a reservation whose expiry has been logged, so the sweep
 * (SqliteHubStore.releaseExpiredHolds) logs each expiry once, across restarts.
 */
export const sql = /* sql */ `
ALTER TABLE reservations ADD COLUMN released INTEGER NOT NULL DEFAULT 0;
CREATE INDEX reservations_unreleased ON reservations(expires_at) WHERE released = 0;
`;
