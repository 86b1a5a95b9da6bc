import { AXES } from '../../../db/core/axes';
import { loadDemo } from '../../../db/demo';
import type { Db } from '../../../db/connection';
import { getFindings } from '../../../db/queries/health';
import { isSumMeasure, type SumMeasure } from '../../../db/core/measures';
import { cellInitiatives, getMatrix } from '../../../db/queries/matrix';
import {
  addDraft,
  commitDrafts,
  discardDrafts,
  listDrafts,
  removeDraft,
  withDrafts,
} from '../../../db/queries/planning';
import type { ParsedInputOf } from '../../../db/core/contract';
import { scopeIds } from '../../../db/queries/scope';
import { getStats } from '../../../db/queries/stats';
import { listAudit } from '../../../db/repos/audit';
import { getReport } from '../../../db/queries/report';
import { getRegion } from '../../../db/repos/regions';
import { getLogo, getSettings, setLogo, updateSettings } from '../../../db/repos/settings';
import { lastChange, undoLast } from '../../../db/repos/undo';
import type { DomainHandlers } from './types';
import type { MatrixRow } from '../../../db/core/results';

export const axesHandlers = {
  'axes.list': () => [...AXES],
} satisfies DomainHandlers<'axes'>;

export const settingsHandlers = {
  'settings.get': (_input, { db }) => getSettings(db),
  'settings.update': (input, { db, source }) => updateSettings(db, { source }, input),
} satisfies DomainHandlers<'settings'>;

export const logoHandlers = {
  'logo.get': (_input, { db }) => ({ logo: getLogo(db) }),
  'logo.set': (input, { db, source }) => ({ logo: setLogo(db, { source }, input.base64) }),
} satisfies DomainHandlers<'logo'>;

export const auditHandlers = {
  'audit.list': (input, { db }) => listAudit(db, input ?? {}),
} satisfies DomainHandlers<'audit'>;

export const historyHandlers = {
  'history.last': (_input, { db }) => ({ change: lastChange(db) }),
  'history.undo': (_input, { db, source }) => undoLast(db, { source }),
} satisfies DomainHandlers<'history'>;

/** The matrix for a view as the screens ask for it (matrix.get, planning.preview). */
export function matrixFor(db: Db, input: ParsedInputOf<'matrix.get'>, extra: SumMeasure[] = []): MatrixRow[] {
  const { regionId, measure, ...rest } = input ?? {};
  const regionIds = scopeIds(db, regionId);
  const shown: SumMeasure[] = isSumMeasure(measure) ? [measure] : [];
  const only =
    measure === undefined
      ? {}
      : { measures: [...new Set([...extra, ...shown])], achievement: measure === 'achievement' };
  return getMatrix(db, { ...rest, ...only, regionIds });
}

export const matrixHandlers = {
  'matrix.get': (input, { db }) => matrixFor(db, input),
  'matrix.cell': ({ regionId, clusterId, axis, drafts, ...view }, { db }) => {
    const list = () => cellInitiatives(db, view, { regionId, clusterId }, axis);
    const real = list();
    if (!drafts) return real.map((i) => ({ ...i, draft: false }));
    const ids = new Set(real.map((i) => i.id));
    return withDrafts(db, list).value.map((i) => ({ ...i, draft: !ids.has(i.id) }));
  },
} satisfies DomainHandlers<'matrix'>;

export const planningHandlers = {
  'planning.list': (_input, { db }) => listDrafts(db),
  'planning.add': (input, { db, source }) => addDraft(db, { source }, input),
  'planning.remove': (input, { db, source }) => {
    removeDraft(db, { source }, input.id);
    return {};
  },
  'planning.preview': (input, { db }) => {
    // Budget by axis before and after is always shown, whatever the measure on the matrix.
    const view = () => ({ matrix: matrixFor(db, input, ['budget']), findings: getFindings(db, {}) });
    const before = view();
    const { value: after, problems } = withDrafts(db, view);
    return { drafts: listDrafts(db), before, after, problems };
  },
  'planning.commit': (_input, { db, source }) => commitDrafts(db, { source }),
  'planning.discard': (_input, { db, source }) => ({ discarded: discardDrafts(db, { source }) }),
} satisfies DomainHandlers<'planning'>;

export const reportHandlers = {
  'report.get': (input, { db }) =>
    getReport(db, {
      period: input?.period,
      region: input?.regionId ? getRegion(db, input.regionId).code : undefined,
    }),
} satisfies DomainHandlers<'report'>;

export const healthHandlers = {
  'health.findings': (input, { db }) =>
    getFindings(db, {
      regionIds: input?.regionId ? new Set(scopeIds(db, input.regionId)) : null,
      ...(input?.rules ? { rules: input.rules } : {}),
    }),
} satisfies DomainHandlers<'health'>;

export const portfolioHandlers = {
  'portfolio.stats': (_input, { db }) => getStats(db),
  'portfolio.loadDemo': (_input, { db, source }) => {
    loadDemo(db, { source });
    return getStats(db);
  },
} satisfies DomainHandlers<'portfolio'>;
