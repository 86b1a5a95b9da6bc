import type { Db } from '../connection';
import { stmt, tx } from '../stmt';
import { recordAudit, type WriteContext } from './audit';
import type { ImportProfile } from '../core/results';

export function listProfiles(db: Db): ImportProfile[] {
  const rows = stmt(db, 'SELECT name, mapping FROM import_profiles ORDER BY name').all() as {
    name: string;
    mapping: string;
  }[];
  return rows.map((r) => {
    // With place names mapped, the JSON is {"columns":{…},"values":{…}}; without, the flat column
    // mapping as profiles have always been kept. A header entry is a field name or null, never
    // an object, so an object under "columns" tells the two apart.
    const stored = JSON.parse(r.mapping) as Record<string, unknown>;
    const columns = stored.columns;
    if (typeof columns === 'object' && columns !== null) {
      return {
        name: r.name,
        mapping: columns as ImportProfile['mapping'],
        ...(stored.values ? { values: stored.values as ImportProfile['values'] } : {}),
      };
    }
    return { name: r.name, mapping: stored as ImportProfile['mapping'] };
  });
}

export function saveProfile(db: Db, ctx: WriteContext, profile: ImportProfile): ImportProfile {
  return tx(db, () => {
    const before = listProfiles(db).find((p) => p.name === profile.name) ?? null;
    stmt(
      db,
      `INSERT INTO import_profiles (name, mapping, updated_at) VALUES (?, ?, ?)
       ON CONFLICT (name) DO UPDATE SET mapping = excluded.mapping, updated_at = excluded.updated_at`,
    ).run(
      profile.name,
      JSON.stringify(profile.values ? { columns: profile.mapping, values: profile.values } : profile.mapping),
      new Date().toISOString(),
    );
    recordAudit(db, ctx, 'importProfile', profile.name, before ? 'update' : 'create', before, profile);
    return profile;
  });
}

export function deleteProfile(db: Db, ctx: WriteContext, name: string): void {
  tx(db, () => {
    const before = listProfiles(db).find((p) => p.name === name);
    if (!before) return;
    stmt(db, 'DELETE FROM import_profiles WHERE name = ?').run(name);
    recordAudit(db, ctx, 'importProfile', name, 'delete', before, null);
  });
}
