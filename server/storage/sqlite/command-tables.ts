/** The remote-command half of the SQLite hub store (migration 0020-commands). */
import type { CommandOutcome, CommandRow, CompleteOutcome, NewCommand } from '../hub-store.js';
import type { Db } from './database.js';

interface CommandSqlRow {
  id: string;
  device_id: string;
  kind: string;
  payload: string;
  created_at: string;
  delivered_at: string | null;
  result_json: string | null;
  completed_at: string | null;
}

function toCommand(row: CommandSqlRow): CommandRow {
  return {
    id: row.id,
    deviceId: row.device_id,
    // Written by createCommand from a kind the admin route parsed.
    kind: row.kind as CommandRow['kind'],
    payload: JSON.parse(row.payload) as Record<string, unknown>,
    createdAt: row.created_at,
    deliveredAt: row.delivered_at,
    result: row.result_json === null ? null : (JSON.parse(row.result_json) as CommandOutcome),
    completedAt: row.completed_at,
  };
}

export class CommandTables {
  constructor(private readonly db: Db) {}

  createCommand(command: NewCommand): void {
    this.db
      .prepare('INSERT INTO commands (id, device_id, kind, payload, created_at) VALUES (?, ?, ?, ?, ?)')
      .run(command.id, command.deviceId, command.kind, JSON.stringify(command.payload), command.createdAt);
  }

  getCommand(id: string): CommandRow | null {
    const row = this.db.prepare<[string], CommandSqlRow>('SELECT * FROM commands WHERE id = ?').get(id);
    return row === undefined ? null : toCommand(row);
  }

  listCommands(deviceId: string): CommandRow[] {
    return this.db
      .prepare<[string], CommandSqlRow>('SELECT * FROM commands WHERE device_id = ? ORDER BY created_at, id')
      .all(deviceId)
      .map(toCommand);
  }

  pendingCommands(deviceId: string): CommandRow[] {
    return this.db
      .prepare<[string], CommandSqlRow>(
        'SELECT * FROM commands WHERE device_id = ? AND completed_at IS NULL ORDER BY created_at, id',
      )
      .all(deviceId)
      .map(toCommand);
  }

  markCommandDelivered(id: string, at: string): void {
    this.db.prepare('UPDATE commands SET delivered_at = ? WHERE id = ?').run(at, id);
  }

  commandCounts(): Map<string, { pending: number; completed: number }> {
    const rows = this.db
      .prepare<[], { device_id: string; pending: number; completed: number }>(
        `SELECT device_id, sum(completed_at IS NULL) AS pending, sum(completed_at IS NOT NULL) AS completed
           FROM commands GROUP BY device_id`,
      )
      .all();
    return new Map(rows.map((r) => [r.device_id, { pending: r.pending, completed: r.completed }]));
  }

  completeCommand(deviceId: string, id: string, outcome: CommandOutcome, at: string): CompleteOutcome {
    // Invariant: a command keeps its first result. Checking and writing in one write transaction
    // means a result sent twice (a device re-answering a re-sent command) cannot overwrite it.
    return this.db
      .transaction((): CompleteOutcome => {
        const row = this.db
          .prepare<[string], { device_id: string; completed_at: string | null }>(
            'SELECT device_id, completed_at FROM commands WHERE id = ?',
          )
          .get(id);
        if (row?.device_id !== deviceId) return 'unknown';
        if (row.completed_at !== null) return 'duplicate';
        this.db
          .prepare('UPDATE commands SET result_json = ?, completed_at = ? WHERE id = ?')
          .run(JSON.stringify(outcome), at, id);
        return 'stored';
      })
      .immediate();
  }
}
