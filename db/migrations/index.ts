import type { Database } from 'better-sqlite3';
import * as m0010 from './0010-initial';
import * as m0020 from './0020-import-batches';
import * as m0030 from './0030-matrix-measures';
import * as m0040 from './0040-plan-drafts';
import * as m0050 from './0050-cluster-sums';
import * as m0060 from './0060-changes';
import * as m0070 from './0070-unclassified';
import * as m0080 from './0080-submissions';
import * as m0090 from './0090-ministry';

export interface Migration {
  version: number;
  name: string;
  up(db: Database): void;
}

/** In order; numbered in steps of 10. A released migration is never edited, only followed. */
export const MIGRATIONS: readonly Migration[] = [m0010, m0020, m0030, m0040, m0050, m0060, m0070, m0080, m0090];

export const LATEST_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;
