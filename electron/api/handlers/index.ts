import { clusterHandlers, indicatorHandlers, initiativeHandlers, regionHandlers, sectorHandlers } from './entities';
import {
  auditHandlers,
  axesHandlers,
  healthHandlers,
  historyHandlers,
  matrixHandlers,
  planningHandlers,
  portfolioHandlers,
  reportHandlers,
  settingsHandlers,
  logoHandlers,
} from './portfolio';
import {
  commentHandlers,
  exchangeHandlers,
  importHandlers,
  jobHandlers,
  profileHandlers,
  submissionHandlers,
} from './exchange';
import { backupHandlers, fileHandlers } from './files';
import { ministryHandlers, officeHandlers } from './ministry';
import type { Handlers } from './types';

export const handlers = {
  ...axesHandlers,
  ...regionHandlers,
  ...sectorHandlers,
  ...clusterHandlers,
  ...initiativeHandlers,
  ...indicatorHandlers,
  ...settingsHandlers,
  ...logoHandlers,
  ...auditHandlers,
  ...historyHandlers,
  ...matrixHandlers,
  ...healthHandlers,
  ...reportHandlers,
  ...planningHandlers,
  ...portfolioHandlers,
  ...ministryHandlers,
  ...officeHandlers,
  ...exchangeHandlers,
  ...submissionHandlers,
  ...commentHandlers,
  ...importHandlers,
  ...profileHandlers,
  ...jobHandlers,
  ...fileHandlers,
  ...backupHandlers,
} satisfies Handlers;
