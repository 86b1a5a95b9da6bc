/**
 * The .ods reader of the import path: content.xml read as it inflates, within its declared size
 * (as the .xlsx reader reads a sheet), a window at a time, its tables, rows and cells walked with
 * indexOf: LibreOffice writes 150 MB of it for 65,000 rows, which held whole took 850 MB. It gives the values
 * SheetJS gives through sheetjs.ts (test/excel/ods-reader.test.ts compares the two), at a
 * fraction of the time: SheetJS reads the whole document, styles and all, before the first row.
 */
import type { Source, SourceInput, SourceRow } from './sources';
import { hiddenTableStyles } from './sheetjs';
import { type CellValue, percentText } from './values';
import { attr, findTag, must, partChunks, windows } from './xlsx-reader';
import { checkWorkbookFile, REFUSALS, unescapeXml } from './zipcheck';

/** A cell's text: its paragraphs joined by line breaks, spaces and tabs as written, notes left out. */
function cellText(inner: string): string {
  const paragraphs: string[] = [];
  let i = 0;
  for (;;) {
    const p = findTag(inner, '<text:p', i, inner.length);
    if (p < 0) break;
    const gt = must(inner, '>', p);
    if (inner.charCodeAt(gt - 1) === 47) {
      paragraphs.push('');
      i = gt + 1;
      continue;
    }
    const close = must(inner, '</text:p>', gt);
    // A note (office:annotation) holds paragraphs of its own: they are not the cell's text.
    const note = inner.lastIndexOf('<office:annotation', p);
    if (note >= 0 && inner.indexOf('</office:annotation>', note) > p) {
      i = close + 9;
      continue;
    }
    const raw = inner.slice(gt + 1, close);
    if (!raw.includes('<')) {
      paragraphs.push(raw);
      i = close + 9;
      continue;
    }
    paragraphs.push(
      raw
        .replace(/<text:s\b([^>]*)\/>/g, (_, a: string) => ' '.repeat(Number(attr(` ${a}`, 'text:c') ?? 1) || 1))
        .replace(/<text:tab\b[^>]*\/>/g, '\t')
        .replace(/<text:line-break\b[^>]*\/>/g, '\n')
        .replace(/<[^>]*>/g, ''),
    );
    i = close + 9;
  }
  return unescapeXml(paragraphs.join('\n'));
}

/** A cell's value as sheetjs.ts gives it: null when it has none. */
function cellValue(tag: string, inner: string): CellValue {
  const type = attr(tag, 'office:value-type');
  switch (type) {
    case 'float':
    case 'currency':
      return parseFloat(attr(tag, 'office:value') ?? '');
    case 'percentage':
      return percentText(parseFloat(attr(tag, 'office:value') ?? ''));
    case 'date': {
      // The day, as a UTC midnight (sheetjs.ts makes SheetJS's serial into one the same way).
      const m = /^(\d{4})-(\d\d)-(\d\d)/.exec(attr(tag, 'office:date-value') ?? '');
      return m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : null;
    }
    case 'boolean':
      return attr(tag, 'office:boolean-value') === 'true';
    case undefined:
    case 'string': {
      const given = attr(tag, 'office:string-value');
      const text = given !== undefined ? unescapeXml(given) : cellText(inner);
      return text.trim() === '' ? null : text;
    }
    default:
      return null;
  }
}

const count = (tag: string, name: string) => Math.max(1, parseInt(attr(tag, name) ?? '1', 10) || 1);

/** A row and how many times it repeats (`table:number-rows-repeated`), given out one at a time. */
interface RowRun {
  n: number;
  repeat: number;
  v: CellValue[] | null;
}

/**
 * One row at `r` (its start tag), with its repeats when it holds a value (an empty one is only
 * counted); `n` is the table's row count before it. Returns where the next search starts.
 */
function readRow(xml: string, r: number, n: number, maxColumns: number, out: RowRun[]): { next: number; n: number } {
  const gt = must(xml, '>', r);
  const tag = xml.slice(r, gt);
  const selfClosing = xml.charCodeAt(gt - 1) === 47;
  const close = selfClosing ? gt : must(xml, '</table:table-row>', gt);
  const repeat = count(tag, 'table:number-rows-repeated');
  const cells = selfClosing ? '' : xml.slice(gt + 1, close);
  const values: CellValue[] = [];
  let col = 0;
  let last = 0;
  let c = 0;
  // The next covered cell, found again only once passed: most rows have none, and searching
  // the rest of the row from each cell cost a sixth of the reading.
  let b = -2;
  for (;;) {
    const a = findTag(cells, '<table:table-cell', c, cells.length);
    if (b !== -1 && b < c) b = findTag(cells, '<table:covered-table-cell', c, cells.length);
    const at = a < 0 ? b : b < 0 ? a : Math.min(a, b);
    if (at < 0) break;
    const cgt = must(cells, '>', at);
    const ctag = cells.slice(at, cgt);
    const empty = cells.charCodeAt(cgt - 1) === 47;
    const closing = at === b ? '</table:covered-table-cell>' : '</table:table-cell>';
    const cclose = empty ? cgt : must(cells, closing, cgt);
    const times = count(ctag, 'table:number-columns-repeated');
    const value = cellValue(ctag, empty ? '' : cells.slice(cgt + 1, cclose));
    if (value !== null) {
      if (col + times > maxColumns) last = col + times;
      else {
        while (values.length < col) values.push(null);
        for (let k = 0; k < times; k++) values.push(value);
        last = col + times;
      }
    }
    col += times;
    c = empty ? cgt + 1 : cclose + closing.length;
  }
  if (last > 0) {
    values.length = Math.min(last, values.length);
    out.push({ n: n + 1, repeat, v: last > maxColumns ? null : values });
  }
  return { next: selfClosing ? gt + 1 : close + 18, n: n + repeat };
}

const ROW_END = Buffer.from('</table:table-row>');
const TABLE_END = Buffer.from('</table:table>');

/** Where the last row or table in `buf` ends; -1 when none does. */
function lastEnd(buf: Buffer): number {
  const row = buf.lastIndexOf(ROW_END);
  const table = buf.lastIndexOf(TABLE_END);
  return Math.max(row < 0 ? -1 : row + ROW_END.length, table < 0 ? -1 : table + TABLE_END.length);
}

type Event = { type: 'table'; name: string; hidden: boolean } | { type: 'rows'; rows: RowRun[] } | { type: 'end' };

/** The document's tables and rows, in order, as content.xml inflates. */
async function* events(chunks: AsyncIterable<Buffer>, maxColumns: number): AsyncGenerator<Event> {
  // Hidden tables are known by their style, defined before the body.
  const hiddenStyles = new Set<string>();
  let body = false;
  /** The open table's row count, or null outside a table. */
  let n: number | null = null;
  for await (const bytes of windows(chunks, lastEnd)) {
    const w = bytes.toString('utf8');
    if (!body) {
      hiddenTableStyles(w, hiddenStyles);
      body = w.includes('<office:body');
    }
    const rows: RowRun[] = [];
    let i = 0;
    // The next table's start and end, found again only once passed: searched from each row,
    // they made a window of 8,000 rows quadratic.
    let t = -2;
    let e = -2;
    for (;;) {
      if (t !== -1 && t < i) t = findTag(w, '<table:table', i, w.length);
      if (e !== -1 && e < i) e = w.indexOf('</table:table>', i);
      const r = n === null ? -1 : findTag(w, '<table:table-row', i, t < 0 ? w.length : t);
      if (r >= 0 && (e < 0 || r < e)) {
        const read = readRow(w, r, n!, maxColumns, rows);
        n = read.n;
        i = read.next;
        continue;
      }
      if (rows.length > 0) yield { type: 'rows', rows: rows.splice(0) };
      if (n !== null && e >= 0 && (t < 0 || e < t)) {
        n = null;
        i = e + TABLE_END.length;
        yield { type: 'end' };
        continue;
      }
      if (t < 0) break;
      // A table inside a table (its end missing): refused, as an XML parser would.
      if (n !== null) throw new Error('malformed OpenDocument: a table inside a table');
      const gt = must(w, '>', t);
      const tag = w.slice(t, gt);
      const name = unescapeXml(attr(tag, 'table:name') ?? '');
      yield { type: 'table', name, hidden: hiddenStyles.has(attr(tag, 'table:style-name') ?? '') };
      i = gt + 1;
      if (w.charCodeAt(gt - 1) === 47)
        yield { type: 'end' }; // <table:table …/>: no rows
      else n = 0;
    }
  }
  if (n !== null) throw new Error('malformed OpenDocument: no </table:table>');
}

export function odsSheets(input: SourceInput): Source {
  const check = checkWorkbookFile(input.file);
  if (!check.zip) throw REFUSALS.notZip();
  const zip = check.zip;
  if (!zip.parts.has('content.xml')) throw REFUSALS.notWorkbook();
  return {
    sheets: (async function* () {
      const it = events(partChunks(input.file, zip, 'content.xml'), input.maxColumns);
      try {
        for (;;) {
          let e = await it.next();
          while (!e.done && e.value.type !== 'table') e = await it.next();
          if (e.done) return;
          const table = e.value as Extract<Event, { type: 'table' }>;
          let ended = false;
          /** Set once the next sheet was asked for; `lost`, when rows of this one were passed over then. */
          let passed = false;
          let lost = false;
          const gone = () => new Error('ods-reader: the rows of a sheet passed over');
          const rows = (async function* (): AsyncGenerator<SourceRow> {
            for (;;) {
              if (ended) {
                if (lost) throw gone();
                return;
              }
              const next = await it.next();
              if (next.done || next.value.type === 'end') ended = true;
              else if (next.value.type === 'rows') {
                // A repeated row is given out one copy at a time (LibreOffice repeats a row to a
                // million): the importer's row limit stops it before memory does.
                for (const run of next.value.rows) {
                  for (let k = 0; k < run.repeat; k++) {
                    if (passed) throw gone();
                    yield { n: run.n + k, v: run.v && [...run.v] };
                  }
                }
              }
            }
          })();
          yield { name: table.name, hidden: table.hidden, rows };
          passed = true;
          // What the reader left of this table is passed over.
          while (!ended) {
            const next = await it.next();
            if (next.done || next.value.type === 'end') ended = true;
            else if (next.value.type === 'rows') lost = true;
          }
        }
      } finally {
        await it.return(undefined);
      }
    })(),
    date1904: () => false,
  };
}
