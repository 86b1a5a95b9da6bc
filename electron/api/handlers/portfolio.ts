import { AXES } from '../../../db/axes';
import { loadDemo } from '../../../db/demo';
import type { Db } from '../../../db/connection';
import { getFindings } from '../../../db/queries/health';
import { getMatrix } from '../../../db/queries/matrix';
import { withGovernorates } from '../../../db/queries/scope';
import { listRegions } from '../../../db/repos/regions';
import { getStats } from '../../../db/queries/stats';
import { listAudit } from '../../../db/repos/audit';
import { getSettings, updateSettings } from '../../../db/repos/settings';
import type { DomainHandlers } from './types';

export const axesHandlers = {
  'axes.list': () => [...AXES],
} satisfies DomainHandlers<'axes'>;

export const settingsHandlers = {
  'settings.get': (_input, { db }) => getSettings(db),
  'settings.update': (input, { db, source }) => updateSettings(db, { source }, input),
} satisfies DomainHandlers<'settings'>;

export const auditHandlers = {
  'audit.list': (input, { db }) => listAudit(db, input ?? {}),
} satisfies DomainHandlers<'audit'>;

const scopeOf = (db: Db, regionId: string | undefined) =>
  regionId ? withGovernorates(listRegions(db), regionId) : null;

export const matrixHandlers = {
  'matrix.get': (input, { db }) => {
    const { regionId, measure, ...rest } = input ?? {};
    const scope = scopeOf(db, regionId);
    const only =
      measure === undefined
        ? {}
        : {
            measures: measure === 'budget' || measure === 'spent' || measure === 'progress' ? [measure] : [],
            achievement: measure === 'achievement',
          };
    return getMatrix(db, { ...rest, ...only, ...(scope ? { regionIds: [...scope] } : {}) });
  },
} satisfies DomainHandlers<'matrix'>;

export const healthHandlers = {
  'health.findings': (input, { db }) =>
    getFindings(db, { regionIds: scopeOf(db, input?.regionId), ...(input?.rules ? { rules: input.rules } : {}) }),
} satisfies DomainHandlers<'health'>;

export const portfolioHandlers = {
  'portfolio.stats': (_input, { db }) => getStats(db),
  'portfolio.loadDemo': (_input, { db, source }) => {
    loadDemo(db, { source });
    return getStats(db);
  },
} satisfies DomainHandlers<'portfolio'>;
