/**
 * The .xls reader of the import path (Excel 97–2003: BIFF8 records in an OLE compound file), in
 * place of SheetJS, which took 4 s and some 850 MB for a 65,000-row register; this reads it in a
 * fraction of a second. It gives the rows SheetJS gives through sheetjs.ts, row for row (the
 * unit suites read every .xls through both, test/excel/xls-reader.test.ts the cases one by one),
 * and hands a workbook of an older BIFF (Excel 95 and before) to SheetJS.
 *
 * The compound file: a header, a FAT of sector chains, a directory naming the streams; the
 * workbook is the stream "Workbook". In it, records (type, length, data): the globals (sheets,
 * shared strings, number formats, cell formats, the date system), then one substream per sheet.
 */
import { readFileSync } from 'node:fs';
import type { Source, SourceInput, SourceRow, SourceSheet } from './sources';
import { type CellValue, shownNumber } from './values';
import { BUILT_IN_FORMATS, isDateFormat } from './xlsx-reader';

const CFB_MAGIC = Buffer.from('d0cf11e0a1b11ae1', 'hex');
const END_OF_CHAIN = 0xfffffffe;

const damaged = (why: string) => new Error(`damaged .xls: ${why}`);

/** A stream of the compound file by name (any case); null when there is none. */
export function compoundStream(data: Buffer, names: string[]): Buffer | null {
  if (data.length < 512 || !data.subarray(0, 8).equals(CFB_MAGIC)) throw damaged('no compound file');
  const shift = data.readUInt16LE(0x1e);
  if (shift !== 9 && shift !== 12) throw damaged('sector size');
  const size = 1 << shift;
  const count = Math.ceil((data.length - size) / size);
  const sector = (s: number) => {
    if (s >= count) throw damaged('sector past the end');
    return data.subarray((s + 1) * size, Math.min((s + 2) * size, data.length));
  };
  // The FAT's own sectors: 109 listed in the header, the rest in a chain of DIFAT sectors.
  const fatSectors: number[] = [];
  const fatCount = data.readUInt32LE(0x2c);
  for (let i = 0; i < 109 && fatSectors.length < fatCount; i++) fatSectors.push(data.readUInt32LE(0x4c + i * 4));
  for (let d = data.readUInt32LE(0x44), n = 0; fatSectors.length < fatCount && d < END_OF_CHAIN; n++) {
    if (n > count) throw damaged('DIFAT loop');
    const s = sector(d);
    for (let i = 0; i < size / 4 - 1 && fatSectors.length < fatCount; i++) fatSectors.push(s.readUInt32LE(i * 4));
    d = s.readUInt32LE(size - 4);
  }
  /** A table of sector numbers (the FAT, the mini FAT) from its bytes. */
  const words = (b: Buffer) => {
    const out = new Uint32Array(b.length >>> 2);
    for (let k = 0; k < out.length; k++) out[k] = b.readUInt32LE(k * 4);
    return out;
  };
  const fat = words(Buffer.concat(fatSectors.map(sector)));
  /** The sectors of a chain, in order; a loop or a sector out of range is damage. */
  const chain = (start: number, table: Uint32Array): number[] => {
    const out: number[] = [];
    for (let s = start; s < END_OF_CHAIN; s = table[s] ?? END_OF_CHAIN) {
      if (s >= table.length || out.length > table.length) throw damaged('sector chain');
      out.push(s);
    }
    return out;
  };
  const read = (start: number) => Buffer.concat(chain(start, fat).map(sector));
  const directory = read(data.readUInt32LE(0x30));
  const entry = (i: number) => {
    const e = directory.subarray(i * 128, i * 128 + 128);
    const nameBytes = Math.min(Math.max(e.readUInt16LE(0x40) - 2, 0), 62);
    return {
      name: e.toString('utf16le', 0, nameBytes),
      type: e[0x42],
      start: e.readUInt32LE(0x74),
      bytes: e.readUInt32LE(0x78),
    };
  };
  const wanted = names.map((n) => n.toLowerCase());
  // The root's own streams only (a tree of siblings under its child): an embedded object's
  // storage may hold a "Workbook" of its own.
  const top = new Set<number>();
  for (const stack = [directory.readUInt32LE(0x4c)]; stack.length > 0;) {
    const i = stack.pop()!;
    // NOSTREAM (0xFFFFFFFF) ends a branch; an entry met twice is a loop.
    if (i >= directory.length / 128 || top.has(i)) continue;
    top.add(i);
    stack.push(directory.readUInt32LE(i * 128 + 0x44), directory.readUInt32LE(i * 128 + 0x48));
  }
  for (const i of [...top].sort((a, b) => a - b)) {
    const e = entry(i);
    if (e.type !== 2 || !wanted.includes(e.name.toLowerCase())) continue;
    let stream: Buffer;
    if (e.bytes >= data.readUInt32LE(0x38)) stream = read(e.start);
    else {
      // A small stream lives in the mini stream (the root entry's), in 64-byte sectors.
      const mini = read(entry(0).start);
      const miniSize = 1 << data.readUInt16LE(0x20);
      const miniFat = words(data.readUInt32LE(0x40) > 0 ? read(data.readUInt32LE(0x3c)) : Buffer.alloc(0));
      stream = Buffer.concat(chain(e.start, miniFat).map((s) => mini.subarray(s * miniSize, (s + 1) * miniSize)));
    }
    if (stream.length < e.bytes) throw damaged('stream shorter than its entry');
    return stream.subarray(0, e.bytes);
  }
  return null;
}

/**
 * A record's data with the CONTINUE records after it, read across their joins. Where the
 * characters of a string run into the next record, that record starts with the string's flags
 * again (its characters may be one byte or two from there on).
 */
class Segments {
  private k = 0;
  private p = 0;
  constructor(private readonly parts: Buffer[]) {}

  get done(): boolean {
    while (this.k < this.parts.length && this.p >= this.parts[this.k]!.length) this.next();
    return this.k >= this.parts.length;
  }

  private next(): void {
    this.k += 1;
    this.p = 0;
  }

  private part(): Buffer {
    if (this.done) throw damaged('record cut short');
    return this.parts[this.k]!;
  }

  u8(): number {
    return this.part()[this.p++]!;
  }

  u16(): number {
    return this.u8() | (this.u8() << 8);
  }

  u32(): number {
    return (this.u16() | (this.u16() << 16)) >>> 0;
  }

  skip(n: number): void {
    for (let left = n; left > 0;) {
      const part = this.part();
      const step = Math.min(left, part.length - this.p);
      this.p += step;
      left -= step;
    }
  }

  /** `cch` characters, one byte each or two (`high`), the width read again at each join. */
  chars(cch: number, high: boolean): string {
    let out = '';
    let wide = high;
    for (let left = cch; left > 0;) {
      if (this.p >= this.parts[this.k]!.length) {
        this.next();
        wide = (this.u8() & 1) === 1;
      }
      const part = this.parts[this.k]!;
      const n = Math.min(left, Math.floor((part.length - this.p) / (wide ? 2 : 1)));
      if (n <= 0) throw damaged('string cut short');
      out += part.toString(wide ? 'utf16le' : 'latin1', this.p, this.p + n * (wide ? 2 : 1));
      this.p += n * (wide ? 2 : 1);
      left -= n;
    }
    return out;
  }
}

/** The shared strings (SST and its CONTINUE records): rich runs and phonetic data left out. */
export function sharedStrings(parts: Buffer[]): string[] {
  const r = new Segments(parts);
  r.skip(4);
  const unique = r.u32();
  const out: string[] = [];
  // A count larger than the strings written (a writer's slip) ends with the strings.
  while (out.length < unique && !r.done) {
    const cch = r.u16();
    const flags = r.u8();
    const runs = flags & 0x08 ? r.u16() : 0;
    const ext = flags & 0x04 ? r.u32() : 0;
    out.push(r.chars(cch, (flags & 1) === 1));
    r.skip(runs * 4 + ext);
  }
  return out;
}

/** An XLUnicodeString (16-bit count) at `at`: FORMAT, LABEL and STRING records. */
function unicodeString(parts: Buffer[], at: number): string {
  const r = new Segments(parts);
  r.skip(at);
  const cch = r.u16();
  return r.chars(cch, (r.u8() & 1) === 1);
}

/** An RK number: a 30-bit integer or the top of a double, either perhaps a hundredth. */
function rk(v: number): number {
  let n: number;
  if (v & 2) n = v >> 2;
  else {
    const b = Buffer.alloc(8);
    b.writeUInt32LE((v & 0xfffffffc) >>> 0, 4);
    n = b.readDoubleLE(0);
  }
  return v & 1 ? n / 100 : n;
}

interface BiffRecord {
  type: number;
  data: Buffer;
  /** Where the next record starts. */
  end: number;
}

function record(stream: Buffer, at: number): BiffRecord | null {
  if (at + 4 > stream.length) return null;
  const length = stream.readUInt16LE(at + 2);
  if (at + 4 + length > stream.length) throw damaged('record past the end');
  return { type: stream.readUInt16LE(at), data: stream.subarray(at + 4, at + 4 + length), end: at + 4 + length };
}

/** A record's data and its CONTINUE records' (type 0x3C); `end` is past the last. */
function withContinues(stream: Buffer, r: BiffRecord): { parts: Buffer[]; end: number } {
  const parts = [r.data];
  let end = r.end;
  for (let next = record(stream, end); next?.type === 0x3c; next = record(stream, end)) {
    parts.push(next.data);
    end = next.end;
  }
  return { parts, end };
}

interface Globals {
  sheets: { name: string; hidden: boolean; at: number }[];
  strings: string[];
  /** Each cell format's number format, by its index. */
  formats: (string | undefined)[];
  date1904: boolean;
}

/** The workbook globals; null when the workbook is not BIFF8. */
function globals(stream: Buffer): Globals | null {
  const bof = record(stream, 0);
  if (!bof || bof.type !== 0x0809 || bof.data.length < 2) throw damaged('no BOF');
  if (bof.data.readUInt16LE(0) !== 0x0600) return null;
  const out: Globals = { sheets: [], strings: [], formats: [], date1904: false };
  const numberFormats = new Map<number, string>();
  const xfFormats: number[] = [];
  for (let at = bof.end; ;) {
    const r = record(stream, at);
    if (!r) throw damaged('globals without EOF');
    at = r.end;
    if (r.type === 0x000a) break;
    switch (r.type) {
      case 0x002f:
        throw damaged('encrypted'); // FILEPASS: the records after it are encrypted
      case 0x0085: {
        // BOUNDSHEET8: where the sheet starts, its visibility, and its name (8-bit count).
        const r2 = new Segments([r.data]);
        r2.skip(6);
        const cch = r2.u8();
        const name = r2.chars(cch, (r2.u8() & 1) === 1);
        out.sheets.push({ name, hidden: (r.data[4]! & 3) > 0, at: r.data.readUInt32LE(0) });
        break;
      }
      case 0x00fc: {
        const sst = withContinues(stream, r);
        out.strings = sharedStrings(sst.parts);
        at = sst.end;
        break;
      }
      case 0x041e:
        numberFormats.set(r.data.readUInt16LE(0), unicodeString([r.data], 2));
        break;
      case 0x00e0:
        xfFormats.push(r.data.readUInt16LE(2));
        break;
      case 0x0022:
        out.date1904 = r.data.readUInt16LE(0) === 1;
        break;
    }
  }
  // "General" (0) is no format at all, as sheetjs.ts and the .xlsx reader read it.
  out.formats = xfFormats.map((id) => (id ? (numberFormats.get(id) ?? BUILT_IN_FORMATS[id]) : undefined));
  return out;
}

/** A sheet's rows, as SheetJS's dense sheet holds them: every row with a value cell, in order. */
function* sheetRows(stream: Buffer, g: Globals, at: number, maxColumns: number): Generator<SourceRow> {
  const rows: (CellValue[] | null)[] = [];
  const put = (r: number, c: number, v: CellValue) => {
    let row = rows[r];
    if (row === null) return; // wider than the limit: refused whole
    if (c >= maxColumns) {
      rows[r] = null;
      return;
    }
    if (!row) rows[r] = row = [];
    while (row.length < c) row.push(null);
    row[c] = v;
  };
  const text = (s: string): CellValue => (s.trim() === '' ? null : s);
  const num = (n: number, xf: number): CellValue => shownNumber(n, g.formats[xf], isDateFormat, g.date1904);
  const bof = record(stream, at);
  if (!bof || bof.type !== 0x0809) throw damaged('sheet without BOF');
  /** A formula's text result comes in the STRING record after it. */
  let pending: { r: number; c: number } | null = null;
  // Charts and other objects inside a sheet are substreams of their own (BOF … EOF).
  let depth = 1;
  for (let pos = bof.end; depth > 0;) {
    const rec = record(stream, pos);
    if (!rec) throw damaged('sheet without EOF');
    pos = rec.end;
    const d = rec.data;
    if (rec.type === 0x0809) depth += 1;
    else if (rec.type === 0x000a) depth -= 1;
    if (depth !== 1) continue;
    if (rec.type === 0x0207) {
      // STRING: the text result of the formula before it (perhaps continued).
      if (pending) {
        const s = withContinues(stream, rec);
        put(pending.r, pending.c, text(unicodeString(s.parts, 0)));
        pos = s.end;
        pending = null;
      }
      continue;
    }
    if (d.length < 6) continue;
    const r = d.readUInt16LE(0);
    const c = d.readUInt16LE(2);
    const xf = d.readUInt16LE(4);
    switch (rec.type) {
      case 0x0203: // NUMBER
        put(r, c, num(d.readDoubleLE(6), xf));
        break;
      case 0x027e: // RK
        put(r, c, num(rk(d.readUInt32LE(6)), xf));
        break;
      case 0x00bd: // MULRK: (format, RK) for columns c … c + n - 1, then the last column
        for (let k = 0; 4 + k * 6 + 6 <= d.length - 2; k++) {
          put(r, c + k, num(rk(d.readUInt32LE(6 + k * 6)), d.readUInt16LE(4 + k * 6)));
        }
        break;
      case 0x00fd: {
        // LABELSST
        const shared = g.strings[d.readUInt32LE(6)];
        if (shared === undefined) throw damaged('shared string out of range');
        put(r, c, text(shared));
        break;
      }
      case 0x0204: // LABEL
      case 0x00d6: // RSTRING
        put(r, c, text(unicodeString([d], 6)));
        break;
      case 0x0205: // BOOLERR: a boolean, or an error (no value a register holds)
        put(r, c, d[7] ? null : d[6] !== 0);
        break;
      case 0x0006: {
        // FORMULA: the value Excel last computed.
        pending = null;
        if (d.readUInt16LE(12) !== 0xffff) put(r, c, num(d.readDoubleLE(6), xf));
        else if (d[6] === 0) pending = { r, c };
        else if (d[6] === 1) put(r, c, d[8] !== 0);
        else put(r, c, null); // an error, or an empty text
        break;
      }
    }
  }
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r];
    if (row !== undefined) yield { n: r + 1, v: row };
  }
}

/** The workbook's sheets in their tab order; null when it is not BIFF8 (SheetJS reads those). */
export function xlsSheets(input: SourceInput): Source | null {
  const stream = compoundStream(readFileSync(input.file), ['Workbook']);
  if (!stream) return null;
  const g = globals(stream);
  if (!g) return null;
  async function* sheets(): AsyncGenerator<SourceSheet> {
    for (const s of g!.sheets) {
      if (s.at >= stream!.length) throw damaged('sheet past the end');
      yield { name: s.name, hidden: s.hidden, rows: sheetRows(stream!, g!, s.at, input.maxColumns) };
    }
  }
  return { sheets: sheets(), date1904: () => g.date1904 };
}
