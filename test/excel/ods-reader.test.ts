/**
 * The .ods reader of the import path against SheetJS, which it replaced: the fixture saved by
 * LibreOffice, LibreOffice's conversions of an openpyxl workbook (dates, a time, percentages,
 * booleans, formulas, merged cells, tabs and line breaks, a hidden sheet) and of a 3,000-row
 * register, and a hand-written document with what LibreOffice writes less often. Every one must
 * give the same rows through both. The unit suites also read every .ods they import through both.
 */
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { odsSheets } from '../../electron/excel/import/ods-reader';
import type { SourceRow } from '../../electron/excel/import/sources';
import { sheetjsSheets } from '../../electron/excel/import/sheetjs';
import { type ReadSheet, readSheets } from '../../electron/excel/import/xlsx-differential';
import { writeRegister } from '../bench/register';
import { libreConvert, python } from '../helpers/others';
import { FIXTURE_FIRST_ROW, FIXTURE_SHEETS, readerInput, sameRows } from '../helpers/readers';
import { useTempDir } from '../helpers/tmp';
import { makeZip } from '../helpers/zips';

const tempDir = useTempDir();
const ROOT = resolve(__dirname, '../..');

type Read = ReadSheet[];
const readAll = readSheets;

const inputOf = (file: string, maxColumns = 300) => readerInput(file, 'ods', maxColumns);

/** Both readings agree; this reader's, for more checks. */
const same = (file: string, maxColumns = 300): Promise<Read> =>
  sameRows(file, odsSheets(inputOf(file, maxColumns)), sheetjsSheets(inputOf(file, maxColumns)));

/** An .ods of this content.xml. */
const ods = (xml: string) =>
  makeZip([
    { name: 'mimetype', data: Buffer.from('application/vnd.oasis.opendocument.spreadsheet'), store: true },
    { name: 'content.xml', data: Buffer.from(xml) },
    {
      name: 'styles.xml',
      data: Buffer.from(
        '<office:document-styles xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" office:version="1.3"/>',
      ),
    },
    {
      name: 'META-INF/manifest.xml',
      data: Buffer.from(
        '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"><manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>',
      ),
    },
  ]);

describe('the .ods reader, differentially against SheetJS', () => {
  it('reads LibreOffice’s documents as SheetJS does', async () => {
    const dir = tempDir();
    const read = await same(join(ROOT, 'test/fixtures/register.ods'));
    expect(read.map((s) => [s.name, s.hidden])).toEqual(FIXTURE_SHEETS);
    expect(read[2]!.rows[2]!.v).toEqual(FIXTURE_FIRST_ROW);
    const py = join(dir, 'openpyxl.xlsx');
    python(
      `
import sys, datetime, openpyxl
wb = openpyxl.Workbook(); ws = wb.active; ws.title = 'السجل'
ws.append(['كود', 'اسم', 'مبلغ', 'تاريخ', 'نسبة', 'منتهية', 'وقت'])
ws.append(['A-1', 'نص  بمسافتين\\tوتاب', 1500.25, datetime.date(2025, 3, 1), 0.25, True, datetime.datetime(2026, 1, 31, 12, 30)])
ws['E2'].number_format = '0%'
ws.append(['A-2', 'سطر\\nثان', '=C2*2', datetime.date(1999, 12, 31), 1, False, None])
ws.append([None] * 7)
ws.append(['A-4', '&<>"\\'', -3, None, '=E2+E3', '=1=1', 'x'])
ws.merge_cells('A6:C6'); ws['A6'] = 'مدمجة'
h = wb.create_sheet('قوائم'); h.sheet_state = 'hidden'; h.append(['جارية', 'منتهية'])
wb.save(sys.argv[1])
`,
      py,
    );
    const ods = await same(libreConvert(py, 'ods', join(dir, 'lo')));
    expect(ods[0]!.rows[1]!.v!.slice(0, 3)).toEqual(['A-1', 'نص  بمسافتين\tوتاب', 1500.25]);
    expect(ods[1]).toMatchObject({ name: 'قوائم', hidden: true });
    const register = join(dir, 'register.xlsx');
    await writeRegister(register, 3000);
    expect((await same(libreConvert(register, 'ods', join(dir, 'lo2'))))[0]!.rows).toHaveLength(3001);
  }, 240_000);

  it('reads what LibreOffice writes less often: repeats, spaces, notes, covered cells, the column limit', async () => {
    const content = `<?xml version="1.0" encoding="UTF-8"?>
<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" office:version="1.3"><office:body><office:spreadsheet>
<table:table table:name="S"><table:table-column table:number-columns-repeated="4"/>
<table:table-row><table:table-cell office:value-type="string"><text:p>a<text:s text:c="3"/>b<text:tab/>c<text:line-break/>d</text:p><text:p>e <text:span>f</text:span></text:p></table:table-cell><table:table-cell office:value-type="string"><office:annotation><text:p>ملاحظة</text:p></office:annotation><text:p>نص</text:p></table:table-cell></table:table-row>
<table:table-row table:number-rows-repeated="2"><table:table-cell office:value-type="float" office:value="7" table:number-columns-repeated="2"><text:p>7</text:p></table:table-cell><table:covered-table-cell/><table:table-cell office:value-type="boolean" office:boolean-value="false"><text:p>FALSE</text:p></table:table-cell></table:table-row>
<table:table-row table:number-rows-repeated="3"><table:table-cell table:number-columns-repeated="4"/></table:table-row>
<table:table-row><table:table-cell table:number-columns-repeated="2"/><table:table-cell office:value-type="currency" office:value="-2.5"><text:p>-2.50 ج.م.</text:p></table:table-cell><table:table-cell office:value-type="string" office:string-value="given"/></table:table-row>
<table:table-row><table:table-cell table:number-columns-repeated="5"/><table:table-cell office:value-type="float" office:value="1"><text:p>1</text:p></table:table-cell></table:table-row>
</table:table></office:spreadsheet></office:body></office:document-content>`;
    const file = join(tempDir(), 'hand.ods');
    writeFileSync(file, ods(content));
    const read = await same(file, 5);
    expect(read[0]!.rows).toEqual([
      { n: 1, v: ['a   b\tc\nd\ne f', 'نص'] },
      { n: 2, v: [7, 7, null, false] },
      { n: 3, v: [7, 7, null, false] },
      { n: 7, v: [null, null, -2.5, 'given'] },
      { n: 8, v: null },
    ]);
    // Where SheetJS is wrong: a value cell written without its shown text (<text:p>) holds its
    // value all the same (SheetJS reads nothing), and a name's entities are decoded ("&amp;").
    const bare = content
      .replace('table:name="S"', 'table:name="S &amp; T"')
      .replace(
        /(<table:table-cell office:value-type="(?:float|boolean|currency)"[^>]*)><text:p>[^<]*<\/text:p><\/table:table-cell>/g,
        '$1/>',
      );
    writeFileSync(file, ods(bare));
    const ours = await readAll(odsSheets(inputOf(file, 5)));
    expect(ours[0]!.name).toBe('S & T');
    expect(ours[0]!.rows).toEqual(read[0]!.rows);
    expect((await readAll(sheetjsSheets(inputOf(file, 5))))[0]!.rows).toEqual([
      { n: 1, v: ['a   b\tc\nd\ne f', 'نص'] },
      { n: 7, v: [null, null, null, 'given'] },
    ]);
  });

  it('reads tables across the windows it reads in, a hidden one between, and refuses one cut short', async () => {
    const row = (k: number) =>
      `<table:table-row><table:table-cell office:value-type="string"><text:p>مبادرة ${k}</text:p></table:table-cell><table:table-cell office:value-type="float" office:value="${k}"><text:p>${k}</text:p></table:table-cell></table:table-row>`;
    const table = (name: string, n: number, style = 'ta1') =>
      `<table:table table:name="${name}" table:style-name="${style}">${Array.from({ length: n }, (_, k) => row(k)).join('')}</table:table>`;
    const content = `<?xml version="1.0" encoding="UTF-8"?>
<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" office:version="1.3"><office:automatic-styles><style:style style:name="ta1" style:family="table"><style:table-properties table:display="true"/></style:style><style:style style:name="ta2" style:family="table"><style:table-properties table:display="false"/></style:style></office:automatic-styles><office:body><office:spreadsheet>${table('أول', 12_000)}${table('مخفي', 3, 'ta2')}<table:table table:name="فارغ"/>${table('ثالث', 12_000)}</office:spreadsheet></office:body></office:document-content>`;
    // Over a megabyte a table: each is read in several windows.
    expect(content.length).toBeGreaterThan(3 * 2 ** 20);
    const file = join(tempDir(), 'windows.ods');
    writeFileSync(file, ods(content));
    const read = await readAll(odsSheets(inputOf(file)));
    expect(read.map((s) => [s.name, s.hidden, s.rows.length])).toEqual([
      ['أول', false, 12_000],
      ['مخفي', true, 3],
      ['فارغ', false, 0],
      ['ثالث', false, 12_000],
    ]);
    expect(read[3]!.rows.at(-1)).toEqual({ n: 12_000, v: ['مبادرة 11999', 11999] });
    expect(read[0]!.rows.map((r) => r.n)).toEqual(Array.from({ length: 12_000 }, (_, k) => k + 1));
    // A document that stops inside a table is refused, as an XML parser would refuse it, and
    // so is one whose table starts before the one before it has ended.
    writeFileSync(file, ods(content.slice(0, content.indexOf('</table:table>') - 40)));
    await expect(readAll(odsSheets(inputOf(file)))).rejects.toThrow(/malformed/);
    writeFileSync(file, ods(content.replace('</table:table>', '')));
    await expect(readAll(odsSheets(inputOf(file)))).rejects.toThrow(/malformed/);
  }, 60_000);

  it('gives a row repeated a million times one copy at a time, and no rows of a sheet passed over', async () => {
    const content = `<?xml version="1.0" encoding="UTF-8"?>
<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.3"><office:body><office:spreadsheet><table:table table:name="A"><table:table-row table:number-rows-repeated="1048576">${'<table:table-cell office:value-type="float" office:value="0"><text:p>0</text:p></table:table-cell>'.repeat(300)}</table:table-row></table:table><table:table table:name="B"><table:table-row><table:table-cell office:value-type="string"><text:p>ب</text:p></table:table-cell></table:table-row></table:table></office:spreadsheet></office:body></office:document-content>`;
    const file = join(tempDir(), 'repeated.ods');
    writeFileSync(file, ods(content));
    const source = odsSheets(inputOf(file));
    const sheets = source.sheets[Symbol.asyncIterator]();
    const a = (await sheets.next()).value!;
    // The first rows come at once; each is a copy of its own (a million of them held would not fit).
    const rows = (a.rows as AsyncIterable<SourceRow>)[Symbol.asyncIterator]();
    const first = (await rows.next()).value!;
    const second = (await rows.next()).value!;
    expect([first.n, second.n, first.v!.length]).toEqual([1, 2, 300]);
    expect(first.v).not.toBe(second.v);
    // Asking for the next sheet passes over the rest of this one; its rows are then gone.
    const b = (await sheets.next()).value!;
    expect(b.name).toBe('B');
    await expect(rows.next()).rejects.toThrow(/passed over/);
    // A sheet whose every row was read simply ends, whenever it is asked again.
    const again = odsSheets(inputOf(file)).sheets[Symbol.asyncIterator]();
    await again.next();
    const bOnly = (await again.next()).value!;
    const bRead = (bOnly.rows as AsyncIterable<SourceRow>)[Symbol.asyncIterator]();
    expect((await bRead.next()).value).toEqual({ n: 1, v: ['ب'] });
    expect((await again.next()).done).toBe(true);
    expect((await bRead.next()).done).toBe(true);
    const bRows: SourceRow[] = [];
    for await (const r of b.rows) bRows.push(r);
    expect(bRows).toEqual([{ n: 1, v: ['ب'] }]);
  }, 120_000);
});
