/**
 * The readers' differential tests (.ods and .xls against SheetJS): the same input to both, the
 * same rows from both, and what both must read from the fixtures LibreOffice saved.
 */
import { isDeepStrictEqual } from 'node:util';
import { expect } from 'vitest';
import type { Source, SourceInput } from '../../electron/excel/import/sources';
import { type ReadSheet, readSheets } from '../../electron/excel/import/xlsx-differential';

export const readerInput = (file: string, format: 'ods' | 'xls', maxColumns = 300): SourceInput => ({
  file,
  format,
  maxColumns,
  sheetNames: {},
  hidden: [],
  sourceName: 'x',
});

/** Both readings agree; this reader's, for more checks. */
export async function sameRows(file: string, ours: Source, theirs: Source): Promise<ReadSheet[]> {
  const mine = await readSheets(ours);
  const reference = await readSheets(theirs);
  expect(
    isDeepStrictEqual(mine, reference),
    `${file}\nours ${JSON.stringify(mine).slice(0, 600)}\nSheetJS ${JSON.stringify(reference).slice(0, 600)}`,
  ).toBe(true);
  return mine;
}

/** The fixtures' sheets (test/fixtures/make-formats.ts) and their register's first row, as read. */
export const FIXTURE_SHEETS = [
  ['ملاحظات', false],
  ['نسخة قديمة', true],
  ['سجل المبادرات', false],
];
export const FIXTURE_FIRST_ROW = [
  'FX-1',
  'تدريب الحرفيين على التشطيب',
  'إقليم الدلتا',
  'أثاث دمياط',
  '5',
  125000,
  new Date(Date.UTC(2025, 2, 1)),
  '100%',
  'منتهية',
];
