import { proposeAxes } from '../../../db/queries/classify';
import * as clusters from '../../../db/repos/clusters';
import * as indicators from '../../../db/repos/indicators';
import * as initiatives from '../../../db/repos/initiatives';
import * as regions from '../../../db/repos/regions';
import * as sectors from '../../../db/repos/sectors';
import type { DomainHandlers } from './types';

export const regionHandlers = {
  'regions.list': (_input, { db }) => regions.listRegions(db),
  'regions.get': ({ id }, { db }) => regions.getRegion(db, id),
  'regions.create': (input, { db, source }) => regions.createRegion(db, { source }, input),
  'regions.update': (input, { db, source }) => regions.updateRegion(db, { source }, input),
  'regions.delete': ({ id }, { db, source }) => regions.deleteRegion(db, { source }, id),
} satisfies DomainHandlers<'regions'>;

export const sectorHandlers = {
  'sectors.list': (_input, { db }) => sectors.listSectors(db),
  'sectors.get': ({ id }, { db }) => sectors.getSector(db, id),
  'sectors.create': (input, { db, source }) => sectors.createSector(db, { source }, input),
  'sectors.update': (input, { db, source }) => sectors.updateSector(db, { source }, input),
  'sectors.delete': ({ id }, { db, source }) => sectors.deleteSector(db, { source }, id),
} satisfies DomainHandlers<'sectors'>;

export const clusterHandlers = {
  'clusters.list': (input, { db }) => clusters.listClusters(db, input ?? {}),
  'clusters.get': ({ id }, { db }) => clusters.getCluster(db, id),
  'clusters.create': (input, { db, source }) => clusters.createCluster(db, { source }, input),
  'clusters.update': (input, { db, source }) => clusters.updateCluster(db, { source }, input),
  'clusters.delete': ({ id }, { db, source }) => clusters.deleteCluster(db, { source }, id),
} satisfies DomainHandlers<'clusters'>;

export const initiativeHandlers = {
  'initiatives.list': (input, { db }) => initiatives.listInitiatives(db, input ?? {}),
  'initiatives.get': ({ id }, { db }) => initiatives.getInitiative(db, id),
  'initiatives.create': (input, { db, source }) => initiatives.createInitiative(db, { source }, input),
  'initiatives.createWithIndicators': (input, { db, source }) =>
    initiatives.createInitiativeWithIndicators(db, { source }, input),
  'initiatives.update': (input, { db, source }) => initiatives.updateInitiative(db, { source }, input),
  'initiatives.updateWithIndicators': (input, { db, source }) =>
    initiatives.updateInitiativeWithIndicators(db, { source }, input),
  'initiatives.delete': ({ id }, { db, source }) => initiatives.deleteInitiative(db, { source }, id),
  'initiatives.setStatus': ({ ids, status }, { db, source }) => initiatives.setStatus(db, { source }, ids, status),
  'initiatives.deleteMany': ({ ids }, { db, source }) => initiatives.deleteInitiatives(db, { source }, ids),
  'initiatives.proposals': ({ ids, limit }, { db }) => proposeAxes(db, ids, limit),
  'initiatives.classify': ({ items }, { db, source }) => initiatives.classifyInitiatives(db, { source }, items),
} satisfies DomainHandlers<'initiatives'>;

export const indicatorHandlers = {
  'indicators.list': ({ initiativeId }, { db }) => indicators.listIndicators(db, initiativeId),
  'indicators.get': ({ id }, { db }) => indicators.getIndicator(db, id),
  'indicators.create': (input, { db, source }) => indicators.createIndicator(db, { source }, input),
  'indicators.update': (input, { db, source }) => indicators.updateIndicator(db, { source }, input),
  'indicators.delete': ({ id }, { db, source }) => indicators.deleteIndicator(db, { source }, id),
} satisfies DomainHandlers<'indicators'>;
