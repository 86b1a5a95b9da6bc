import type { Db } from '../connection';
import { stmt, tx } from '../stmt';
import { SETTINGS_DEFAULTS, Settings } from '../core/model';
import { recordAudit, type WriteContext } from './audit';

export function getSettings(db: Db): Settings {
  const rows = stmt(db, 'SELECT key, value FROM settings').all() as { key: string; value: string }[];
  const stored = Object.fromEntries(rows.map((r) => [r.key, JSON.parse(r.value) as unknown]));
  // A value that no longer fits the schema (e.g. from a hand-edited file) falls back to the default.
  const merged = { ...SETTINGS_DEFAULTS, ...stored };
  const parsed = Settings.safeParse(merged);
  return parsed.success ? parsed.data : SETTINGS_DEFAULTS;
}

export function updateSettings(db: Db, ctx: WriteContext, patch: Partial<Settings>): Settings {
  return tx(db, () => {
    const before = getSettings(db);
    const after = Settings.parse({ ...before, ...patch });
    const upsert = stmt(
      db,
      'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
    );
    for (const [key, value] of Object.entries(after)) upsert.run(key, JSON.stringify(value));
    recordAudit(db, ctx, 'settings', 'settings', 'update', before, after);
    return after;
  });
}
