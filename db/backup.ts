import { mkdirSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import type { Db } from './connection';

/**
 * Copies the open portfolio with SQLite's online backup (never a file copy, which could catch
 * a half-written page) into a `backups` folder beside it. Returns the backup's path.
 */
export async function backupBeside(db: Db, reason: string, now = new Date()): Promise<string> {
  const file = db.name;
  const dir = join(dirname(file), 'backups');
  mkdirSync(dir, { recursive: true });
  const stamp = now.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
  const target = join(dir, `${basename(file, extname(file))}-${stamp}-${reason}${extname(file) || '.tajammu'}`);
  await db.backup(target);
  return target;
}
