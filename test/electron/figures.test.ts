/**
 * One rule of figures: the matrix (rows, subtotals, totals), the planning panel's before, the
 * dashboard's input, the report's cover, summary by axis and matrix sheet, and `matrix --json`
 * give the same numbers, on the demo and on a portfolio with cancelled and region-wide initiatives.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AXIS_IDS } from '../../db/core/axes';
import type { Db } from '../../db/connection';
import { loadDemo } from '../../db/demo';
import { sumRows } from '../../db/core/measures';
import { createCluster } from '../../db/repos/clusters';
import { createInitiative, listInitiatives } from '../../db/repos/initiatives';
import { createRegion } from '../../db/repos/regions';
import { dispatch } from '../../electron/api/dispatch';
import type { OperationName, OutputOf } from '../../db/core/contract';
import { runCli } from '../../electron/cli';
import { writeReport } from '../../electron/excel/report';
import { useTestDb } from '../helpers/db';
import { useTempDir } from '../helpers/tmp';
import { readWorkbookInMemory } from '../helpers/workbooks';
import type { MatrixRow } from '../../db/core/results';

const newDb = useTestDb();
const tempDir = useTempDir();
const ui = { source: 'ui' } as const;

async function api<N extends OperationName>(db: Db, name: N, input?: unknown): Promise<OutputOf<N>> {
  const r = await dispatch({ db, source: 'ui' }, name, input);
  if (!r.ok) throw new Error(r.error.message.en);
  return r.value as OutputOf<N>;
}

async function matrixJson(file: string) {
  let out = '';
  const code = await runCli(['matrix', '--db', file, '--json'], { out: (t) => (out += t), err: () => {} });
  expect(code).toBe(0);
  return JSON.parse(out) as {
    rows: { region: string; cluster: string | null; initiatives: number[]; budget: number[] }[];
    totals: { initiatives: number[]; budget: number[] };
  };
}

/** Every sheet's rows as plain values, by sheet name. */
async function reportValues(db: Db, lang: 'ar' | 'en') {
  const file = join(tempDir(), `report-${lang}.xlsx`);
  await writeReport(db, file, { lang });
  const wb = await readWorkbookInMemory(file);
  const rows = (name: string) => {
    const out: unknown[][] = [];
    wb.getWorksheet(name)!.eachRow((row) => out.push((row.values as unknown[]).slice(1)));
    return out;
  };
  return { rows };
}

/** The same figures from every way out; `major` turns the currency's minor unit into the sheets' unit. */
async function expectAgreement(db: Db, file: string) {
  const rows = await api(db, 'matrix.get');
  const office = sumRows(rows, null);
  const byAxis = AXIS_IDS.map((a) => sumRows(rows, a));
  // The register, the slow and obvious way: every initiative but the cancelled ones.
  const counted = listInitiatives(db).filter((i) => i.status !== 'cancelled');
  expect(office.n).toBe(counted.length);
  expect(office.budget).toBe(counted.reduce((s, i) => s + i.plannedBudget, 0));
  expect(byAxis.map((b) => b.n)).toEqual(AXIS_IDS.map((a) => counted.filter((i) => i.axes.includes(a)).length));
  expect(byAxis.map((b) => b.budget)).toEqual(
    AXIS_IDS.map((a) => counted.filter((i) => i.axes.includes(a)).reduce((s, i) => s + i.plannedBudget, 0)),
  );

  // The planning panel's "before" is the matrix of the same view.
  const preview = await api(db, 'planning.preview', { measure: 'budget' });
  const budgetOf = (m: MatrixRow[]) => AXIS_IDS.map((a) => sumRows(m, a).budget);
  expect(budgetOf(preview.before.matrix)).toEqual(byAxis.map((b) => b.budget));
  expect(budgetOf(preview.after.matrix)).toEqual(byAxis.map((b) => b.budget));

  // The CLI: totals are the column sums of its rows and equal the matrix's.
  const { currencyDigits } = await api(db, 'settings.get');
  const major = (minor: number) => minor / 10 ** currencyDigits;
  const json = await matrixJson(file);
  expect(json.totals.initiatives).toEqual(byAxis.map((b) => b.n));
  // Whole units, as the contract says: each column's exact total rounded once, and its rows add up to it.
  expect(json.totals.budget).toEqual(byAxis.map((b) => Math.round(major(b.budget))));
  for (const key of ['initiatives', 'budget'] as const)
    expect(json.totals[key]).toEqual(AXIS_IDS.map((a) => json.rows.reduce((s, r) => s + r[key][a - 1]!, 0)));

  // The English report: summary by axis shows exactly the CLI's totals; cover and matrix sheet agree.
  const en = await reportValues(db, 'en');
  const summary = en.rows('Summary by axis');
  expect(summary[0]!.slice(0, 4)).toEqual([
    'Axis no.',
    'Development axis',
    'Initiatives',
    expect.stringMatching(/^Planned budget \(/),
  ]);
  for (const a of AXIS_IDS) {
    const row = summary.find((r) => r[0] === a)!;
    expect(row[2]).toBe(json.totals.initiatives[a - 1]);
    // The sheet keeps the currency's minor unit; the CLI's whole units are the same amount rounded.
    expect(row[3]).toBe(major(byAxis[a - 1]!.budget));
    expect(Math.round(row[3] as number)).toBe(json.totals.budget[a - 1]);
  }
  const total = summary.at(-1)!;
  expect(total.slice(1, 4)).toEqual(['Total (distinct initiatives)', office.n, major(office.budget)]);
  // The cover's headline figures: a label over two columns, the figure in the third.
  const cover = new Map(en.rows('Cover').map((r) => [String(r[0]).replace(/ \(.*\)$/, ''), r[2]]));
  expect(cover.get('Initiatives')).toBe(office.n);
  expect(cover.get('Planned budget')).toBe(major(office.budget));
  expect(cover.get('Spent')).toBe(major(office.spent));
  expect(
    en
      .rows('Cover')
      .some((r) => String(r[0]).startsWith('Rule of figures') && String(r[0]).includes('except cancelled')),
  ).toBe(true);
  const matrixSheet = en.rows('Matrix');
  const totalRow = matrixSheet.find((r) => r[0] === 'Total')!;
  expect(totalRow.slice(3, 10)).toEqual(byAxis.map((b) => b.n));
  expect(totalRow[10]).toBe(office.n);
  // Each region's subtotal is the sum of its rows, and the subtotals add up to the total.
  const subtotals = matrixSheet.filter((r) => / subtotal$/.test(String(r[0])));
  expect(subtotals.length).toBe(
    new Set(rows.map((r) => r.regionId)).size > 1 ? new Set(rows.map((r) => r.regionId)).size : 0,
  );
  if (subtotals.length) expect(subtotals.reduce((sum, r) => sum + (r[10] as number), 0)).toBe(office.n);
  expect(matrixSheet.filter((r) => r[1] === 'Region-wide')).toHaveLength(rows.filter((r) => !r.clusterId).length);
  return { byAxis, office };
}

describe('one rule of figures', () => {
  it('on the demo: matrix, planning, dashboard input, report and CLI agree (axis 1 budget 104,150,000)', async () => {
    const db = newDb();
    loadDemo(db, ui);
    const { byAxis } = await expectAgreement(db, db.name);
    const { currencyDigits } = await api(db, 'settings.get');
    // The demo's axis 1: 108.8 M with cancelled initiatives, 93.45 M without the region-wide ones.
    expect(byAxis[0]!.budget / 10 ** currencyDigits).toBe(104_150_000);
  }, 60_000);

  it('with cancelled and region-wide initiatives, including a region with no cluster at all', async () => {
    const db = newDb();
    const north = createRegion(db, ui, { nameAr: 'إقليم الشمال' });
    const south = createRegion(db, ui, { nameAr: 'إقليم الجنوب' });
    const cluster = createCluster(db, ui, { regionId: north.id, nameAr: 'تجمع الفخار', selected: true });
    const add = (x: Partial<Parameters<typeof createInitiative>[2]>) =>
      createInitiative(db, ui, { title: 'مبادرة', axes: [1], plannedBudget: 100_000, spent: 10_000, ...x });
    add({ clusterId: cluster.id, axes: [1, 2], plannedBudget: 500_000 });
    add({ clusterId: cluster.id, status: 'cancelled', plannedBudget: 9_900_000 });
    add({ clusterId: cluster.id, status: 'completed', axes: [3] });
    add({ regionId: north.id, axes: [2, 7], plannedBudget: 250_000 });
    add({ regionId: south.id, axes: [4] });
    // Amounts with fractions, one in each row: 1.50 three times is 4.50 on the sheets and 5 in
    // whole units, never 6 (each row rounded alone).
    for (const place of [{ clusterId: cluster.id }, { regionId: north.id }, { regionId: south.id }])
      add({ ...place, title: 'دراسة', axes: [6], plannedBudget: 150 });
    add({ regionId: south.id, status: 'cancelled', axes: [4], plannedBudget: 7_000_000 });
    const rows = await api(db, 'matrix.get');
    // The south has no cluster, and still shows: one region-wide row.
    expect(rows.map((r) => [r.regionNameAr, r.clusterNameAr || null])).toEqual([
      ['إقليم الجنوب', null],
      ['إقليم الشمال', 'تجمع الفخار'],
      ['إقليم الشمال', null],
    ]);
    // A region-wide row is never a gap, whatever it lacks.
    expect(rows.filter((r) => !r.clusterId).every((r) => !r.selected)).toBe(true);
    const { office } = await expectAgreement(db, db.name);
    expect(office.n).toBe(7);
  }, 60_000);
});
