import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { normalizeArabic } from '../../db/core/normalize';
import { fieldLabel, fieldText, makeFormatter, parseMoney } from '../../db/core/format';
import { bilingual, bilingualIsolated, MESSAGES, text } from '../../db/core/messages';

const { ar, en } = MESSAGES;

describe('db/core/format', () => {
  const base = { currencyCode: 'EGP', currencyDigits: 2 };
  it('sets a code and an amount apart in an Arabic sentence, so they read in their order; English and headings as they are', () => {
    const m = bilingualIsolated('findings.overBudget', {
      code: 'INI-0018',
      spent: '1,612,287.29',
      budget: '1,500,000',
      share: '',
    });
    expect(m.ar).toContain('\u2068INI-0018\u2069');
    expect(m.ar).toContain('\u20681,612,287.29\u2069');
    expect(m.en).not.toMatch(/[\u2066-\u2069]/);
    // Arabic values, and the words of a heading a workbook's reader matches, are left alone.
    expect(bilingual('errors.noOffice', { code: 'قنا' }).ar).not.toMatch(/[\u2066-\u2069]/);
    expect(text('ar', 'register.plannedBudget', { currency: 'EGP' })).toBe('الميزانية المخططة (EGP)');
  });

  it('uses the digit set of the setting, not the locale default', () => {
    expect(makeFormatter('ar', { ...base, digits: 'latn' }).number(1234567)).toBe('1,234,567');
    expect(makeFormatter('ar', { ...base, digits: 'arab' }).number(1234567)).toBe('١٬٢٣٤٬٥٦٧');
  });

  it('shows money stored in minor units in major units', () => {
    expect(makeFormatter('en', { ...base, digits: 'latn' }).money(250_000_00)).toMatch(/EGP\s?250,000/);
    expect(makeFormatter('ar', { ...base, digits: 'latn' }).money(250_000_00)).toContain('250,000');
  });

  it('formats dates in the Gregorian calendar even in Arabic', () => {
    const d = makeFormatter('ar', { ...base, digits: 'latn' }).date('2026-03-01');
    expect(d).toContain('2026');
    expect(d).toContain('مارس');
    expect(makeFormatter('en', { ...base, digits: 'latn' }).month(7)).toBe('July');
  });

  it('parses typed amounts in either digit set into minor units', () => {
    expect(parseMoney('250,000', 2)).toBe(250_000_00);
    expect(parseMoney('١٢٬٥٠٠٫٧٥', 2)).toBe(12_500_75);
    expect(parseMoney('', 2)).toBe(0);
    expect(parseMoney('abc', 2)).toBeNull();
    expect(parseMoney('1.5', 0)).toBe(2);
  });
});

describe('renderer/i18n', () => {
  it('has the same keys in Arabic and English', () => {
    const keys = (o: object, p = ''): string[] =>
      Object.entries(o).flatMap(([k, v]) => (typeof v === 'object' ? keys(v as object, `${p}${k}.`) : [`${p}${k}`]));
    const strip = (k: string) => k.replace(/_(zero|one|two|few|many|other)$/, '');
    expect([...new Set(keys(ar).map(strip))].sort()).toEqual([...new Set(keys(en).map(strip))].sort());
  });

  it('uses the Arabic plural forms for 0, 1, 2, 3, 11 and 100', async () => {
    const i18n = i18next.createInstance();
    await i18n.init({ lng: 'ar', resources: { ar: { translation: ar } } });
    const say = (count: number) => i18n.t('counts.initiatives', { count, formatted: String(count) });
    expect([0, 1, 2, 3, 11, 100].map(say)).toEqual([
      'لا توجد مبادرات',
      'مبادرة واحدة',
      'مبادرتان',
      '3 مبادرات',
      '11 مبادرة',
      '100 مبادرة',
    ]);
  });
});

describe('db/normalize', () => {
  it('folds hamza forms, ta marbuta, alef maqsura, tatweel and diacritics', () => {
    expect(normalizeArabic('إنشاء قاعدة')).toBe(normalizeArabic('انشاء قاعده'));
    expect(normalizeArabic('مُبَادَرَة')).toBe(normalizeArabic('مبادره'));
    expect(normalizeArabic('مستوى')).toBe(normalizeArabic('مستوي'));
    expect(normalizeArabic('التـــدريب')).toBe('التدريب');
    expect(normalizeArabic('مسؤولية')).toBe(normalizeArabic('مسءولية'));
    expect(normalizeArabic('  Axis   One ')).toBe('axis one');
  });

  it('treats a hamza written as a mark after its letter like the composed letter', () => {
    // ا + U+0655 (hamza below) is إ; و + U+0654 (hamza above) is ؤ.
    expect(normalizeArabic('\u0627\u0655نشاء')).toBe(normalizeArabic('إنشاء'));
    expect(normalizeArabic('مس\u0648\u0654ولية')).toBe(normalizeArabic('مسؤولية'));
    expect(normalizeArabic('آثار')).toBe(normalizeArabic('\u0627\u0653ثار'));
  });
});

describe('fieldText: a field value as the changes screen and sheet show it', () => {
  const ar = makeFormatter('ar', { digits: 'latn', currencyCode: 'EGP', currencyDigits: 2 });
  const en = makeFormatter('en', { digits: 'latn', currencyCode: 'EGP', currencyDigits: 2 });
  it('says money with its currency, and piastres only where there are any', () => {
    expect(fieldText('plannedBudget', 100_000, en, 'en')).toBe('EGP\u00a01,000');
    expect(fieldText('plannedBudget', 100_049, en, 'en')).toBe('EGP\u00a01,000.49');
    expect(fieldText('spent', 100_049, ar, 'ar')).toContain('1,000.49');
  });
  it('names statuses, lists axes, and takes a place by its name in the language, Arabic when no English', () => {
    expect(fieldText('status', 'on_hold', ar, 'ar')).toBe('متوقفة');
    expect(fieldText('status', 'on_hold', en, 'en')).toBe('On hold');
    expect(fieldText('status', 'someday', en, 'en')).toBe('someday');
    expect(fieldText('axes', [1, 3], ar, 'ar')).toBe('1، 3');
    expect(fieldText('axes', [], ar, 'ar')).toBe('—');
    expect(fieldText('region', { ar: 'إقليم الدلتا', en: '' }, en, 'en')).toBe('إقليم الدلتا');
    expect(fieldText('region', { ar: 'إقليم الدلتا', en: 'Delta' }, en, 'en')).toBe('Delta');
    expect(fieldText('title', null, en, 'en')).toBe('—');
    expect(fieldText('progress', 40, en, 'en')).toBe('40%');
  });
  it('labels a field as the register does, without its currency', () => {
    expect(fieldLabel('plannedBudget', 'ar')).toBe('الميزانية المخططة');
    expect(fieldLabel('title', 'en')).toBe('Initiative title');
  });
});
