import { AXES } from '../../../db/axes';
import { loadDemo } from '../../../db/demo';
import { getMatrix } from '../../../db/queries/matrix';
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

export const matrixHandlers = {
  'matrix.get': (input, { db }) => getMatrix(db, input ?? {}),
} satisfies DomainHandlers<'matrix'>;

export const portfolioHandlers = {
  'portfolio.stats': (_input, { db }) => getStats(db),
  'portfolio.loadDemo': (_input, { db, source }) => {
    loadDemo(db, { source });
    return getStats(db);
  },
} satisfies DomainHandlers<'portfolio'>;
