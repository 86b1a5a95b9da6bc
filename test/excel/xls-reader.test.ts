/**
 * The .xls reader of the import path against SheetJS, which it replaced for BIFF8: the fixture
 * saved by LibreOffice; LibreOffice's conversions of an openpyxl workbook (dates, percentages,
 * booleans, errors, formulas with text results, a hidden sheet, a text of 12,000 characters whose
 * characters run on into CONTINUE records, Latin and Arabic mixed) and of a 3,000-row register
 * (its shared strings span many CONTINUE records); SheetJS's own BIFF8 (cells as LABEL records, a
 * stream small enough for the mini stream) and BIFF5 (handed to SheetJS). Every one must give the
 * same rows through both. The unit suites also read every .xls they import through both.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import * as XLSX from '@e965/xlsx';
import { describe, expect, it } from 'vitest';
import { sheetjsSheets } from '../../electron/excel/import/sheetjs';
import { compoundStream, sharedStrings, xlsSheets } from '../../electron/excel/import/xls-reader';
import type { ReadSheet } from '../../electron/excel/import/xlsx-differential';
import { writeRegister } from '../bench/register';
import { libreConvert, python } from '../helpers/others';
import { FIXTURE_FIRST_ROW, FIXTURE_SHEETS, readerInput, sameRows } from '../helpers/readers';
import { useTempDir } from '../helpers/tmp';

const tempDir = useTempDir();

/** SheetJS's compound-file helpers, as far as these tests use them. */
interface CfbApi {
  read(data: Buffer, o: { type: 'buffer' }): unknown;
  find(cfb: unknown, path: string): { content: Uint8Array } | null;
  write(cfb: unknown, o: { type: 'buffer' }): Uint8Array;
  utils: { cfb_new(): unknown; cfb_add(cfb: unknown, path: string, content: Buffer): void };
}
const ROOT = resolve(__dirname, '../..');

const inputOf = (file: string, maxColumns = 300) => readerInput(file, 'xls', maxColumns);

/** Both readings agree; this reader's, for more checks. */
async function same(file: string, maxColumns = 300): Promise<ReadSheet[]> {
  const source = xlsSheets(inputOf(file, maxColumns));
  expect(source, `${file} is BIFF8`).not.toBeNull();
  return sameRows(file, source!, sheetjsSheets(inputOf(file, maxColumns)));
}

describe('the .xls reader, differentially against SheetJS', () => {
  it('reads LibreOffice’s .xls as SheetJS does', async () => {
    const dir = tempDir();
    const read = await same(join(ROOT, 'test/fixtures/register.xls'));
    expect(read.map((s) => [s.name, s.hidden])).toEqual(FIXTURE_SHEETS);
    expect(read[2]!.rows[2]!.v).toEqual(FIXTURE_FIRST_ROW);

    const py = join(dir, 'openpyxl.xlsx');
    python(
      `
import sys, datetime, openpyxl
wb = openpyxl.Workbook(); ws = wb.active; ws.title = 'السجل'
ws.append(['كود', 'اسم', 'مبلغ', 'تاريخ', 'نسبة', 'منتهية', 'نص طويل'])
ws.append(['A-1', 'نص  بمسافتين\\tوتاب', 1500.25, datetime.date(2025, 3, 1), 0.25, True, 'ب' * 6000 + 'x' * 6000])
ws['E2'].number_format = '0%'
ws.append(['A-2', 'سطر\\nثان', '=C2*2', datetime.date(1999, 12, 31), 1, False, '=A2&"-"&B3'])
ws.append([None] * 7)
ws.append(['A-4', '&<>"\\'', -3, None, '=E2+E3', '=1=1', '=1/0'])
ws.append(['A-5', 'Ünïcode mixed عربي', 12345678901, 0.5, '=""', 7, 70000])
ws['D6'].number_format = '0.00%'
ws['C6'].number_format = '#,##0\\\\ \\\\m\\\\²'
h = wb.create_sheet('قوائم'); h.sheet_state = 'hidden'; h.append(['جارية', 'منتهية'])
wb.save(sys.argv[1])
`,
      py,
    );
    const xls = await same(libreConvert(py, 'xls', join(dir, 'lo')));
    expect(xls[0]!.rows[1]!.v!.slice(0, 5)).toEqual([
      'A-1',
      'نص  بمسافتين\tوتاب',
      1500.25,
      new Date(Date.UTC(2025, 2, 1)),
      '25%',
    ]);
    // The long text crossed from one record into the next, its characters' width said again there.
    expect(xls[0]!.rows[1]!.v![6]).toBe('ب'.repeat(6000) + 'x'.repeat(6000));
    // Formulas: the computed number, the text result (a STRING record), a boolean, an error as nothing.
    expect(xls[0]!.rows[2]!.v).toEqual([
      'A-2',
      'سطر\nثان',
      3000.5,
      new Date(Date.UTC(1999, 11, 31)),
      1,
      false,
      'A-1-سطر\nثان',
    ]);
    expect(xls[0]!.rows[3]!.v!.slice(4)).toEqual([1.25, true, null]);
    // Square metres (`#,##0\ \m\²`): a number, though its format has an m.
    expect(xls[0]!.rows[4]!.v!.slice(2, 4)).toEqual([12345678901, '50%']);
    expect(xls[1]).toMatchObject({ name: 'قوائم', hidden: true });

    const register = join(dir, 'register.xlsx');
    await writeRegister(register, 3000);
    const big = await same(libreConvert(register, 'xls', join(dir, 'lo2')));
    expect(big[0]!.rows).toHaveLength(3001);
    expect(big[0]!.rows[3000]!.v![2]).toBe('برنامج تطوير الإنتاج والتدريب الفني رقم 3000 لتجمع الحرف اليدوية');
    // A row wider than the limit is refused whole, as through SheetJS.
    expect((await same(join(dir, 'lo2', 'register.xls'), 5))[0]!.rows[1]!.v).toBeNull();
  }, 240_000);

  it('reads SheetJS’s own BIFF8 (LABEL cells, a stream in the mini stream) and hands BIFF5 to SheetJS', async () => {
    const dir = tempDir();
    const book = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(
      book,
      XLSX.utils.aoa_to_sheet([
        ['اسم المبادرة', 'الإقليم', 'المبلغ'],
        ['تدريب', 'إقليم الدلتا', 1500],
        [null, null, true],
      ]),
      'سجل',
    );
    const small = join(dir, 'small.xls');
    writeFileSync(small, XLSX.write(book, { type: 'buffer', bookType: 'biff8' }) as Buffer);
    // Under the compound file's 4,096-byte cutoff: the workbook stream is in the mini stream.
    expect(compoundStream(readFileSync(small), ['Workbook'])!.length).toBeLessThan(4096);
    const read = await same(small);
    expect(read[0]!.rows).toEqual([
      { n: 1, v: ['اسم المبادرة', 'الإقليم', 'المبلغ'] },
      { n: 2, v: ['تدريب', 'إقليم الدلتا', 1500] },
      { n: 3, v: [null, null, true] },
    ]);

    const old = join(dir, 'old.xls');
    writeFileSync(old, XLSX.write(book, { type: 'buffer', bookType: 'biff5' }) as Buffer);
    expect(xlsSheets(inputOf(old))).toBeNull();
  });

  it('reads the workbook’s own stream, not an embedded object’s of the same name listed before it', async () => {
    const X = XLSX as unknown as { CFB: CfbApi };
    const biff8 = (rows: string[][]) => {
      const book = XLSX.utils.book_new();
      XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet(rows), 'S');
      const cfb = X.CFB.read(XLSX.write(book, { type: 'buffer', bookType: 'biff8' }) as Buffer, { type: 'buffer' });
      return Buffer.from(X.CFB.find(cfb, '/Workbook')!.content);
    };
    const container = X.CFB.utils.cfb_new();
    X.CFB.utils.cfb_add(container, '/MBD00000001/Workbook', biff8([['اسم المبادرة'], ['مضمنة']]));
    X.CFB.utils.cfb_add(container, '/Workbook', biff8([['اسم المبادرة'], ['الأصل']]));
    const bytes = Buffer.from(X.CFB.write(container, { type: 'buffer' }));
    // Put the embedded stream's entry before the workbook's own (swapping the two entries and
    // every pointer to them), as another writer may order them.
    const size = 1 << bytes.readUInt16LE(0x1e);
    const dir = (bytes.readUInt32LE(0x30) + 1) * size;
    // SheetJS writes its directory's two sectors one after the other: eight entries.
    const entries = [...Array(8).keys()];
    const name = (i: number) => bytes.toString('utf16le', dir + i * 128, dir + i * 128 + 16);
    // The embedded stream is the storage's only child; the workbook's own is the other one.
    const storage = entries.find((i) => name(i).startsWith('MBD000'))!;
    const embedded = bytes.readUInt32LE(dir + storage * 128 + 0x4c);
    const own = entries.find((i) => name(i) === 'Workbook' && i !== embedded)!;
    expect(name(embedded)).toBe('Workbook');
    if (own < embedded) {
      for (const i of entries) {
        for (const at of [0x44, 0x48, 0x4c]) {
          const v = bytes.readUInt32LE(dir + i * 128 + at);
          if (v === own || v === embedded) bytes.writeUInt32LE(v === own ? embedded : own, dir + i * 128 + at);
        }
      }
      const a = Buffer.from(bytes.subarray(dir + own * 128, dir + own * 128 + 128));
      bytes.copy(bytes, dir + own * 128, dir + embedded * 128, dir + embedded * 128 + 128);
      a.copy(bytes, dir + embedded * 128);
    }
    // The embedded one is now listed first.
    const embeddedNow = bytes.readUInt32LE(dir + storage * 128 + 0x4c);
    expect(name(embeddedNow)).toBe('Workbook');
    expect(embeddedNow).toBeLessThan(entries.find((i) => name(i) === 'Workbook' && i !== embeddedNow)!);
    const file = join(tempDir(), 'embedded.xls');
    writeFileSync(file, bytes);
    const read = await same(file);
    expect(read[0]!.rows[1]!.v).toEqual(['الأصل']);
  });

  it('reads shared strings whose characters change width where they run into the next record', () => {
    // Excel stores each record's part of a string in one byte a character where it can: the
    // flags are given again at the join. LibreOffice keeps one width, so this is written by hand.
    const u16 = (n: number) => Buffer.from([n & 0xff, n >> 8]);
    const u32 = (n: number) => Buffer.from([n & 0xff, (n >> 8) & 0xff, (n >> 16) & 0xff, n >>> 24]);
    const sst = Buffer.concat([
      u32(3),
      u32(3),
      u16(6),
      Buffer.from([0x01]),
      Buffer.from('ابت', 'utf16le'), // three of six characters, two bytes each
    ]);
    const next = Buffer.concat([
      Buffer.from([0x00]),
      Buffer.from('xyz', 'latin1'), // the rest, one byte each
      u16(2),
      Buffer.from([0x08]),
      u16(1), // one rich-text run, whose 4 bytes run into the last record (no flags there)
      Buffer.from('ok', 'latin1'),
      Buffer.from([0, 0]),
    ]);
    const last = Buffer.concat([Buffer.from([1, 0]), u16(1), Buffer.from([0x01]), Buffer.from('ج', 'utf16le')]);
    expect(sharedStrings([sst, next, last])).toEqual(['ابتxyz', 'ok', 'ج']);
  });

  it('refuses a compound file whose chains are damaged, rather than reading on from a wrong place', () => {
    const bytes = readFileSync(join(ROOT, 'test/fixtures/register.xls'));
    const dir = tempDir();
    // The directory's first sector pointed past the end of the file.
    const cut = Buffer.from(bytes);
    cut.writeUInt32LE(0x7fffffff, 0x30);
    writeFileSync(join(dir, 'cut.xls'), cut);
    expect(() => xlsSheets(inputOf(join(dir, 'cut.xls')))).toThrow(/damaged \.xls/);
    // A FAT whose chain runs in a loop.
    const loop = Buffer.from(bytes);
    const fatSector = loop.readUInt32LE(0x4c);
    const dirSector = loop.readUInt32LE(0x30);
    const size = 1 << loop.readUInt16LE(0x1e);
    loop.writeUInt32LE(dirSector, (fatSector + 1) * size + dirSector * 4);
    writeFileSync(join(dir, 'loop.xls'), loop);
    expect(() => xlsSheets(inputOf(join(dir, 'loop.xls')))).toThrow(/damaged \.xls/);
  });
});
