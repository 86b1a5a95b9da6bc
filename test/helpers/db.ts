import { join } from 'node:path';
import { afterEach } from 'vitest';
import { open, type Db } from '../../db/connection';
import { useTempDir } from './tmp';

/** A real, migrated portfolio file per test, closed and removed afterwards. */
export function useTestDb(): () => Db {
  const tempDir = useTempDir();
  const open_: Db[] = [];
  afterEach(() => {
    for (const db of open_.splice(0)) if (db.open) db.close();
  });
  return () => {
    const db = open(join(tempDir(), 'portfolio.tajammu'));
    open_.push(db);
    return db;
  };
}
