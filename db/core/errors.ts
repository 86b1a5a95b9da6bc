import { bilingual } from './messages';

/** A failure the user can act on: a stable code the UI branches on, and a message in both languages. */
export interface Bilingual {
  ar: string;
  en: string;
}

export type ErrorCode =
  | 'UNKNOWN_OPERATION'
  | 'INVALID_INPUT'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'IN_USE'
  | 'NOT_A_PORTFOLIO'
  /** A file that is not what it was given as (not a reply, not a package): exit 2 on the CLI. */
  | 'FOREIGN_FILE'
  | 'NEWER_FILE'
  | 'FILE_DAMAGED'
  | 'FILE_EXISTS'
  | 'FILE_GONE'
  | 'WRITE_FAILED'
  | 'NO_PORTFOLIO'
  | 'BUSY'
  | 'CANCELLED'
  | 'INTERNAL';

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly bilingual: Bilingual,
    readonly details?: unknown,
  ) {
    super(bilingual.en);
    this.name = 'AppError';
  }
}

export const notFound = (entity: Bilingual, id: string): AppError =>
  new AppError('NOT_FOUND', bilingual('errors.notFound', { entity, id }), { id });

export const invalid = (message: Bilingual, details?: unknown): AppError =>
  new AppError('INVALID_INPUT', message, details);

/** Names of entities as they appear inside error messages. */
export const ENTITY_NAMES = {
  region: bilingual('entities.region'),
  sector: bilingual('entities.sector'),
  cluster: bilingual('entities.cluster'),
  initiative: bilingual('entities.initiative'),
  indicator: bilingual('entities.indicator'),
} as const satisfies Record<string, Bilingual>;

export type EntityName = keyof typeof ENTITY_NAMES;
