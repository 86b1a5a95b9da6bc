import Database from 'better-sqlite3';
import { readFileSync, writeFileSync } from 'node:fs';

/** Overwrites pages in the middle of a file with garbage, as a failing disk might. */
export function damage(file: string): void {
  const bytes = readFileSync(file);
  const page = 4096;
  for (let i = 8 * page; i < Math.min(bytes.length - page, 24 * page); i += 3) bytes[i] = (i * 7919) & 0xff;
  writeFileSync(file, bytes);
}

/**
 * Overwrites the leaf pages of one table with garbage, as a bad sector under that table would:
 * the rest of the file stays readable, but the file fails its check.
 */
export function damageTable(file: string, table: string, which: 'all' | 'middle' = 'all'): void {
  const db = new Database(file, { readonly: true });
  const size = db.pragma('page_size', { simple: true }) as number;
  const pages = (
    db
      .prepare("SELECT pageno FROM dbstat WHERE name = ? AND pagetype = 'leaf' ORDER BY pageno")
      .pluck()
      .all(table) as number[]
  ).filter((_p, i, all) => which === 'all' || i === Math.floor(all.length / 2));
  db.close();
  const bytes = readFileSync(file);
  for (const page of pages) {
    for (let i = (page - 1) * size; i < page * size; i++) bytes[i] = (i * 7919) & 0xff;
  }
  writeFileSync(file, bytes);
}
