/**
 * Workbook inputs that once read wrong: inline rich text written as runs (openpyxl, LibreOffice)
 * kept only its last run, a column named like a member of every JavaScript object
 * ("constructor") broke a mapped import, and a workbook whose sheets precede its shared strings
 * (openpyxl, pandas) sometimes lost its text when read in a worker.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDemo } from '../../db/demo';
import { previewImport } from '../../electron/excel/import';
import { useTestDb } from '../helpers/db';
import { useTempDir } from '../helpers/tmp';
import { makeZip, minimalWorkbook } from '../helpers/zips';
import { writeForeignWorkbook } from '../helpers/foreign';
import { checkWorkbookFile } from '../../electron/excel/import/zipcheck';
import { READ_FIRST, readingOrder } from '../../electron/excel/import/zip-order';
import { streamWorkbook } from '../../electron/excel/import/read';

// The bundled worker the app ships, when built (npm test builds first): many reads start fast.
const BUNDLED = resolve(__dirname, '../../out/main/excel-worker.js');
if (existsSync(BUNDLED)) process.env.TAJAMMU_EXCEL_WORKER ??= BUNDLED;

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

describe('import/sheet names as other programs write them', () => {
  it('names the real sheet in every message when the workbook part follows the sheets with absolute targets (openpyxl, pandas)', async () => {
    const db = newDb();
    loadDemo(db, { source: 'ui' });
    const text = (name: string, data: string) => ({ name, data: Buffer.from(data, 'utf8') });
    const ns = 'http://schemas.openxmlformats.org/';
    const notes = sheet([[inline('A1', t('ملاحظات فقط'))]]);
    const register = sheet([
      [inline('A1', t('اسم المبادرة')), inline('B1', t('التجمع')), inline('C1', t('المحاور'))],
      [inline('A2', t('تدريب')), inline('B2', t('أثاث دمياط')), inline('C2', t('9'))],
    ]);
    const file = join(tempDir(), 'openpyxl-order.xlsx');
    writeFileSync(
      file,
      makeZip([
        text(
          '[Content_Types].xml',
          `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="${ns}package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/worksheets/sheet2.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`,
        ),
        text('xl/worksheets/sheet1.xml', notes),
        text('xl/worksheets/sheet2.xml', register),
        text(
          '_rels/.rels',
          `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${ns}package/2006/relationships"><Relationship Id="rId1" Type="${ns}officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
        ),
        text(
          'xl/workbook.xml',
          `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${ns}spreadsheetml/2006/main" xmlns:r="${ns}officeDocument/2006/relationships"><sheets><sheet name="ملاحظات &amp; تعليمات" sheetId="1" r:id="rId1"/><sheet name="سجل 2025" sheetId="2" r:id="rId2"/></sheets></workbook>`,
        ),
        text(
          'xl/_rels/workbook.xml.rels',
          `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${ns}package/2006/relationships"><Relationship Id="rId1" Type="${ns}officeDocument/2006/relationships/worksheet" Target="/xl/worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${ns}officeDocument/2006/relationships/worksheet" Target="/xl/worksheets/sheet2.xml"/></Relationships>`,
        ),
      ]),
    );
    const { plan } = await previewImport(db, file);
    expect(plan.sheet).toBe('سجل 2025');
    expect(plan.errors.map((e) => [e.sheet, e.row])).toEqual([['سجل 2025', 2]]);
  });
});

describe('import/parts in the order a streaming reader needs them', () => {
  const HEADER = ['اسم المبادرة', 'الإقليم', 'التجمع', 'المحاور', 'الميزانية'];
  const rows = (n: number) =>
    Array.from({ length: n }, (_, i) => [`مبادرة ${i}`, 'إقليم الدلتا', 'أثاث دمياط', '5', 1000 + i]);

  it('hands the reader the workbook, its relationships, shared strings and styles before any sheet', () => {
    const file = join(tempDir(), 'openpyxl-order.xlsx');
    writeForeignWorkbook(file, [
      { name: 'ملخص', rows: [HEADER, ...rows(2)] },
      { name: 'سجل', rows: [HEADER, ...rows(30)] },
    ]);
    const check = checkWorkbookFile(file);
    const stored = [...check.zip!.parts].sort((a, b) => a[1].offset - b[1].offset).map(([name]) => name);
    expect(stored.indexOf('xl/worksheets/sheet1.xml')).toBeLessThan(stored.indexOf('xl/sharedStrings.xml'));
    // Each range is one whole part from its local header, together the whole file once over.
    const ordered = readingOrder(check.zip!, check.bytes);
    const bytes = readFileSync(file);
    expect(ordered.reduce((n, [a, b]) => n + b - a, 0)).toBe(bytes.length);
    const names = ordered.slice(0, -1).map(([a]) => {
      expect(bytes.readUInt32LE(a)).toBe(0x04034b50);
      return bytes.toString('utf8', a + 30, a + 30 + bytes.readUInt16LE(a + 26));
    });
    expect([...names].sort()).toEqual([...stored].sort());
    expect(names.slice(0, READ_FIRST.length)).toEqual(READ_FIRST);
    expect(names.slice(6)).toEqual(['xl/worksheets/sheet1.xml', 'xl/worksheets/sheet2.xml']);
    // The central directory last, as stored.
    expect(bytes.readUInt32LE(ordered.at(-1)![0])).toBe(0x02014b50);
  });

  it('finds the register in every one of many reads at once of a workbook whose sheets come first', async () => {
    // Sheets first and several reads at once once lost the shared strings in about 1 read in 60.
    const file = join(tempDir(), 'sheets-first.xlsx');
    writeForeignWorkbook(file, [
      {
        name: 'kobo_export',
        rows: [
          ['start', 'end', '_uuid'],
          ['2025-01-01', '2025-01-02', 'u-1'],
        ],
      },
      { name: 'ملخص', rows: [HEADER, ...rows(1)] },
      { name: 'سجل 2025', rows: [HEADER, ...rows(3)] },
    ]);
    const found: string[] = [];
    await Promise.all(
      [0, 1, 2, 3].map(async () => {
        for (let i = 0; i < 15; i++)
          found.push((await streamWorkbook(file, { currencyDigits: 2 }, { sheet() {}, records() {} })).sheet);
      }),
    );
    expect(found).toEqual(Array(60).fill('سجل 2025'));
  }, 120_000);

  it('reads from source (no build) when the command line runs from another folder', () => {
    // The worker from TypeScript once looked for tsx in the working directory and refused every
    // workbook as damaged when the command line was run from elsewhere.
    const file = join(tempDir(), 'register.xlsx');
    writeForeignWorkbook(file, [{ name: 'سجل', rows: [HEADER, ...rows(2)] }]);
    const root = resolve(__dirname, '../..');
    const script = `require(${JSON.stringify(require.resolve('tsx/cjs/api'))}).register();
      require(${JSON.stringify(join(root, 'electron/excel/import/read.ts'))})
        .streamWorkbook(${JSON.stringify(file)}, { currencyDigits: 2 }, { sheet() {}, records() {} })
        .then((h) => console.log('sheet:' + h.sheet), (e) => console.log('refused:' + e.message));`;
    // The source worker, as a fresh checkout runs it, whatever the suite's bundled one.
    const env = { ...process.env, TAJAMMU_EXCEL_WORKER: join(tempDir(), 'no-such-worker.js') };
    const out = execFileSync(process.execPath, ['-e', script], { cwd: tempDir(), env, encoding: 'utf8' });
    expect(out.trim()).toBe('sheet:سجل');
  }, 60_000);
});
