import { clusterHandlers, indicatorHandlers, initiativeHandlers, regionHandlers, sectorHandlers } from './entities';
import { auditHandlers, axesHandlers, matrixHandlers, portfolioHandlers, settingsHandlers } from './portfolio';
import type { Handlers } from './types';

export const handlers = {
  ...axesHandlers,
  ...regionHandlers,
  ...sectorHandlers,
  ...clusterHandlers,
  ...initiativeHandlers,
  ...indicatorHandlers,
  ...settingsHandlers,
  ...auditHandlers,
  ...matrixHandlers,
  ...portfolioHandlers,
} satisfies Handlers;
