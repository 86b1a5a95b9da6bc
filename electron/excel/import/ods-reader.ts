/**
 * The .ods reader of the import path: content.xml inflated within its declared size (as the
 * .xlsx reader does), then its tables, rows and cells walked with indexOf. It gives the values
 * SheetJS gives through sheetjs.ts (test/excel/ods-reader.test.ts compares the two), at a
 * fraction of the time: SheetJS reads the whole document, styles and all, before the first row.
 */
import type { Source, SourceInput, SourceRow } from './sources';
import { hiddenTables } from './sheetjs';
import { type CellValue, percentText } from './values';
import { attr, findTag, must, readPartBytes } from './xlsx-reader';
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

/** A table's rows; repeated rows and cells with values are written out, empty ones only counted. */
function* tableRows(xml: string, from: number, to: number, maxColumns: number): Generator<SourceRow> {
  let n = 0;
  let i = from;
  for (;;) {
    const r = findTag(xml, '<table:table-row', i, to);
    if (r < 0) return;
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
    for (;;) {
      const a = findTag(cells, '<table:table-cell', c, cells.length);
      const b = findTag(cells, '<table:covered-table-cell', c, cells.length);
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
      for (let k = 0; k < repeat; k++) yield { n: n + k + 1, v: last > maxColumns ? null : [...values] };
    }
    n += repeat;
    i = selfClosing ? gt + 1 : close + 18;
  }
}

export function odsSheets(input: SourceInput): Source {
  const check = checkWorkbookFile(input.file);
  if (!check.zip) throw REFUSALS.notZip();
  const content = readPartBytes(input.file, check.zip, 'content.xml');
  if (!content) throw REFUSALS.notWorkbook();
  const xml = content.toString('utf8');
  const hidden = new Set(hiddenTables(xml));
  return {
    sheets: (async function* () {
      let i = 0;
      for (;;) {
        const t = findTag(xml, '<table:table', i, xml.length);
        if (t < 0) return;
        const gt = must(xml, '>', t);
        const close = must(xml, '</table:table>', gt);
        const name = unescapeXml(attr(xml.slice(t, gt), 'table:name') ?? '');
        yield { name, hidden: hidden.has(name), rows: tableRows(xml, gt + 1, close, input.maxColumns) };
        i = close + 14;
      }
    })(),
    date1904: () => false,
  };
}
