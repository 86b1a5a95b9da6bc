import { describe, expect, it } from 'vitest';
import {
  parseAxisList,
  parseCheck,
  parseDate,
  parseMarketing,
  parseNumber,
  parseStatus,
  serialToIso,
} from '../../electron/excel/import/values';

describe('import/values', () => {
  it('reads check marks of every kind', () => {
    for (const yes of ['✓', '✔', '√', 'x', 'X', 'نعم', '1', 'yes', 'YES', 'true', 'صح', 1, true]) {
      expect(parseCheck(yes), String(yes)).toBe(true);
    }
    for (const no of [null, '', 'لا', '0', 'no', 'false', '-', 0, false])
      expect(parseCheck(no), String(no)).toBe(false);
    expect(parseCheck('ربما')).toBeNull();
    expect(parseCheck(2)).toBeNull();
  });

  it('reads numbers typed as text in either digit set with any separators', () => {
    expect(parseNumber(1500.5)).toBe(1500.5);
    expect(parseNumber('1,250,000')).toBe(1_250_000);
    expect(parseNumber('١٬٢٥٠٬٠٠٠')).toBe(1_250_000);
    expect(parseNumber('١٢٥٠٠٠٫٧٥')).toBe(125_000.75);
    expect(parseNumber('1 250 000')).toBe(1_250_000);
    expect(parseNumber('۱۲۳')).toBe(123);
    expect(parseNumber('250000 جنيه')).toBe(250_000);
    expect(parseNumber('45%')).toBe(45);
    expect(parseNumber('غير محدد')).toBeNull();
    expect(parseNumber('1.2.3')).toBeNull();
  });

  it('reads dates from date cells, serials in both systems, and text in either digit set', () => {
    expect(parseDate(new Date(Date.UTC(2025, 2, 1)))).toEqual({ ok: true, value: '2025-03-01' });
    expect(parseDate(45717)).toEqual({ ok: true, value: '2025-03-01' });
    expect(serialToIso(45717 - 1462, true)).toBe('2025-03-01');
    expect(parseDate('2025/03/01')).toEqual({ ok: true, value: '2025-03-01' });
    expect(parseDate('2025-3-1')).toEqual({ ok: true, value: '2025-03-01' });
    expect(parseDate('01/03/2025')).toEqual({ ok: true, value: '2025-03-01' });
    expect(parseDate('٠١/٠٣/٢٠٢٥')).toEqual({ ok: true, value: '2025-03-01' });
    expect(parseDate('٢٠٢٥/٠٣/٠١')).toEqual({ ok: true, value: '2025-03-01' });
    expect(parseDate(null)).toEqual({ ok: true, value: null });
    expect(parseDate('31/02/2025')).toEqual({ ok: false });
    expect(parseDate('2025-02-30')).toEqual({ ok: false });
    expect(parseDate('next spring')).toEqual({ ok: false });
  });

  it('reads statuses in Arabic and English', () => {
    expect(parseStatus('مخططة')).toBe('planned');
    expect(parseStatus('جارية')).toBe('active');
    expect(parseStatus('قيد التنفيذ')).toBe('active');
    expect(parseStatus('متوقفة')).toBe('on_hold');
    expect(parseStatus('منتهية')).toBe('completed');
    expect(parseStatus('مكتملة')).toBe('completed');
    expect(parseStatus('ملغاة')).toBe('cancelled');
    expect(parseStatus('On hold')).toBe('on_hold');
    expect(parseStatus('Completed')).toBe('completed');
    expect(parseStatus('قريبا')).toBeNull();
  });

  it('reads who holds marketing and sales', () => {
    expect(parseMarketing('المشروعات نفسها')).toEqual({ holder: 'enterprises', body: '' });
    expect(parseMarketing('The enterprises themselves')).toEqual({ holder: 'enterprises', body: '' });
    expect(parseMarketing('جهة تسويق متخصصة')).toEqual({ holder: 'specialised', body: '' });
    expect(parseMarketing('الشركة المصرية لتسويق الحرف')).toEqual({
      holder: 'specialised',
      body: 'الشركة المصرية لتسويق الحرف',
    });
    expect(parseMarketing('غرفة الصناعات الحرفية')).toEqual({ holder: 'other', body: 'غرفة الصناعات الحرفية' });
    expect(parseMarketing('جهة أخرى محددة')).toEqual({ holder: 'other', body: '' });
    expect(parseMarketing(null)).toBeNull();
  });

  it('reads an axis list column', () => {
    expect(parseAxisList('1, 3')).toEqual([1, 3]);
    expect(parseAxisList('١، ٣')).toEqual([1, 3]);
    expect(parseAxisList('3 و 1')).toEqual([1, 3]);
    expect(parseAxisList(5)).toEqual([5]);
    expect(parseAxisList('1, 9')).toBeNull();
    expect(parseAxisList(null)).toEqual([]);
  });
});
