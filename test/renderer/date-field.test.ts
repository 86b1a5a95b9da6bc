/** Dates typed as an office writes them: day/month/year, either digit set, whatever the system's format. */
import { describe, expect, it } from 'vitest';
import { dayMonthYear, parseDayMonthYear } from '../../renderer/components/DateField';

describe('the date field', () => {
  it('reads day/month/year in either digit set, and year-month-day', () => {
    expect(parseDayMonthYear('15/01/2026')).toBe('2026-01-15');
    expect(parseDayMonthYear('5-1-2026')).toBe('2026-01-05');
    expect(parseDayMonthYear('١٥/٠١/٢٠٢٦')).toBe('2026-01-15');
    expect(parseDayMonthYear('2026-03-01')).toBe('2026-03-01');
    expect(parseDayMonthYear('  ')).toBeNull();
  });

  it('refuses what is no date (31 February, a month 13, a two-digit year) and shows ISO as the office writes it', () => {
    for (const bad of ['31/02/2026', '01/13/2026', '15/01/26', 'أمس']) expect(parseDayMonthYear(bad)).toBeUndefined();
    expect(dayMonthYear('2026-01-15')).toBe('15/01/2026');
    expect(dayMonthYear(null)).toBe('');
  });
});
