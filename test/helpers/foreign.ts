/**
 * Workbooks as other programs write them, part by part, so a test controls what exceljs never
 * writes: openpyxl's and pandas' part order (sheets before the workbook, shared strings and
 * styles), absolute relationship targets, hidden sheets, built-in percent formats (ids 9, 10)
 * and a custom one, and cells far to the right.
 */
import { writeFileSync } from 'node:fs';
import { makeZip } from './zips';

/** A cell: text (a shared string), a number, or a number shown in a percent or date format (a serial day). */
export type ForeignCell = string | number | null | { n: number; format: '0%' | '0.00%' | '0.0%' | 'date' };
export interface ForeignSheet {
  name: string;
  rows: ForeignCell[][];
  state?: 'hidden' | 'veryHidden';
  /** Extra cells at addresses of their own, such as `XFD1`. */
  cells?: Record<string, string>;
}

const NS = 'http://schemas.openxmlformats.org/';
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const STYLE = { '0%': 1, '0.00%': 2, '0.0%': 3, date: 4 } as const;

function columnName(i: number): string {
  let s = '';
  for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

export function writeForeignWorkbook(
  file: string,
  sheets: ForeignSheet[],
  options: { order?: 'openpyxl' | 'excel' } = {},
): void {
  const strings: string[] = [];
  const index = new Map<string, number>();
  const shared = (s: string) => {
    let i = index.get(s);
    if (i === undefined) index.set(s, (i = strings.push(s) - 1));
    return i;
  };
  const sheetXml = (sheet: ForeignSheet) => {
    const rows = sheet.rows.map((cells, r) => {
      const xml = cells.map((c, col) => {
        const ref = `${columnName(col)}${r + 1}`;
        if (c === null) return '';
        if (typeof c === 'string') return `<c r="${ref}" t="s"><v>${shared(c)}</v></c>`;
        if (typeof c === 'number') return `<c r="${ref}" t="n"><v>${c}</v></c>`;
        return `<c r="${ref}" s="${STYLE[c.format]}" t="n"><v>${c.n}</v></c>`;
      });
      const extra = Object.entries(sheet.cells ?? {})
        .filter(([ref]) => Number(/\d+$/.exec(ref)![0]) === r + 1)
        .map(([ref, s]) => `<c r="${ref}" t="s"><v>${shared(s)}</v></c>`);
      return `<row r="${r + 1}">${xml.join('')}${extra.join('')}</row>`;
    });
    return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="${NS}spreadsheetml/2006/main"><sheetData>${rows.join('')}</sheetData></worksheet>`;
  };
  const worksheets = sheets.map((s, i) => ({ name: `xl/worksheets/sheet${i + 1}.xml`, xml: sheetXml(s) }));
  const text = (name: string, data: string) => ({ name, data: Buffer.from(data, 'utf8') });
  const absolute = options.order !== 'excel';
  const parts = {
    types: text(
      '[Content_Types].xml',
      `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="${NS}package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>${worksheets
        .map(
          (w) =>
            `<Override PartName="/${w.name}" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
        )
        .join(
          '',
        )}<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>`,
    ),
    rels: text(
      '_rels/.rels',
      `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${NS}package/2006/relationships"><Relationship Id="rId1" Type="${NS}officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    ),
    workbook: text(
      'xl/workbook.xml',
      `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${NS}spreadsheetml/2006/main" xmlns:r="${NS}officeDocument/2006/relationships"><sheets>${sheets
        .map(
          (s, i) =>
            `<sheet name="${esc(s.name)}" sheetId="${i + 1}"${s.state ? ` state="${s.state}"` : ''} r:id="rId${i + 1}"/>`,
        )
        .join('')}</sheets></workbook>`,
    ),
    workbookRels: text(
      'xl/_rels/workbook.xml.rels',
      `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${NS}package/2006/relationships">${worksheets
        .map(
          (w, i) =>
            `<Relationship Id="rId${i + 1}" Type="${NS}officeDocument/2006/relationships/worksheet" Target="${absolute ? '/' : ''}${w.name.replace(/^xl\//, absolute ? 'xl/' : '')}"/>`,
        )
        .join(
          '',
        )}<Relationship Id="rId${sheets.length + 1}" Type="${NS}officeDocument/2006/relationships/styles" Target="${absolute ? '/xl/' : ''}styles.xml"/><Relationship Id="rId${sheets.length + 2}" Type="${NS}officeDocument/2006/relationships/sharedStrings" Target="${absolute ? '/xl/' : ''}sharedStrings.xml"/></Relationships>`,
    ),
    styles: text(
      'xl/styles.xml',
      `<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="${NS}spreadsheetml/2006/main"><numFmts count="1"><numFmt numFmtId="164" formatCode="0.0%"/></numFmts><fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="5"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="9" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="10" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs></styleSheet>`,
    ),
  };
  const sheetParts = worksheets.map((w) => text(w.name, w.xml));
  // Shared strings are complete only once every sheet was written.
  const strs = text(
    'xl/sharedStrings.xml',
    `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="${NS}spreadsheetml/2006/main" count="${strings.length}" uniqueCount="${strings.length}">${strings
      .map((s) => `<si><t xml:space="preserve">${esc(s)}</t></si>`)
      .join('')}</sst>`,
  );
  const ordered =
    options.order === 'excel'
      ? [parts.types, parts.rels, parts.workbook, parts.workbookRels, parts.styles, strs, ...sheetParts]
      : // openpyxl: the sheets first, then shared strings, styles, the workbook and its relationships.
        [...sheetParts, strs, parts.styles, parts.workbook, parts.workbookRels, parts.rels, parts.types];
  writeFileSync(file, makeZip(ordered));
}

/** Windows-1256 and -1252 bytes, from the decoder's own table (Node has no encoder for them). */
export function encode8bit(text: string, encoding: 'windows-1256' | 'windows-1252'): Buffer {
  const decoder = new TextDecoder(encoding);
  const table = new Map<string, number>();
  for (let b = 255; b >= 0; b--) table.set(decoder.decode(Uint8Array.of(b)), b);
  return Buffer.from(
    [...text].map((c) => {
      const b = table.get(c);
      if (b === undefined) throw new Error(`${c} is not in ${encoding}`);
      return b;
    }),
  );
}
