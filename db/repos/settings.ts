import type { Db } from '../connection';
import { stmt, tx } from '../stmt';
import { OFFICE_CODE, SETTINGS_DEFAULTS, Settings } from '../core/model';
import { recordAudit, type WriteContext } from './audit';
import { checkLogo, type Logo } from '../core/logo';

export function getSettings(db: Db): Settings {
  const rows = stmt(db, 'SELECT key, value FROM settings WHERE key <> ?').all(LOGO_KEY) as {
    key: string;
    value: string;
  }[];
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

/** The office code alone: read for every new initiative's code, so without parsing the rest. */
export function officeCode(db: Db): string {
  const row = stmt(db, "SELECT value FROM settings WHERE key = 'officeCode'").get() as { value: string } | undefined;
  if (!row) return '';
  const code = JSON.parse(row.value) as unknown;
  return typeof code === 'string' && OFFICE_CODE.test(code) ? code : '';
}

/** The logo is kept apart from the settings (a few hundred kB, read only when a report is made). */
const LOGO_KEY = 'reportLogo';

export function getLogo(db: Db): Logo | null {
  const row = stmt(db, 'SELECT value FROM settings WHERE key = ?').get(LOGO_KEY) as { value: string } | undefined;
  if (!row) return null;
  try {
    const { base64 } = JSON.parse(row.value) as { base64: string };
    // Checked again on the way out: a hand-edited file never puts a broken image into a report.
    return { ...checkLogo(Buffer.from(base64, 'base64')), base64 };
  } catch {
    return null;
  }
}

/** Keeps (or, with null, removes) the logo; audited by its kind and size, not its bytes. */
export function setLogo(db: Db, ctx: WriteContext, base64: string | null): Logo | null {
  return tx(db, () => {
    const before = getLogo(db);
    const summary = (l: Logo | null) => l && { mime: l.mime, width: l.width, height: l.height, bytes: l.base64.length };
    if (base64 === null) {
      stmt(db, 'DELETE FROM settings WHERE key = ?').run(LOGO_KEY);
      recordAudit(db, ctx, 'settings', 'logo', 'delete', summary(before), null);
      return null;
    }
    const info = checkLogo(Buffer.from(base64, 'base64'));
    const after = { ...info, base64 };
    stmt(
      db,
      'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
    ).run(LOGO_KEY, JSON.stringify({ base64 }));
    recordAudit(db, ctx, 'settings', 'logo', before ? 'update' : 'create', summary(before), summary(after));
    return after;
  });
}
