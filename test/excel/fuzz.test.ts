/**
 * Issue 6: the importer meets a few hundred malformed workbooks (random cells of every type,
 * broken XML, odd cell types and references) without crashing, hanging past its time limit or
 * changing the portfolio. Generated from a fixed seed, so a failure can be replayed.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Db } from '../../db/connection';
import { loadDemo } from '../../db/demo';
import { AppError } from '../../db/core/errors';
import { streamImport } from '../../electron/excel/import/stream';
import { useTestDb } from '../helpers/db';
import { random } from '../helpers/random';
import { useTempDir } from '../helpers/tmp';
import { minimalWorkbook } from '../helpers/zips';

// The bundled worker the app ships, when built (npm test builds first): it starts in a fraction
// of the time the TypeScript source takes under the test runner's loader.
const BUNDLED = resolve(__dirname, '../../out/main/excel-worker.js');
if (existsSync(BUNDLED)) process.env.TAJAMMU_EXCEL_WORKER ??= BUNDLED;

const newDb = useTestDb();
const tempDir = useTempDir();

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
const ALL_KINDS = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];
const READABLE_KINDS = [0, 1, 3, 4, 5, 6, 9, 11];

function sheetXml(r: ReturnType<typeof random>, kinds: readonly number[]): string {
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
function breakXml(r: ReturnType<typeof random>, xml: string): string {
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

function workbook(sheet: string, r: ReturnType<typeof random>): Buffer {
  return minimalWorkbook(sheet, r.pick(['السجل', 'Sheet1', '', '&lt;x&gt;']));
}

const fingerprint = (db: Db) =>
  db
    .prepare(
      `SELECT (SELECT count(*) FROM initiatives) AS i, (SELECT count(*) FROM regions) AS r,
              (SELECT count(*) FROM clusters) AS c, (SELECT count(*) FROM audit_log) AS a`,
    )
    .get();

describe('import/fuzz', () => {
  it('takes 240 malformed workbooks without a crash, a hang or a change to the portfolio', async () => {
    const db = newDb();
    loadDemo(db, { source: 'cli' });
    let before = fingerprint(db);
    let imported = 0;
    const dir = tempDir();
    const r = random(2026);
    let refused = 0;
    const reasons = new Map<string, number>();
    let slowest = 0;
    let peak = 0;
    for (let k = 0; k < 240; k++) {
      const xml = sheetXml(r, k % 4 === 0 ? READABLE_KINDS : ALL_KINDS);
      const file = join(dir, `fuzz-${k}.xlsx`);
      writeFileSync(file, workbook(k % 2 === 0 ? xml : breakXml(r, xml), r));
      const t0 = performance.now();
      try {
        const { result, plan } = await streamImport(db, file, {
          skipInvalid: false,
          fileName: 'fuzz.xlsx',
          timeoutMs: 10_000,
        });
        // Garbage rows are invalid, so nothing may be written; a row that happens to be valid is
        // written only with every other row of its file valid too.
        if (result === null) expect(plan.errors.length).toBeGreaterThan(0);
        else {
          expect(plan.errors).toEqual([]);
          // A file whose every row is valid (or that has none) is a real import: the new
          // baseline. An empty one is recorded as a batch and changes nothing else.
          if (result.created + result.updated > 0) imported += 1;
          before = fingerprint(db);
        }
      } catch (e) {
        // Refusals are the program's own bilingual errors, never a crash of some library.
        expect(e, `workbook ${k}`).toBeInstanceOf(AppError);
        reasons.set(
          (e as AppError).bilingual.en.slice(0, 60),
          (reasons.get((e as AppError).bilingual.en.slice(0, 60)) ?? 0) + 1,
        );
        refused += 1;
        slowest = Math.max(slowest, performance.now() - t0);
      }
      peak = Math.max(peak, process.memoryUsage().rss);
      if (k % 20 === 19 || k === 239) expect(fingerprint(db), `after workbook ${k}`).toEqual(before);
    }
    console.info(
      `fuzz: 240 workbooks, ${refused} refused, ${imported} imported whole, slowest refusal ${slowest.toFixed(0)} ms, peak RSS ${(peak / 2 ** 20).toFixed(0)} MB`,
    );
    console.info([...reasons].map(([m, n]) => `${n} × ${m}`).join('\n'));
    expect(refused).toBeGreaterThan(40);
    expect(refused).toBeLessThan(240);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
  }, 600_000);
});
