/**
 * What a write changes among the collections the screens keep, so that after it only those are
 * fetched again. Null: anything may have changed (another file, an undo, an import, the demo).
 */
import type { OperationName } from '../../db/core/contract';

export const COLLECTIONS = {
  axes: 'axes.list',
  regions: 'regions.list',
  sectors: 'sectors.list',
  clusters: 'clusters.list',
  initiatives: 'initiatives.list',
  matrix: 'matrix.get',
  findings: 'health.findings',
  stats: 'portfolio.stats',
  settings: 'settings.get',
} as const satisfies Record<string, OperationName>;
export type Collection = keyof typeof COLLECTIONS;

/** The figures every record of the portfolio feeds: the matrix, the health findings, the inventory. */
const FIGURES: Collection[] = ['matrix', 'findings', 'stats'];

export function touched(name: OperationName): Collection[] | null {
  const [domain, verb] = name.split('.') as [string, string];
  switch (domain) {
    case 'regions':
      return ['regions', ...FIGURES];
    // A sector's deletion leaves its clusters without one.
    case 'sectors':
      return ['sectors', 'clusters', ...FIGURES];
    // A cluster moved to another region takes its initiatives' region with it.
    case 'clusters':
      return ['clusters', 'initiatives', ...FIGURES];
    case 'initiatives':
    case 'indicators':
      return ['initiatives', ...FIGURES];
    // The rules' thresholds are settings; the rest shows through the formatter.
    case 'settings':
      return ['settings', 'findings'];
    // The logo and the submissions are read where they are shown, not kept.
    case 'logo':
    case 'submissions':
    case 'comments':
    case 'importProfiles':
      return [];
    // Drafts live apart until the session commits them.
    case 'planning':
      return verb === 'commit' ? ['initiatives', ...FIGURES] : [];
    case 'backups':
      return verb === 'create' ? [] : null;
    default:
      return null;
  }
}
