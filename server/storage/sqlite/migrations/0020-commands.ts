/**
 * Remote commands (DESIGN.md, Fleet): kept until their device answers, so a command to an offline
 * device survives a hub restart and is sent on its next connect. `delivered_at` is the last time
 * it was sent; a command stays pending until `completed_at` is set by the device's result.
 */
export const sql = /* sql */ `
CREATE TABLE commands (
  id           TEXT PRIMARY KEY,
  device_id    TEXT NOT NULL,
  kind         TEXT NOT NULL,
  payload      TEXT NOT NULL,
  created_at   TEXT NOT NULL,
  delivered_at TEXT,
  result_json  TEXT,
  completed_at TEXT
) STRICT, WITHOUT ROWID;
-- Pending commands of a device, in the order they were made.
CREATE INDEX commands_device ON commands(device_id, completed_at, created_at);
`;
