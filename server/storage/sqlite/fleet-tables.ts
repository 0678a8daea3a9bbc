/** The fleet half of the SQLite hub store: devices, enrollment, revocation, heartbeats. */
import type { Heartbeat } from '../../../shared/protocol/index.js';
import type { DeviceRow, EnrollOutcome, NewDevice } from '../hub-store.js';
import type { Db } from './database.js';

interface DeviceSqlRow {
  id: string;
  name: string;
  store_code: string;
  token_hash: string | null;
  created_at: string;
  enrolled_at: string | null;
  revoked_at: string | null;
  last_seen_at: string | null;
  app_version: string | null;
  cursors_json: string | null;
  hardware_json: string | null;
  uptime_seconds: number | null;
  memory_mb: number | null;
}

function toDevice(row: DeviceSqlRow): DeviceRow {
  return {
    id: row.id,
    name: row.name,
    storeCode: row.store_code,
    tokenHash: row.token_hash,
    createdAt: row.created_at,
    enrolledAt: row.enrolled_at,
    revokedAt: row.revoked_at,
    lastSeenAt: row.last_seen_at,
    appVersion: row.app_version,
    cursors: row.cursors_json === null ? null : (JSON.parse(row.cursors_json) as Record<string, number>),
    hardware: row.hardware_json === null ? null : (JSON.parse(row.hardware_json) as Heartbeat['hardware']),
    uptimeSeconds: row.uptime_seconds,
    memoryMb: row.memory_mb,
  };
}

export class FleetTables {
  constructor(private readonly db: Db) {}

  createDevice(device: NewDevice): void {
    this.db
      .prepare(
        'INSERT INTO devices (id, name, store_code, enrollment_hash, created_at) VALUES (?, ?, ?, ?, ?)',
      )
      .run(device.id, device.name, device.storeCode, device.enrollmentHash, device.createdAt);
  }

  enrollDevice(enrollmentHash: string, tokenHash: string, appVersion: string, at: string): EnrollOutcome {
    // Invariant: a code is traded for a token at most once. Reading and marking it enrolled in one
    // (write) transaction means two devices presenting the same code cannot both get a token.
    return this.db
      .transaction((): EnrollOutcome => {
        const row = this.db
          .prepare<[string], DeviceSqlRow>('SELECT * FROM devices WHERE enrollment_hash = ?')
          .get(enrollmentHash);
        if (row === undefined) return { ok: false, reason: 'unknown' };
        if (row.revoked_at !== null) return { ok: false, reason: 'revoked' };
        if (row.enrolled_at !== null) return { ok: false, reason: 'used' };
        this.db
          .prepare('UPDATE devices SET token_hash = ?, enrolled_at = ?, app_version = ? WHERE id = ?')
          .run(tokenHash, at, appVersion, row.id);
        return {
          ok: true,
          device: toDevice({ ...row, token_hash: tokenHash, enrolled_at: at, app_version: appVersion }),
        };
      })
      .immediate();
  }

  getDevice(id: string): DeviceRow | null {
    const row = this.db.prepare<[string], DeviceSqlRow>('SELECT * FROM devices WHERE id = ?').get(id);
    return row === undefined ? null : toDevice(row);
  }

  listDevices(): DeviceRow[] {
    return this.db
      .prepare<[], DeviceSqlRow>('SELECT * FROM devices ORDER BY store_code, id')
      .all()
      .map(toDevice);
  }

  revokeDevice(id: string, at: string): boolean {
    const result = this.db
      .prepare('UPDATE devices SET revoked_at = coalesce(revoked_at, ?), token_hash = NULL WHERE id = ?')
      .run(at, id);
    return result.changes > 0;
  }

  touchDevice(id: string, at: string): void {
    this.db.prepare('UPDATE devices SET last_seen_at = ? WHERE id = ?').run(at, id);
  }

  recordHeartbeat(id: string, heartbeat: Heartbeat, at: string): void {
    this.db
      .prepare(
        `UPDATE devices SET last_seen_at = ?, app_version = ?, cursors_json = ?, hardware_json = ?,
           uptime_seconds = ?, memory_mb = ? WHERE id = ?`,
      )
      .run(
        at,
        heartbeat.appVersion,
        JSON.stringify(heartbeat.cursors),
        JSON.stringify(heartbeat.hardware),
        heartbeat.uptimeSeconds,
        heartbeat.memoryMb,
        id,
      );
  }
}
