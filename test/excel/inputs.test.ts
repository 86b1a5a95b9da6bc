/**
 * Workbook inputs that once read wrong: inline rich text written as runs (openpyxl, LibreOffice)
 * kept only its last run, and a column named like a member of every JavaScript object
 * ("constructor") broke a mapped import.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDemo } from '../../db/demo';
import { previewImport } from '../../electron/excel/import';
import { useTestDb } from '../helpers/db';
import { useTempDir } from '../helpers/tmp';
import { minimalWorkbook } from '../helpers/zips';

const newDb = useTestDb();
const tempDir = useTempDir();

const inline = (ref: string, xml: string) => `<c r="${ref}" t="inlineStr"><is>${xml}</is></c>`;
const t = (text: string) => `<t xml:space="preserve">${text}</t>`;
const sheet = (rows: string[][]) =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows
    .map((cells, i) => `<row r="${i + 1}">${cells.join('')}</row>`)
    .join('')}</sheetData></worksheet>`;

describe('import/cells: text as other programs write it', () => {
  it('reads inline rich text whole, runs joined and phonetic guides left out', async () => {
    const db = newDb();
    loadDemo(db, { source: 'ui' });
    const file = join(tempDir(), 'runs.xlsx');
    writeFileSync(
      file,
      minimalWorkbook(
        sheet([
          [
            inline('A1', t('كود المبادرة')),
            inline('B1', t('اسم المبادرة')),
            inline('C1', t('الإقليم')),
            inline('D1', t('المحاور')),
          ],
          [
            inline('A2', t('RT-1')),
            inline(
              'B2',
              `<r><rPr><b/></rPr>${t('تدريب ')}</r>\n    <r>${t('الحرفيين على ')}</r><r><rPr><i/></rPr>${t('التشطيب')}</r><rPh sb="0" eb="1">${t('x')}</rPh>`,
            ),
            // Pretty-printed, as some writers do: the line breaks between runs are not text.
            inline('C2', `\n  <r>${t('إقليم ')}</r>\n  <r>${t('الدلتا')}</r>\n`),
            inline('D2', t('5')),
          ],
        ]),
        'السجل',
      ),
    );
    const { plan } = await previewImport(db, file);
    expect(plan.errors).toEqual([]);
    expect(plan.creates.map((c) => c.values.title)).toEqual(['تدريب الحرفيين على التشطيب']);
    expect(plan.regionsToCreate).toEqual([]); // «إقليم الدلتا» is the demo's, found by its whole name
  });

  it('reads a mapped register with columns named "constructor" and "__proto__" like any other', async () => {
    const db = newDb();
    loadDemo(db, { source: 'ui' });
    const file = join(tempDir(), 'constructor.xlsx');
    writeFileSync(
      file,
      minimalWorkbook(
        sheet([
          [
            inline('A1', t('Code')),
            inline('B1', t('Name of the initiative')),
            inline('C1', t('Region')),
            inline('D1', t('Axes')),
            inline('E1', t('Constructor')),
            inline('F1', t('__proto__')),
          ],
          [
            inline('A2', t('C-1')),
            inline('B2', t('Workshop for carpenters')),
            inline('C2', t('إقليم الدلتا')),
            inline('D2', t('4')),
            inline('E2', t('Ahmed')),
            inline('F2', t('x')),
          ],
        ]),
        'Register',
      ),
    );
    // As a --map file would give it: "__proto__" an own key, not the object's prototype.
    const mapping = JSON.parse('{"Name of the initiative": "title", "__proto__": null}') as Record<string, null>;
    const { plan } = await previewImport(db, file, { mapping: mapping as never });
    expect(plan.errors).toEqual([]);
    expect(plan.unmatched).toEqual(['Constructor', '__proto__']);
    expect(plan.creates.map((c) => c.values.title)).toEqual(['Workshop for carpenters']);
  });
});
