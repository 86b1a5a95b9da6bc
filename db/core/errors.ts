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
  new AppError('NOT_FOUND', { ar: `${entity.ar} غير موجود (${id}).`, en: `${entity.en} not found (${id}).` }, { id });

export const invalid = (message: Bilingual, details?: unknown): AppError =>
  new AppError('INVALID_INPUT', message, details);

/** Names of entities as they appear inside error messages. */
export const ENTITY_NAMES = {
  region: { ar: 'الإقليم', en: 'Region' },
  sector: { ar: 'القطاع', en: 'Sector' },
  cluster: { ar: 'التجمع الإنتاجي', en: 'Productive cluster' },
  initiative: { ar: 'المبادرة', en: 'Initiative' },
  indicator: { ar: 'المؤشر', en: 'Indicator' },
} as const satisfies Record<string, Bilingual>;

export type EntityName = keyof typeof ENTITY_NAMES;

/** A path inside Arabic text, isolated left-to-right (U+2066…U+2069) so its slashes stay put. */
export const ltr = (text: string): string => `\u2066${text}\u2069`;
