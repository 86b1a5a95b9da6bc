import { readFileSync } from 'node:fs';
import { AppError } from '../../../db/core/errors';
import { type Field, MAPPABLE_FIELDS } from '../../../db/core/register';
import { bilingual } from '../../../db/core/messages';
import type { ValueMapping } from './plan';

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

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * A `--map` file: header → field as before, optionally with `"values"` naming the existing
 * region or cluster a register's own spelling means (`{"values":{"region":{"الصعيد":"إقليم الصعيد"}}}`),
 * or both under `"columns"` and `"values"`. A header is mapped to a field name or null, never to
 * an object, so a column that happens to be called "values" is still a column.
 */
export function parseMapFile(value: unknown): { columns: Mapping; values: ValueMapping } {
  const bad = (detail: string) =>
    new AppError('INVALID_INPUT', bilingual('errors.badMapping', { detail }), { reason: 'bad_mapping' });
  if (!isObject(value)) throw bad('not an object');
  const { values, columns, ...rest } = value;
  // Keys "values" and "columns" holding a field name (or null) are headers like any other.
  const headers: Record<string, unknown> = { ...rest };
  if (!isObject(columns) && columns !== undefined) headers.columns = columns;
  if (!isObject(values) && values !== undefined) headers.values = values;
  const out = {
    columns: parseMapping({ ...headers, ...(isObject(columns) ? columns : {}) }),
    values: {} as ValueMapping,
  };
  if (isObject(values)) {
    for (const [what, names] of Object.entries(values)) {
      if (what !== 'region' && what !== 'cluster') throw bad(`values.${what}`);
      if (!isObject(names) || Object.values(names).some((n) => typeof n !== 'string' || !n.trim())) {
        throw bad(`values.${what}`);
      }
      out.values[what] = names as Record<string, string>;
    }
  }
  return out;
}

export function readMappingFile(file: string): { columns: Mapping; values: ValueMapping } {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    throw new AppError('INVALID_INPUT', bilingual('errors.mappingUnreadable', { file }), { reason: 'bad_mapping' });
  }
  return parseMapFile(json);
}
