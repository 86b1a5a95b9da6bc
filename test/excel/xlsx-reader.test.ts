/**
 * The .xlsx reader of the import path against exceljs's streaming reader, which it replaced:
 * every workbook here (the fuzz suite's 240, ones written by exceljs, openpyxl and LibreOffice,
 * the template filled in openpyxl, a 3,000-row register) must read the same, row for row, save
 * where exceljs is wrong (docs/xlsx-reader.md); those places are checked one by one below.
 * The unit suites also read every workbook they import through both (vitest.config.mts).
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../db/core/errors';
import { exceljsSheets, type Source } from '../../electron/excel/import/sources';
import { firstDifference, type ReadSheet, readSheets } from '../../electron/excel/import/xlsx-differential';
import { xlsxSheets } from '../../electron/excel/import/xlsx-reader';
import { checkWorkbookFile, readPart, sheetNames, workbookSheets } from '../../electron/excel/import/zipcheck';
import { writeRegister } from '../bench/register';
import { fuzzWorkbooks } from '../helpers/fuzz-workbooks';
import { libreConvert, python } from '../helpers/others';
import { random } from '../helpers/random';
import { useTempDir } from '../helpers/tmp';
import { writeMessyRegister } from '../helpers/workbooks';
import { makeZip, minimalWorkbook } from '../helpers/zips';

const tempDir = useTempDir();
const requireHere = createRequire(__filename);
const { SaxesParser } = createRequire(requireHere.resolve('exceljs/lib/utils/parse-sax.js'))(
  'saxes',
) as typeof import('saxes');
const ROOT = resolve(__dirname, '../..');

type Read = ReadSheet[];

function inputOf(file: string) {
  const check = checkWorkbookFile(file);
  const sheets = check.zip ? workbookSheets(file, check.zip) : [];
  return {
    file,
    format: check.format,
    maxColumns: 300,
    sheetNames: sheetNames(sheets),
    hidden: sheets.filter((s) => s.hidden).map((s) => s.name),
    sourceName: 'x',
  };
}

/** A source's sheets read whole; a refusal as the source is opened becomes a rejection. */
const readAll = async (source: () => Source): Promise<Read> => readSheets(source());

/** Both reads; exceljs's is null when it failed or did not end in 10 s. */
async function both(file: string): Promise<{ ours: Read | Error; theirs: Read | null }> {
  const input = inputOf(file);
  const ours = await readAll(() => xlsxSheets(input)).catch((e: Error) => e);
  let timer: NodeJS.Timeout | undefined;
  const theirs = await Promise.race([
    readAll(() => exceljsSheets(input)),
    new Promise<null>((ok) => (timer = setTimeout(() => ok(null), 10_000))),
  ])
    .catch(() => null)
    .finally(() => clearTimeout(timer));
  return { ours, theirs };
}

/** The workbook reads the same through both; the rows read, for more checks. */
async function same(file: string): Promise<Read> {
  const { ours, theirs } = await both(file);
  expect(ours, file).not.toBeInstanceOf(Error);
  expect(theirs, `exceljs could not read ${file}`).not.toBeNull();
  const difference = firstDifference(ours as Read, theirs!);
  if (difference) console.error(difference);
  expect(difference, file).toBeNull();
  return ours as Read;
}

const rowsOf = (read: Read, sheet: string) => read.find((s) => s.name === sheet)!.rows;

describe('the .xlsx reader, differentially against exceljs', () => {
  it('reads the fuzz suite’s 240 workbooks as exceljs does wherever exceljs reads them', async () => {
    const dir = tempDir();
    let compared = 0;
    let oursOnly = 0;
    let cutShort = 0;
    let k = 0;
    for (const bytes of fuzzWorkbooks(random(2026))) {
      const file = join(dir, `fuzz-${k++}.xlsx`);
      writeFileSync(file, bytes);
      const { ours, theirs } = await both(file);
      if (ours instanceof Error && theirs !== null) {
        // exceljs reads a sheet cut short up to the cut, without a word; refused here, and
        // rightly: a strict XML parser says the part is not well-formed.
        expect(ours.message, file).toMatch(/malformed/);
        expect(wellFormed(sheetOf(bytes)), file).toBe(false);
        cutShort += 1;
        continue;
      }
      if (theirs === null) {
        // exceljs refused or hung: this reader reads it or refuses it, never with a foreign error.
        if (!(ours instanceof Error)) oursOnly += 1;
        else expect(ours.message).toMatch(/malformed|incomplete|damaged|oversized/i);
        continue;
      }
      expect(ours, file).not.toBeInstanceOf(Error);
      expect(firstDifference(ours as Read, theirs), file).toBeNull();
      compared += 1;
    }
    console.info(
      `xlsx differential: ${compared} fuzz workbooks compared, ${oursOnly} read by this reader only, ${cutShort} cut short refused here`,
    );
    // exceljs refuses the rest (broken markup, references such as "A-1"): this reader reads them
    // leniently or refuses them; the fuzz suite shows the importer then refuses their rows.
    expect(compared).toBeGreaterThan(50);
  }, 300_000);

  it('reads workbooks written by exceljs (with a 1904 epoch), openpyxl and LibreOffice the same', async () => {
    const dir = tempDir();
    const header = ['كود المبادرة', 'اسم المبادرة', 'الإقليم', 'الميزانية', 'تاريخ البدء', 'نسبة الإنجاز', 'منتهية؟'];
    const rows = [
      ['INI-1', 'تدريب الحرفيين', 'إقليم الدلتا', 125000.5, new Date(Date.UTC(2025, 2, 15)), 0.4, true],
      ['INI-2', 'علامة & جودة <الفخار>', 'إقليم الصعيد', 0, new Date(Date.UTC(1904, 0, 2)), 1, false],
    ];
    for (const date1904 of [false, true]) {
      const file = await writeMessyRegister(dir, header, rows, { name: `exceljs-${date1904}.xlsx`, date1904 });
      const read = await same(file);
      expect(rowsOf(read, 'سجل المبادرات').at(-1)!.v![4]).toEqual(new Date(Date.UTC(1904, 0, 2)));
    }
    // openpyxl: dates, a percentage, a formula with its cached value, rich text, a hidden sheet,
    // sheets stored before the shared strings.
    const py = join(dir, 'openpyxl.xlsx');
    python(
      `
import sys, datetime, openpyxl
wb = openpyxl.Workbook()
ws = wb.active
ws.title = 'السجل'
ws.append(['كود المبادرة', 'اسم المبادرة', 'الإقليم', 'الميزانية', 'تاريخ البدء', 'نسبة الإنجاز'])
ws.append(['A-1', 'تدريب', 'إقليم الدلتا', 1500, datetime.date(2025, 3, 1), 0.25])
ws['F2'].number_format = '0%'
ws.append(['A-2', 'علامة تجارية', 'إقليم الصعيد', 2500.75, datetime.datetime(2026, 1, 31, 12, 30), 1])
ws.append(['A-3', '=CONCATENATE("أ", "ب")', 'إقليم الصعيد', '=D3*2', None, '=1=1'])
ws['F3'].number_format = '0.0%'
ws['E3'].number_format = 'dd/mm/yyyy hh:mm'
hidden = wb.create_sheet('قوائم')
hidden.sheet_state = 'hidden'
hidden.append(['جارية', 'منتهية', True, None, 3.5])
wb.save(sys.argv[1])
`,
      py,
    );
    const read = await same(py);
    expect(rowsOf(read, 'السجل')[2]!.v![1]).toBe('علامة تجارية');
    expect(rowsOf(read, 'السجل')[1]!.v![5]).toBe('25%');
    expect(read.find((s) => s.name === 'قوائم')!.hidden).toBe(true);
    // LibreOffice re-saves of both.
    for (const file of [py, join(dir, 'exceljs-false.xlsx')]) {
      await same(libreConvert(file, 'xlsx:Calc MS Excel 2007 XML', join(dir, `lo-${k(file)}`)));
    }
    await same(join(ROOT, 'test/fixtures/libreoffice-register.xlsx'));
  }, 240_000);

  it('reads a 3,000-row register and the ministry’s template filled in openpyxl the same', async () => {
    const dir = tempDir();
    const register = join(dir, 'register.xlsx');
    await writeRegister(register, 3000);
    expect(rowsOf(await same(register), 'سجل المبادرات')).toHaveLength(3001);
    const template = join(dir, 'template.xlsx');
    execFileSync(process.execPath, ['--import', 'tsx', join(ROOT, 'electron/cli.ts'), 'template', '--out', template], {
      cwd: ROOT,
      stdio: 'ignore',
    });
    const filled = join(dir, 'filled.xlsx');
    python(
      `
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
ws = wb.worksheets[0]
ws.append(['تدريب الحرفيين', 'إقليم قنا'])
wb.save(sys.argv[2])
`,
      template,
      filled,
    );
    await same(template);
    // exceljs sometimes drops the third (hidden) sheet of openpyxl's save; this reader keeps it.
    const { ours, theirs } = await both(filled);
    expect(firstDifference(ours as Read, theirs!)).toBeNull();
    expect((ours as Read).map((s) => s.name)).toEqual(['سجل المبادرات', 'التعليمات', 'القوائم']);
  }, 120_000);
});

/** The sheet part of a workbook the fuzz generator made (stored or deflated). */
function sheetOf(bytes: Buffer): string {
  const file = join(tempDir(), 'probe.xlsx');
  writeFileSync(file, bytes);
  return readPart(file, checkWorkbookFile(file).zip!, 'xl/worksheets/sheet1.xml', 64 * 1024 * 1024) ?? '';
}

/** Whether a strict XML parser (saxes, exceljs's own) takes the text whole, to its end. */
function wellFormed(xml: string): boolean {
  const parser = new SaxesParser();
  let ok = true;
  parser.on('error', () => (ok = false));
  try {
    parser.write(xml).close();
  } catch {
    ok = false;
  }
  return ok;
}

const k = (file: string) => file.replace(/\W+/g, '-').slice(-24);

/** A one-sheet workbook of these rows' XML (namespace prefix and attributes as given). */
const sheet = (
  rows: string,
  root = '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">',
  close = '</worksheet>',
) => `<?xml version="1.0" encoding="UTF-8"?>${root}<sheetData>${rows}</sheetData>${close}`;

/** A one-sheet workbook with these cell formats (after the default one) and number formats. */
function styledWorkbook(xfs: string, numFmts: string, sheetXml: string, date1904?: string): Buffer {
  const text = (name: string, data: string) => ({ name, data: Buffer.from(data) });
  const pr = date1904 ? `<workbookPr date1904="${date1904}"/>` : '';
  return makeZip([
    text(
      'xl/workbook.xml',
      `<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">${pr}<sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    ),
    text(
      'xl/_rels/workbook.xml.rels',
      `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Target="worksheets/sheet1.xml" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet"/></Relationships>`,
    ),
    text(
      'xl/styles.xml',
      `<?xml version="1.0"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${numFmts ? `<numFmts>${numFmts}</numFmts>` : ''}<cellXfs><xf numFmtId="0"/>${xfs}</cellXfs></styleSheet>`,
    ),
    text('xl/worksheets/sheet1.xml', sheetXml),
    text('[Content_Types].xml', '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'),
  ]);
}

async function oursOf(bytes: Buffer): Promise<{ ours: Read | Error; theirs: Read | null }> {
  const file = join(tempDir(), 'case.xlsx');
  writeFileSync(file, bytes);
  return both(file);
}

describe('where exceljs is wrong, this reader reads what Excel shows', () => {
  it('an ISO date cell is that date, not its year; one that is no date is no value', async () => {
    const { ours, theirs } = await oursOf(
      minimalWorkbook(
        sheet('<row r="1"><c r="A1" t="d"><v>2025-03-01</v></c><c r="B1" t="d"><v>yesterday</v></c></row>'),
        'S',
      ),
    );
    expect((ours as Read)[0]!.rows[0]!.v).toEqual([new Date(Date.UTC(2025, 2, 1)), null]);
    expect(theirs![0]!.rows[0]!.v).toEqual([2025, Number.NaN]);
  });

  it('a formula’s boolean result is a boolean and its error no value (exceljs: 1 and NaN)', async () => {
    const { ours, theirs } = await oursOf(
      minimalWorkbook(
        sheet(
          '<row r="1"><c r="A1" t="b"><f>1=1</f><v>1</v></c><c r="B1" t="e"><f>NA()</f><v>#N/A</v></c><c r="C1"><f>1+1</f><v>2</v></c></row>',
        ),
        'S',
      ),
    );
    expect((ours as Read)[0]!.rows[0]!.v).toEqual([true, null, 2]);
    expect(theirs![0]!.rows[0]!.v).toEqual([1, null, 2]);
  });

  it('reads a sheet whose elements carry a namespace prefix, as .NET writers make them (exceljs reads no row)', async () => {
    const xml = sheet(
      '<x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>عنوان</x:t></x:is></x:c><x:c r="B1"><x:v>7</x:v></x:c></x:row>',
      '<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main">',
      '</x:worksheet>',
    )
      .replace('<sheetData>', '<x:sheetData>')
      .replace('</sheetData>', '</x:sheetData>');
    const { ours, theirs } = await oursOf(minimalWorkbook(xml, 'S'));
    expect((ours as Read)[0]!.rows).toEqual([{ n: 1, v: ['عنوان', 7] }]);
    expect(theirs?.[0]?.rows ?? []).toEqual([]);
  });

  it('rows and cells without a reference follow the one before; `_x000D_` is the character it escapes', async () => {
    const { ours } = await oursOf(
      minimalWorkbook(
        sheet(
          '<row r="3"><c r="B3"><v>1</v></c></row><row><c><v>2</v></c><c t="inlineStr"><is><t>a_x000D_b</t></is></c></row>',
        ),
        'S',
      ),
    );
    expect((ours as Read)[0]!.rows).toEqual([
      { n: 3, v: [null, 1] },
      { n: 4, v: [2, 'a\rb'] },
    ]);
  });

  it('takes date1904="true" as the 1904 epoch, as it takes "1"', async () => {
    for (const flag of ['1', 'true']) {
      const bytes = styledWorkbook(
        '<xf numFmtId="14"/>',
        '',
        sheet('<row r="1"><c r="A1" s="1"><v>0</v></c></row>'),
        flag,
      );
      const { ours } = await oursOf(bytes);
      expect((ours as Read)[0]!.rows[0]!.v, flag).toEqual([new Date(Date.UTC(1904, 0, 1))]);
    }
  });

  it('a number shown with letters as themselves (m², a padding, a fill) is a number; exceljs makes it a date', async () => {
    const formats = ['#,##0\\ \\m\\²', '0_m', '0*d'];
    const bytes = styledWorkbook(
      '<xf numFmtId="164"/><xf numFmtId="165"/><xf numFmtId="166"/>',
      formats.map((f, i) => `<numFmt numFmtId="${164 + i}" formatCode="${f}"/>`).join(''),
      sheet('<row r="1"><c r="A1" s="1"><v>120</v></c><c r="B1" s="2"><v>3</v></c><c r="C1" s="3"><v>4</v></c></row>'),
    );
    const { ours, theirs } = await oursOf(bytes);
    expect((ours as Read)[0]!.rows[0]!.v).toEqual([120, 3, 4]);
    expect(theirs![0]!.rows[0]!.v![0]).toBeInstanceOf(Date);
  });

  it('reads attributes with spaces around "=", CDATA text, and formats of cells only (not of conditional formats)', async () => {
    const text = (name: string, data: string) => ({ name, data: Buffer.from(data) });
    const ns = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
    const bytes = makeZip([
      text(
        'xl/workbook.xml',
        `<workbook ${ns} xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>`,
      ),
      text(
        'xl/_rels/workbook.xml.rels',
        `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Target="worksheets/sheet1.xml" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet"/></Relationships>`,
      ),
      text(
        'xl/styles.xml',
        `<styleSheet ${ns}><numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy-mm-dd"/></numFmts><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="164"/></cellXfs><dxfs count="1"><dxf><numFmt numFmtId="164" formatCode="0.00"/></dxf></dxfs></styleSheet>`,
      ),
      text(
        'xl/worksheets/sheet1.xml',
        sheet(
          `<row r = '1'><c r = "A1" s = "1"><v>45000</v></c><c r="B1" t="inlineStr"><is><t><![CDATA[a <b> & c]]></t></is></c></row>` +
            Array.from({ length: 40_000 }, (_, i) => `<row r="${i + 2}"></row>`).join('') +
            '<row r="40002"><c r="C40002"><v>7</v></c></row>',
        ),
      ),
      text('[Content_Types].xml', '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'),
    ]);
    const { ours, theirs } = await oursOf(bytes);
    const rows = (ours as Read)[0]!.rows;
    expect(rows[0]).toEqual({ n: 1, v: [new Date(Date.UTC(2023, 2, 15)), 'a <b> & c'] });
    // 40,000 empty rows, each read as empty, then the last one's cell.
    expect(rows).toHaveLength(40_002);
    expect(rows.at(-1)).toEqual({ n: 40_002, v: [null, null, 7] });
    // exceljs agrees on the date and drops CDATA text.
    expect(theirs![0]!.rows[0]!.v).toEqual([new Date(Date.UTC(2023, 2, 15)), null]);
  }, 60_000);

  it('reads megabytes of self-closing rows (formatted, empty) and the row after them', async () => {
    const rows =
      '<row r="1"><c r="A1"><v>1</v></c></row>' +
      Array.from({ length: 150_000 }, (_, i) => `<row r="${i + 2}" s="1" customFormat="1" ht="15"/>`).join('') +
      '<row r="150002"><c r="B150002"><v>7</v></c></row>';
    const { ours } = await oursOf(minimalWorkbook(sheet(rows), 'S'));
    const read = (ours as Read)[0]!.rows;
    expect(read).toHaveLength(150_002);
    expect(read[0]).toEqual({ n: 1, v: [1] });
    expect(read[1]).toEqual({ n: 2, v: [] });
    expect(read.at(-1)).toEqual({ n: 150_002, v: [null, 7] });
  }, 60_000);

  it('refuses a part that inflates past the size its zip directory declares', async () => {
    const big = Buffer.from(sheet(`<row r="1"><c r="A1"><v>${'1'.repeat(200_000)}</v></c></row>`));
    const bytes = minimalWorkbook(big.toString(), 'S');
    // Lower the sheet's declared uncompressed size in the central directory (a lying bomb).
    const name = Buffer.from('xl/worksheets/sheet1.xml');
    for (let i = bytes.length - 46; i >= 0; i--) {
      if (bytes.readUInt32LE(i) === 0x02014b50 && bytes.subarray(i + 46, i + 46 + name.length).equals(name)) {
        bytes.writeUInt32LE(1000, i + 24);
        break;
      }
    }
    const { ours } = await oursOf(bytes);
    expect(ours).toBeInstanceOf(AppError);
    expect((ours as AppError).details).toMatchObject({ reason: 'oversized' });
  });
});
