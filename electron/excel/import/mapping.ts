import { readFileSync } from 'node:fs';
import { AppError } from '../../../db/core/errors';
import { type Field, MAPPABLE_FIELDS } from '../../../db/core/register';
import { bilingual } from '../../../db/core/messages';

/**
 * A column mapping: header text as it stands in the workbook → field name, or null to ignore
 * the column. Shape of `--map FILE.json` and of a saved profile.
 */
export type Mapping = Record<string, Field | null>;

export function parseMapping(value: unknown): Mapping {
  const bad = (detail: string) =>
    new AppError('INVALID_INPUT', bilingual('errors.badMapping', { detail }), { reason: 'bad_mapping' });
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw bad('not an object');
  const out: Mapping = Object.create(null) as Mapping;
  for (const [header, field] of Object.entries(value)) {
    if (field !== null && !MAPPABLE_FIELDS.includes(field as Field)) throw bad(`"${String(field)}"`);
    out[header] = field as Field | null;
  }
  return out;
}

export function readMappingFile(file: string): Mapping {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    throw new AppError('INVALID_INPUT', bilingual('errors.mappingUnreadable', { file }), { reason: 'bad_mapping' });
  }
  return parseMapping(json);
}
