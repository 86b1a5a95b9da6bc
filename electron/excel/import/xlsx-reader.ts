/**
 * The .xlsx reader of the import path: the parts inflated with node:zlib (each within the size
 * its zip directory declares, which zipcheck.ts has already judged), then a tokenizer of
 * SpreadsheetML that walks rows and cells with indexOf instead of an XML parser. It gives the
 * values exceljs's streaming reader gives, row for row (test/excel/xlsx-reader.test.ts compares
 * the two on every workbook of the test suite), except where exceljs is wrong; each of those
 * is listed in docs/xlsx-reader.md and checked by that test.
 *
 * Measured on the bench's 50,000-row register: ~0.5 s here against ~2.7 s through exceljs.
 */
import { closeSync, createReadStream, openSync, readSync } from 'node:fs';
import { createInflateRaw, inflateRawSync } from 'node:zlib';
import { AppError } from '../../../db/core/errors';
import type { Source, SourceInput, SourceRow } from './sources';
import { type CellValue, isPercentFormat, percentText } from './values';
import { checkWorkbookFile, REFUSALS, unescapeXml, type ZipSummary } from './zipcheck';

/** Excel's built-in number formats, by id: those exceljs knows a code for (the rest have none). */
export const BUILT_IN_FORMATS: Record<number, string> = {
  1: '0',
  2: '0.00',
  3: '#,##0',
  4: '#,##0.00',
  9: '0%',
  10: '0.00%',
  11: '0.00E+00',
  12: '# ?/?',
  13: '# ??/??',
  14: 'mm-dd-yy',
  15: 'd-mmm-yy',
  16: 'd-mmm',
  17: 'mmm-yy',
  18: 'h:mm AM/PM',
  19: 'h:mm:ss AM/PM',
  20: 'h:mm',
  21: 'h:mm:ss',
  22: 'm/d/yy "h":mm',
  37: '#,##0 ;(#,##0)',
  38: '#,##0 ;[Red](#,##0)',
  39: '#,##0.00 ;(#,##0.00)',
  40: '#,##0.00 ;[Red](#,##0.00)',
  45: 'mm:ss',
  46: '[h]:mm:ss',
  47: 'mmss.0',
  48: '##0.0E+0',
  49: '@',
};

/** A format showing a date or a time: y m d h s (or b, the Buddhist year) outside quotes and brackets. */
export const isDateFormat = (code: string | undefined): boolean =>
  code !== undefined &&
  // Letters shown as themselves (`\d`, a padding `_m`, a fill `*h`) are no date parts: `0\ \m\²`
  // is square metres.
  /[ymdhMsb]/.test(code.replace(/\[[^\]]*]|"[^"]*"|\\.|_.|\*./g, ''));

/**
 * A part of the zip, inflated, never past its declared size; null when absent. The file is
 * opened for the one read: nothing stays open if the reading stops (a cancel, a time limit).
 */
export function readPartBytes(file: string, zip: ZipSummary, name: string): Buffer | null {
  const part = zip.parts.get(name);
  if (!part) return null;
  const fd = openSync(file, 'r');
  const data = Buffer.alloc(part.compressed);
  try {
    if (readSync(fd, data, 0, part.compressed, partStart(fd, part)) < part.compressed) throw REFUSALS.truncated();
  } finally {
    closeSync(fd);
  }
  if (part.method === 0) return data;
  try {
    // A part that inflates past the size the directory declares is a bomb that lied about it.
    return inflateRawSync(data, { maxOutputLength: Math.max(part.uncompressed, 1) });
  } catch (e) {
    throw (e as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE' ? REFUSALS.bomb() : REFUSALS.truncated();
  }
}

type Part = ZipSummary['parts'] extends Map<string, infer P> ? P : never;

/** Where a part's data starts, past its local header; a part stored in a way no workbook uses is refused. */
function partStart(fd: number, part: Part): number {
  if (part.method !== 0 && part.method !== 8) throw REFUSALS.truncated();
  const local = Buffer.alloc(30);
  if (readSync(fd, local, 0, 30, part.offset) < 30 || local.readUInt32LE(0) !== 0x04034b50) {
    throw REFUSALS.truncated();
  }
  return part.offset + 30 + local.readUInt16LE(26) + local.readUInt16LE(28);
}

/**
 * A part inflating, chunk by chunk, never past its declared size (a part that lies about it is
 * refused as a bomb, as readPartBytes does). The file is closed when the reading ends or stops.
 */
export async function* partChunks(file: string, zip: ZipSummary, name: string): AsyncGenerator<Buffer> {
  const part = zip.parts.get(name);
  if (!part) return;
  const fd = openSync(file, 'r');
  let start: number;
  try {
    start = partStart(fd, part);
    if (part.compressed === 0 && part.method !== 0) throw REFUSALS.truncated(); // deflated data is never empty
  } catch (e) {
    closeSync(fd);
    throw e;
  }
  if (part.compressed === 0) return closeSync(fd); // stored empty
  // Chunks of a megabyte: each is a trip to the thread pool and back (64 KB ones left the
  // .ods reader waiting 0.36 s on 150 MB). The stream closes the file when it ends or is destroyed.
  const raw = createReadStream('', { fd, start, end: start + part.compressed - 1, highWaterMark: 1 << 20 });
  const data = part.method === 0 ? raw : raw.pipe(createInflateRaw({ chunkSize: 1 << 20 }));
  const max = Math.max(part.uncompressed, 1);
  let total = 0;
  // How much of the part the file held: a file cut short ends the stream early, quietly.
  let read = 0;
  if (data !== raw) {
    raw.on('data', (c: string | Buffer) => void (read += c.length));
    raw.on('error', (e) => data.destroy(e));
  }
  try {
    for await (const chunk of data as AsyncIterable<Buffer>) {
      total += chunk.length;
      if (total > max) throw REFUSALS.bomb();
      yield chunk;
    }
  } catch (e) {
    throw e instanceof AppError ? e : REFUSALS.truncated();
  } finally {
    raw.destroy();
    if (data !== raw) data.destroy();
  }
  if ((data === raw ? total : read) < part.compressed) throw REFUSALS.truncated();
}

/** The namespace prefix the part's root element uses (`x:` in some .NET writers), or ''. */
function prefixOf(xml: string, root: string): string {
  const m = new RegExp(`<([A-Za-z_][\\w.-]*:)?${root}[\\s>/]`).exec(xml.slice(0, 4096));
  return m?.[1] ?? '';
}

/** Whether `s[i]` ends an element's name: the tag `<c` is not `<col`. */
const ends = (s: string, i: number): boolean => {
  const ch = s.charCodeAt(i);
  return ch === 62 /* > */ || ch === 47 /* / */ || ch === 32 || ch === 9 || ch === 10 || ch === 13;
};

/**
 * Where `needle` is at or after `from`; a part without it is not well-formed XML, and is
 * refused as unreadable (as an XML parser would refuse it) rather than read on from a wrong place.
 */
export function must(s: string, needle: string, from: number): number {
  const i = s.indexOf(needle, from);
  if (i < 0) throw new Error(`malformed SpreadsheetML: no ${needle}`);
  return i;
}

/** An element's start at or after `from` and before `to`; -1 when none. */
export function findTag(s: string, open: string, from: number, to: number): number {
  let i = s.indexOf(open, from);
  while (i >= 0 && i < to) {
    if (ends(s, i + open.length)) return i;
    i = s.indexOf(open, i + open.length);
  }
  return -1;
}

const isSpace = (ch: number) => ch === 32 || ch === 9 || ch === 10 || ch === 13;

/** An attribute's raw value in a start tag (`r`, `s`, `t`), spaces around `=` allowed; or undefined. */
export function attr(tag: string, name: string): string | undefined {
  let i = tag.indexOf(name);
  while (i >= 0) {
    if (i > 0 && isSpace(tag.charCodeAt(i - 1))) {
      let j = i + name.length;
      while (isSpace(tag.charCodeAt(j))) j++;
      if (tag.charCodeAt(j) === 61 /* = */) {
        j++;
        while (isSpace(tag.charCodeAt(j))) j++;
        const q = tag[j];
        if (q === '"' || q === "'") return tag.slice(j + 1, must(tag, q, j + 1));
      }
    }
    i = tag.indexOf(name, i + 1);
  }
  return undefined;
}

/**
 * Text as written: entities, CDATA sections (their text as it stands), and the `_xHHHH_`
 * escapes of characters XML cannot hold (`_x000D_`).
 */
function decode(text: string): string {
  let out: string;
  if (text.includes('<![CDATA[')) {
    out = '';
    let i = 0;
    for (;;) {
      const start = text.indexOf('<![CDATA[', i);
      if (start < 0) break;
      const end = must(text, ']]>', start);
      out += unescapeXml(text.slice(i, start)) + text.slice(start + 9, end);
      i = end + 3;
    }
    out += unescapeXml(text.slice(i));
  } else out = text.includes('&') ? unescapeXml(text) : text;
  if (out.includes('_x'))
    out = out.replace(/_x([0-9A-Fa-f]{4})_/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
  return out;
}

/**
 * The text of a string item (the inside of `<si>` or `<is>`): every `<t>` run joined, rich text
 * or not, leaving out phonetic guides (`<rPh>`). Searches run within the item only: a search
 * through the rest of the part for a tag a cell does not have made the read quadratic.
 */
function stringItem(s: string, p: string): string {
  let out = '';
  let i = 0;
  const to = s.length;
  for (;;) {
    const t = findTag(s, `<${p}t`, i, to);
    if (t < 0) break;
    const rph = findTag(s, `<${p}rPh`, i, t);
    if (rph >= 0) {
      i = must(s, `</${p}rPh>`, rph);
      continue;
    }
    const gt = must(s, '>', t);
    if (s.charCodeAt(gt - 1) === 47) {
      i = gt + 1; // <t/>
      continue;
    }
    const close = must(s, `</${p}t>`, gt);
    out += s.slice(gt + 1, close);
    i = close + p.length + 4;
  }
  return decode(out);
}

/** The shared strings, read as far as the cells have asked (`rest` reads the others). */
interface Strings {
  /** The k-th item; an empty item is null, as exceljs has it; undefined past the last. */
  at(k: number): string | null | undefined;
  /** Reads the items no cell asked for: a damaged part is refused whether or not a cell uses it. */
  rest(): void;
}

/**
 * The shared strings, each read the first time a cell asks for it or a later one: a register's
 * first rows need not wait for the 50,000 titles after them (Excel writes them in the order the
 * cells first use them).
 */
function sharedStrings(xml: string | null): Strings {
  if (!xml) return { at: () => undefined, rest() {} };
  const p = prefixOf(xml, 'sst');
  const out: (string | null)[] = [];
  let i = 0;
  let done = false;
  /** Reads the next item; false at the end of the part. */
  const next = (): boolean => {
    const si = findTag(xml, `<${p}si`, i, xml.length);
    if (si < 0) return !(done = true);
    const gt = must(xml, '>', si);
    if (xml.charCodeAt(gt - 1) === 47) {
      out.push(null);
      i = gt + 1;
      return true;
    }
    const close = must(xml, `</${p}si>`, gt);
    const text = stringItem(xml.slice(gt + 1, close), p);
    out.push(text === '' ? null : text);
    i = close + p.length + 5;
    return true;
  };
  return {
    at(k) {
      while (!done && out.length <= k) next();
      return out[k];
    },
    rest() {
      while (!done) next();
    },
  };
}

/** Each cell style's number format, by the style's index (`s`): custom codes, then built-in. */
function cellFormats(xml: string | null): (string | undefined)[] {
  if (!xml) return [];
  const p = prefixOf(xml, 'styleSheet');
  const custom = new Map<string, string>();
  // Only the cell formats: the conditional formats' own (<dxfs>) reuse the same ids.
  const nf = findTag(xml, `<${p}numFmts`, 0, xml.length);
  const nfEnd = nf < 0 ? -1 : xml.indexOf(`</${p}numFmts>`, nf);
  const numFmts = nf < 0 ? '' : xml.slice(nf, nfEnd < 0 ? xml.length : nfEnd);
  for (const [tag] of numFmts.matchAll(new RegExp(`<${p}numFmt\\b(?:[^>"']|"[^"]*"|'[^']*')*>`, 'g'))) {
    const id = attr(tag, 'numFmtId');
    const code = attr(tag, 'formatCode');
    if (id !== undefined && code !== undefined) custom.set(String(parseInt(id, 10)), unescapeXml(code));
  }
  const start = findTag(xml, `<${p}cellXfs`, 0, xml.length);
  if (start < 0) return [];
  const end = xml.indexOf(`</${p}cellXfs>`, start);
  const out: (string | undefined)[] = [];
  for (const [tag] of xml.slice(start, end < 0 ? xml.length : end).matchAll(new RegExp(`<${p}xf\\b[^>]*>`, 'g'))) {
    const id = parseInt(attr(tag, 'numFmtId') ?? '0', 10);
    // Format 0 ("General") is no format at all, as exceljs reads it.
    out.push(id ? (custom.get(String(id)) ?? BUILT_IN_FORMATS[id]) : undefined);
  }
  return out;
}

/** Column letters to a number: A → 1, AA → 27; 0 when the reference has none. */
function columnOf(ref: string): number {
  let n = 0;
  for (let i = 0; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c >= 65 && c <= 90) n = n * 26 + c - 64;
    else if (c >= 97 && c <= 122) n = n * 26 + c - 96;
    else break;
  }
  return n;
}

interface SheetContext {
  strings: Strings;
  formats: (string | undefined)[];
  date1904: boolean;
  maxColumns: number;
}

/** A cell's value from its tag and inside, before the importer's reduction: undefined when it has none. */
function cellValue(
  p: string,
  tag: string,
  s: string,
  format: string | undefined,
  ctx: SheetContext,
): CellValue | undefined {
  const from = 0;
  const to = s.length;
  const type = attr(tag, 't');
  const hasFormula = findTag(s, `<${p}f`, from, to) >= 0;
  let v: string | undefined;
  if (type === 'inlineStr') {
    const is = findTag(s, `<${p}is`, from, to);
    if (is >= 0) v = stringItem(s.slice(must(s, '>', is) + 1), p);
  } else {
    const at = findTag(s, `<${p}v`, from, to);
    if (at >= 0) {
      const gt = must(s, '>', at);
      v = s.charCodeAt(gt - 1) === 47 ? '' : s.slice(gt + 1, must(s, `</${p}v>`, gt));
    }
  }
  if (hasFormula) {
    // The value Excel last computed. exceljs reads a boolean or an error result as a number
    // (TRUE as 1, #N/A as NaN): here TRUE is true and an error is no value.
    // No value, or an empty one (openpyxl writes formulas it cannot compute so): not computed.
    if (v === undefined || v === '') return null;
    if (type === 'str') return decode(v);
    if (type === 'b') return parseInt(v, 10) !== 0;
    if (type === 'e') return null;
    return parseFloat(v);
  }
  if (v === undefined) return undefined;
  switch (type) {
    case 's': {
      const text = ctx.strings.at(parseInt(v, 10));
      return text === undefined || text === null ? undefined : text;
    }
    case 'inlineStr':
      return v;
    case 'str':
      return decode(v);
    case 'e':
      return null;
    case 'b':
      return parseInt(v, 10) !== 0;
    case 'd': {
      // An ISO date cell (written by some libraries, never by Excel): exceljs reads its year.
      const d = new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(v) ? v : `${v}${v.includes('T') ? '' : 'T00:00:00'}Z`);
      return Number.isNaN(d.getTime()) ? null : d;
    }
    default: {
      const n = parseFloat(v);
      if (isDateFormat(format)) return new Date(Math.round((n - 25569 + (ctx.date1904 ? 1462 : 0)) * 86_400_000));
      return n;
    }
  }
}

/** The importer's reduction of a value: blank text is no value; a percentage reads as shown. */
function reduced(v: CellValue, format: string | undefined): CellValue {
  if (typeof v === 'string') return v.trim() === '' ? null : v;
  if (typeof v === 'number' && isPercentFormat(format)) return percentText(v);
  return v;
}

/** Where the rows of a sheet being read have got to, across windows. */
interface RowsState {
  p: string;
  lastRow: number;
}

/**
 * A worksheet's rows as its part inflates, a window of about a megabyte at a time, each window
 * ending at a row's end: the first rows are read while the rest is still being inflated, and
 * the part is never held whole (35 MB for the bench's 50,000 rows).
 */
async function* sheetRows(chunks: AsyncIterable<Buffer>, ctx: SheetContext): AsyncGenerator<SourceRow> {
  yield* rowsOf(chunks, ctx);
  ctx.strings.rest();
}

async function* rowsOf(chunks: AsyncIterable<Buffer>, ctx: SheetContext): AsyncGenerator<SourceRow> {
  /** The part's prefix and the row tags to cut at, from the part's first bytes. */
  let tags: { rowOpen: Buffer; rowClose: Buffer } | null = null;
  const cut = (buf: Buffer) => {
    if (!tags) {
      const p = prefixOf(buf.toString('utf8', 0, Math.min(buf.length, 4096)), 'worksheet');
      tags = { rowOpen: Buffer.from(`<${p}row`), rowClose: Buffer.from(`</${p}row>`) };
    }
    return lastRowEnd(buf, tags.rowOpen, tags.rowClose);
  };
  /** Set once `<sheetData>` is open: where the rows are, and the `</sheetData>` to look for. */
  let open: { state: RowsState; dataClose: Buffer } | null = null;
  for await (let buf of windows(chunks, cut)) {
    if (!open) {
      const at = startOfRows(buf);
      if (at === 'empty') return;
      if (at === null) continue; // before the sheet's rows (a window ends only at a row's end)
      open = at.open;
      buf = buf.subarray(at.from);
    }
    const last = buf.indexOf(open.dataClose);
    if (last >= 0) {
      // Rows stand inside <sheetData> only (a stray one after it is not the sheet's, as exceljs has it).
      yield* windowRows(buf.toString('utf8', 0, last), open.state, ctx);
      return;
    }
    yield* windowRows(buf.toString('utf8'), open.state, ctx);
  }
  if (open) throw new Error('malformed SpreadsheetML: no </sheetData>');
}

/** A window is read once this many bytes have been inflated. */
const WINDOW = 1 << 20;

/**
 * A part as it inflates, in windows of about a megabyte, each ending where `lastEnd` says the
 * last complete element in it ends (so never inside a character); what is left comes last. Where
 * nothing ends, twice as much is gathered before looking again: looked at again on every chunk,
 * a part without an end for megabytes was read in quadratic time (24 MB took 7 s).
 */
export async function* windows(
  chunks: AsyncIterable<Buffer>,
  lastEnd: (buf: Buffer) => number,
): AsyncGenerator<Buffer> {
  let pending: Buffer[] = [];
  let size = 0;
  let enough = WINDOW;
  for await (const chunk of chunks) {
    pending.push(chunk);
    size += chunk.length;
    if (size < enough) continue;
    const buf = Buffer.concat(pending, size);
    const end = lastEnd(buf);
    if (end < 0) {
      pending = [buf];
      enough = size * 2;
      continue;
    }
    yield buf.subarray(0, end);
    pending = [buf.subarray(end)];
    size = buf.length - end;
    enough = WINDOW;
  }
  if (size > 0) yield Buffer.concat(pending, size);
}

/**
 * Where the last complete row in `buf` ends: after its `</row>`, or after a self-closing
 * `<row …/>` that follows it (Excel writes formatted empty rows so); -1 when none has.
 */
function lastRowEnd(buf: Buffer, rowOpen: Buffer, rowClose: Buffer): number {
  const cut = buf.lastIndexOf(rowClose);
  let end = cut < 0 ? -1 : cut + rowClose.length;
  // The last row's start tag (`<row` followed by a space, `/` or `>`: not `<rowBreaks`).
  let at = buf.lastIndexOf(rowOpen);
  while (at > end && !isTagEnd(buf[at + rowOpen.length])) at = at > 0 ? buf.lastIndexOf(rowOpen, at - 1) : -1;
  if (at > end) {
    const gt = buf.indexOf(62 /* > */, at);
    if (gt > 0 && buf[gt - 1] === 47 /* / */) end = gt + 1;
  }
  return end;
}

const isTagEnd = (ch: number | undefined) => ch === 32 || ch === 9 || ch === 10 || ch === 13 || ch === 47 || ch === 62;

/** Where the rows start, past `<sheetData>`; 'empty' for `<sheetData/>`; null when not yet seen. */
function startOfRows(buf: Buffer) {
  const p = prefixOf(buf.toString('utf8', 0, Math.min(buf.length, 4096)), 'worksheet');
  const at = buf.indexOf(`<${p}sheetData`);
  if (at < 0) return null;
  const gt = buf.indexOf('>', at);
  if (gt < 0) return null;
  if (buf[gt - 1] === 47 /* <sheetData/> */) return 'empty' as const;
  return { from: gt + 1, open: { state: { p, lastRow: 0 }, dataClose: Buffer.from(`</${p}sheetData>`) } };
}

/** The rows of one window of a worksheet's `<sheetData>`, which ends at a row's end. */
function* windowRows(s: string, state: RowsState, ctx: SheetContext): Generator<SourceRow> {
  const p = state.p;
  let i = 0;
  for (;;) {
    const r = findTag(s, `<${p}row`, i, s.length);
    if (r < 0) break;
    const gt = must(s, '>', r);
    const tag = s.slice(r, gt);
    const selfClosing = s.charCodeAt(gt - 1) === 47;
    const close = selfClosing ? gt : must(s, `</${p}row>`, gt);
    const rAttr = attr(tag, 'r');
    const n = rAttr === undefined ? state.lastRow + 1 : parseInt(rAttr, 10);
    state.lastRow = n;
    const rowStyle = attr(tag, 's');
    const rowFormat = rowStyle === undefined ? undefined : ctx.formats[parseInt(rowStyle, 10)];
    const values: CellValue[] = [];
    let last = 0; // the last column holding a value, as exceljs measures a row
    let col = 0;
    // The row's cells are searched within the row only: a search for the next cell through
    // the rest of the window made empty rows (`<row r="9"></row>`) quadratic.
    const cells = selfClosing ? '' : s.slice(gt + 1, close);
    let c = findTag(cells, `<${p}c`, 0, cells.length);
    while (c >= 0) {
      const cgt = must(cells, '>', c);
      const ctag = cells.slice(c, cgt);
      const empty = cells.charCodeAt(cgt - 1) === 47;
      const cclose = empty ? cgt : must(cells, `</${p}c>`, cgt);
      const ref = attr(ctag, 'r');
      col = ref === undefined ? col + 1 : columnOf(ref) || col + 1;
      if (!empty) {
        const style = parseInt(attr(ctag, 's') ?? '', 10);
        // A cell without a style of its own (or style 0) takes its row's, as exceljs has it.
        const format = style ? ctx.formats[style] : rowFormat;
        const value = cellValue(p, ctag, cells.slice(cgt + 1, cclose), format, ctx);
        if (value !== undefined) {
          // Past the limit the row is refused whole: no need to hold its cells.
          if (col <= ctx.maxColumns) {
            while (values.length < col - 1) values.push(null);
            values[col - 1] = reduced(value, format);
          }
          if (col > last) last = col;
        }
      }
      c = findTag(cells, `<${p}c`, empty ? cgt + 1 : cclose + p.length + 4, cells.length);
    }
    if (last > ctx.maxColumns) {
      yield { n, v: null };
    } else {
      values.length = last;
      for (let k = 0; k < last; k++) if (values[k] === undefined) values[k] = null;
      yield { n, v: values };
    }
    i = selfClosing ? gt + 1 : close + p.length + 6;
  }
}

/** The workbook's sheets in the order their parts are stored (exceljs's order), named from the workbook. */
export function xlsxSheets(input: SourceInput): Source {
  const check = checkWorkbookFile(input.file);
  const zip = check.zip;
  if (!zip) throw REFUSALS.notZip();
  const text = (name: string) => readPartBytes(input.file, zip, name)?.toString('utf8') ?? null;
  const workbook = text('xl/workbook.xml') ?? '';
  const pr = /<(?:\w+:)?workbookPr\b[^>]*>/.exec(workbook)?.[0];
  const flag = pr ? attr(pr, 'date1904') : undefined;
  const ctx: SheetContext = {
    strings: sharedStrings(text('xl/sharedStrings.xml')),
    formats: cellFormats(text('xl/styles.xml')),
    // exceljs takes only "1"; "true" is as valid in XML and means the same.
    date1904: flag === '1' || flag === 'true',
    maxColumns: input.maxColumns,
  };
  const parts = [...zip.parts]
    .filter(([name]) => /^xl\/worksheets\/sheet\d+\.xml$/.test(name))
    .sort((a, b) => a[1].offset - b[1].offset)
    .map(([name]) => name);
  const hidden = new Set(input.hidden);
  return {
    sheets: (async function* () {
      for (const part of parts) {
        const n = /sheet(\d+)\.xml$/.exec(part)![1]!;
        const name = input.sheetNames[n] ?? `Sheet${n}`;
        yield { name, hidden: hidden.has(name), rows: sheetRows(partChunks(input.file, zip, part), ctx) };
      }
    })(),
    date1904: () => ctx.date1904,
  };
}
