/**
 * The fuzz suite's malformed workbooks (random cells of every type, broken XML, odd cell types
 * and references), from a seeded generator: the fuzz test imports them, and the .xlsx reader's
 * differential test reads each with both readers.
 */
import type { random } from './random';
import { minimalWorkbook } from './zips';

const HEADERS = [
  'كود المبادرة',
  'اسم المبادرة',
  'الإقليم',
  'التجمع',
  'المحاور',
  'الميزانية المخططة',
  'تاريخ البدء',
  'الحالة',
];
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** A cell of a random kind: text (Arabic, control characters, formula-like, huge), numbers, odd types. */
function cell(r: ReturnType<typeof random>, ref: string, kinds: readonly number[]): string {
  switch (r.pick(kinds)) {
    case 0:
      return `<c r="${ref}" t="inlineStr"><is><t>${esc(r.pick(['مبادرة', '=HYPERLINK("http://x")', '+1', '@x', '١٢٣', '✓', 'نعم', '']))}</t></is></c>`;
    case 1:
      return `<c r="${ref}"><v>${r.pick(['1e400', '-0', 'NaN', '12.5', '99999999999999999999', '45000', '-3'])}</v></c>`;
    case 2:
      return `<c r="${ref}" t="s"><v>${r.int(0, 99999)}</v></c>`; // a shared string that may not exist
    case 3:
      return `<c r="${ref}" t="b"><v>${r.pick(['0', '1', '7', 'x'])}</v></c>`;
    case 4:
      return `<c r="${ref}" t="e"><v>#DIV/0!</v></c>`;
    case 5:
      return `<c r="${ref}" t="str"><f>1/0</f><v>${esc(r.pick(['#N/A', 'abc', '']))}</v></c>`;
    case 6:
      return `<c r="${ref}" t="inlineStr"><is><t>${'ب'.repeat(r.int(1000, 40000))}</t></is></c>`;
    case 7:
      return `<c r="${ref}" t="d"><v>${r.pick(['2025-02-31', 'yesterday', '2025-01-01T00:00:00Z'])}</v></c>`;
    case 8:
      return `<c r="${r.pick(['A0', 'ZZZZ99999999', '', 'A-1'])}"><v>1</v></c>`;
    case 9:
      return `<c r="${ref}" t="inlineStr"><is><r><t>غني </t></r><r><t>بالتنسيق</t></r></is></c>`;
    case 10:
      return `<c r="${ref}" t="inlineStr"><is><t>${esc(String.fromCharCode(r.int(1, 31)))}\u202e\u0000</t></is></c>`;
    default:
      return '';
  }
}

/** Every kind of cell; or, for a well-formed sheet that should reach validation, only the kinds a reader can take. */
export const ALL_KINDS = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];
export const READABLE_KINDS = [0, 1, 3, 4, 5, 6, 9, 11];

export function sheetXml(r: ReturnType<typeof random>, kinds: readonly number[]): string {
  const rows: string[] = [];
  const header = HEADERS.map((h, i) => `<c r="${String.fromCharCode(65 + i)}1" t="inlineStr"><is><t>${h}</t></is></c>`);
  rows.push(`<row r="1">${header.join('')}</row>`);
  for (let n = 2; n < r.int(3, 40); n++) {
    const cells = Array.from({ length: r.int(1, 12) }, (_, c) => cell(r, `${String.fromCharCode(65 + c)}${n}`, kinds));
    const number = kinds === READABLE_KINDS || r.next() < 0.9 ? String(n) : r.pick(['0', '-5', '1048577', 'x']);
    rows.push(`<row r="${number}">${cells.join('')}</row>`);
  }
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows.join('')}</sheetData></worksheet>`;
}

/** Breaks well-formed XML: cut short, bytes flipped, undefined entities, unclosed or stray tags. */
export function breakXml(r: ReturnType<typeof random>, xml: string): string {
  switch (r.int(0, 4)) {
    case 0:
      return xml.slice(0, r.int(10, xml.length - 1));
    case 1: {
      const chars = [...xml];
      for (let k = 0; k < r.int(1, 30); k++)
        chars[r.int(0, chars.length - 1)] = r.pick(['<', '>', '&', '"', '\u0000', 'ÿ']);
      return chars.join('');
    }
    case 2:
      return xml.replace('<sheetData>', '<sheetData>&bogus;<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa">]>');
    case 3:
      return xml.replace(/<\/row>/g, () => (r.next() < 0.5 ? '' : '</row>'));
    default:
      return xml.replace('</worksheet>', '<row><c><v>1</v></c></row>');
  }
}

export function workbook(sheet: string, r: ReturnType<typeof random>): Buffer {
  return minimalWorkbook(sheet, r.pick(['السجل', 'Sheet1', '', '&lt;x&gt;']));
}

/** The suite's 240 workbooks, as the fuzz test makes them from its seed. */
export function* fuzzWorkbooks(r: ReturnType<typeof random>): Generator<Buffer> {
  for (let k = 0; k < 240; k++) {
    const xml = sheetXml(r, k % 4 === 0 ? READABLE_KINDS : ALL_KINDS);
    yield workbook(k % 2 === 0 ? xml : breakXml(r, xml), r);
  }
}
