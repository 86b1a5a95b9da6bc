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
    // The place-name mapping rides in the same JSON under "values", an object where every
    // header entry is a field name or null, so the two never clash (and older rows need no migration).
    const { values, ...mapping } = JSON.parse(r.mapping) as ImportProfile['mapping'] & { values?: unknown };
    const isValues = typeof values === 'object' && values !== null;
    return {
      name: r.name,
      mapping: isValues
        ? mapping
        : { ...mapping, ...(values === undefined ? {} : { values: values as string | null }) },
      ...(isValues ? { values: values as ImportProfile['values'] } : {}),
    };
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
      JSON.stringify(profile.values ? { ...profile.mapping, values: profile.values } : profile.mapping),
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
