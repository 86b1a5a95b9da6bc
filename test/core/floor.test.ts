/**
 * The floor (db/core) on its own: the counting rule, the measures and gaps, periods, the
 * initiative's rules and the messages. Plain values in, plain values out: no file, no database.
 */
import { describe, expect, it } from 'vitest';
import type { MatrixRow } from '../../db/core/results';
import { bilingual, fill, text } from '../../db/core/messages';
import {
  addBuckets,
  cellBucket,
  counts,
  countGaps,
  isGap,
  rowBucket,
  scaleMax,
  sumRows,
  valueOf,
} from '../../db/core/measures';
import { periodEnd, periodStart } from '../../db/core/period';
import { FIELD_KINDS, fieldsOfKind, SCALAR_FIELDS } from '../../db/core/register';
import { initiativeProblems, nameProblem } from '../../db/core/rules';

const seven = (...xs: number[]) => [0, 1, 2, 3, 4, 5, 6].map((i) => xs[i] ?? 0);

function row(over: Partial<MatrixRow> = {}): MatrixRow {
  return {
    key: 'c1',
    regionId: 'r1',
    regionNameAr: 'إقليم',
    regionNameEn: '',
    sectorId: null,
    clusterId: 'c1',
    clusterCode: 'CL-1',
    clusterNameAr: 'تجمع',
    clusterNameEn: '',
    selected: true,
    initiatives: seven(),
    budget: seven(),
    spent: seven(),
    progressSum: seven(),
    achievementSum: seven(),
    achievementCount: seven(),
    covered: seven().map(() => false),
    total: { initiatives: 0, budget: 0, spent: 0, progressSum: 0 },
    unclassified: { initiatives: 0, budget: 0, spent: 0, progressSum: 0 },
    ...over,
  };
}

describe('core/measures: the rule of figures', () => {
  it('counts every initiative but a cancelled one, completed ones included', () => {
    expect(['planned', 'active', 'on_hold', 'completed', 'cancelled'].filter((status) => counts({ status }))).toEqual([
      'planned',
      'active',
      'on_hold',
      'completed',
    ]);
  });

  it('adds cells across rows, takes each initiative once in totals, and averages only over counts', () => {
    // One initiative on axes 1 and 2 (budget 100, progress 40) and one on axis 1 (budget 50, progress 80).
    const a = row({
      initiatives: seven(2, 1),
      budget: seven(150, 100),
      spent: seven(30, 10),
      progressSum: seven(120, 40),
      total: { initiatives: 2, budget: 150, spent: 30, progressSum: 120 },
    });
    // A region-wide row: one initiative on axis 2, budget 70.
    const wide = row({
      key: 'region:r1',
      clusterId: null,
      selected: false,
      initiatives: seven(0, 1),
      budget: seven(0, 70),
      progressSum: seven(0, 10),
      total: { initiatives: 1, budget: 70, spent: 0, progressSum: 10 },
    });
    expect(sumRows([a, wide], 1)).toMatchObject({ n: 2, budget: 150 });
    expect(sumRows([a, wide], 2)).toMatchObject({ n: 2, budget: 170 });
    expect(sumRows([a, wide], null)).toMatchObject({ n: 3, budget: 220, spent: 30 });
    expect(valueOf(cellBucket(a, 1), 'progress')).toBe(60);
    expect(valueOf(cellBucket(a, 3), 'progress')).toBeNull();
    expect(valueOf(rowBucket(wide), 'count')).toBe(1);
    expect(scaleMax([a, wide], 'budget')).toBe(150);
    expect(scaleMax([a], 'progress')).toBe(100);
    expect(addBuckets([])).toEqual({
      n: 0,
      budget: 0,
      spent: 0,
      progressSum: 0,
      achievementSum: 0,
      achievementCount: 0,
    });
  });

  it('marks a gap only where a selected cluster has nothing live on the axis, never on a region-wide row', () => {
    const covered = [true, false, true, true, true, true, false];
    expect(isGap(row({ covered }), 2)).toBe(true);
    expect(isGap(row({ covered }), 1)).toBe(false);
    expect(isGap(row({ covered, selected: false }), 2)).toBe(false);
    expect(countGaps([row({ covered }), row({ covered, selected: false, clusterId: null })])).toBe(2);
  });
});

describe('core/period', () => {
  it('bounds years and quarters, leap years included', () => {
    expect([periodStart('2024'), periodEnd('2024')]).toEqual(['2024-01-01', '2024-12-31']);
    expect([periodStart('2024-Q1'), periodEnd('2024-Q1')]).toEqual(['2024-01-01', '2024-03-31']);
    expect([periodStart('2025-Q3'), periodEnd('2025-Q3')]).toEqual(['2025-07-01', '2025-09-30']);
    expect(periodEnd('2024-Q4')).toBe('2024-12-31');
  });
});

describe('core/rules: one rule set for every way in', () => {
  const good = {
    title: 'تدريب',
    regionId: 'r1',
    clusterId: null,
    axes: [1, 3],
    primaryAxis: 3,
    startDate: '2025-01-01',
    endDate: '2025-06-30',
    progress: 40,
    plannedBudget: 100,
  };
  it('finds nothing in a sound record, and each broken rule on its field with both languages', () => {
    expect(initiativeProblems(good)).toEqual([]);
    const broken = initiativeProblems({
      ...good,
      title: '  ',
      regionId: '',
      primaryAxis: 5,
      endDate: '2024-12-31',
      progress: 101,
      partners: 'x'.repeat(5000),
      code: 'A B',
    });
    expect(broken.map((p) => [p.field, p.key])).toEqual([
      ['title', 'rules.noTitle'],
      ['clusterId', 'rules.noPlace'],
      ['primaryAxis', 'rules.primaryNotOnAxes'],
      ['endDate', 'rules.endBeforeStart'],
      ['progress', 'rules.progressRange'],
      ['code', 'rules.codeNoSpaces'],
      ['partners', 'rules.textTooLong'],
    ]);
    const long = broken.find((p) => p.field === 'partners')!;
    expect(long.message.en).toMatch(/limit \(\d+ characters; it has 5000\)/);
    expect(long.message.ar).toContain('5000');
    // No axis is allowed (not yet classified, a finding), without a primary axis.
    expect(initiativeProblems({ ...good, axes: [], primaryAxis: null })).toEqual([]);
    expect(initiativeProblems({ ...good, axes: [], primaryAxis: 2 }).map((p) => p.key)).toEqual([
      'rules.primaryNotOnAxes',
    ]);
    expect(initiativeProblems({ ...good, plannedBudget: 1e18 }).map((p) => p.key)).toEqual(['rules.amountTooLarge']);
    // No code yet is not a problem: the program gives one when it writes.
    expect(initiativeProblems({ ...good, code: '' })).toEqual([]);
    // A record without a place (the importer's, holding references) is not asked for one.
    const { regionId: _r, clusterId: _c, ...placeless } = good;
    expect(initiativeProblems(placeless)).toEqual([]);
    expect(nameProblem('ت'.repeat(1000))?.en).toMatch(/longer than the limit/);
    expect(nameProblem('تجمع الفخار')).toBeNull();
  });

  it('names every register field with a kind, and lists each kind in register order', () => {
    expect(Object.keys(FIELD_KINDS).sort()).toEqual([...SCALAR_FIELDS].sort());
    expect(fieldsOfKind('money')).toEqual(['plannedBudget', 'spent']);
    expect(fieldsOfKind('date')).toEqual(['startDate', 'endDate']);
    expect(fieldsOfKind('place')).toEqual(['region', 'cluster', 'sector']);
  });
});

describe('core/messages', () => {
  it('fills placeholders and gives a message in both languages by its key', () => {
    expect(fill('{{a}} of {{b}}', { a: 1, b: 'x' })).toBe('1 of x');
    expect(text('en', 'cells.duplicateCode', { row: 7 })).toBe('Duplicate code; it first appears in row 7.');
    expect(bilingual('rules.endBeforeStart')).toEqual({
      ar: 'تاريخ الانتهاء يسبق تاريخ البدء.',
      en: 'The end date is before the start date.',
    });
  });
});
