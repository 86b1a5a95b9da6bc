import { describe, expect, it } from 'vitest';
import {
  achievement,
  checkIndicator,
  currentPeriod,
  indicatorInput,
  nextPeriod,
} from '../../renderer/features/initiatives/indicators';

const draft = (values: { period: string; value: string }[], more = {}) => ({
  name: 'عدد المنشآت',
  unit: 'منشأة',
  baseline: '10',
  target: '٥٠',
  values,
  ...more,
});

describe('renderer/indicators', () => {
  it('computes achievement from baseline to target by the latest actual value', () => {
    const values = [
      { period: '2025-Q4', value: 30 },
      { period: '2025-Q2', value: 20 },
    ];
    expect(achievement({ baseline: 10, target: 50, values })).toBe(50);
    expect(achievement({ baseline: null, target: 40, values })).toBe(75);
    expect(achievement({ baseline: 10, target: 50, values: [] })).toBeNull();
    expect(achievement({ baseline: 10, target: null, values })).toBeNull();
    expect(achievement({ baseline: 10, target: 50, values: [{ period: '2026', value: 5 }] })).toBe(0);
  });

  it('proposes the current and the next reporting period', () => {
    expect(currentPeriod('quarter', new Date(2026, 10, 27))).toBe('2026-Q4');
    expect(currentPeriod('year', new Date(2026, 10, 27))).toBe('2026');
    expect(nextPeriod('2025-Q4', 'quarter')).toBe('2026-Q1');
    expect(nextPeriod('2025-Q2', 'quarter')).toBe('2025-Q3');
    expect(nextPeriod('2025', 'year')).toBe('2026');
  });

  it('checks names, figures in either digit set, periods and repeats', () => {
    expect(checkIndicator(draft([{ period: '٢٠٢٥-q3', value: '٢٥٫٥' }]))).toEqual({});
    expect(indicatorInput(draft([{ period: '٢٠٢٥-q3', value: '٢٥٫٥' }])).values).toEqual([
      { period: '2025-Q3', value: 25.5 },
    ]);
    expect(indicatorInput(draft([])).target).toBe(50);
    const bad = checkIndicator(
      draft(
        [
          { period: '2025-Q5', value: '1' },
          { period: '2025-Q1', value: 'abc' },
          { period: '2025-q1', value: '2' },
        ],
        { name: ' ', baseline: 'x' },
      ),
    );
    expect(bad).toEqual({
      name: 'indicators.noName',
      baseline: 'indicators.badNumber',
      period0: 'indicators.badPeriod',
      value1: 'indicators.badNumber',
      period2: 'indicators.duplicatePeriod',
    });
  });
});
