/**
 * The report's register in its two forms: one to print (the columns a reader needs, by region
 * with subtotals, titles wrapped, every cell bordered, at a readable scale on A4 landscape) and
 * one as data (every field, imports back unchanged, printed at full size rather than shrunk);
 * and the indicators, printable, with the values of the report's period.
 */
import type * as ExcelJS from 'exceljs';
import { type Bucket, counts, valueOf } from '../../db/core/measures';
import type { Indicator, Initiative } from '../../db/core/model';
import { periodRange, periodWithin } from '../../db/core/period';
import { FIELD_KINDS, type Field, type ScalarField } from '../../db/core/register';
import type { RegionGroup } from '../../db/core/results';
import { enumLabel, fill, type Lang, MESSAGES, REGISTER_FIELDS, registerHeader } from './labels';
import { addSheet, BORDER, mergeWritten, type Cell, FONT_SIZE, linesIn, writeTable } from './sheet';
import type { CoverContext } from './report-cover';

const BAND: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE3EFEE' } };
const TOTAL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFCFE3E1' } };

export interface Places {
  regions: Map<string, { nameAr: string; nameEn: string }>;
  clusters: Map<string, { nameAr: string; nameEn: string; sectorId: string | null }>;
  sectors: Map<string, { nameAr: string; nameEn: string }>;
}

/** Widths (Excel units) of the print register's columns: about 140 in all, A4 landscape at ~100 %. */
const PRINT_WIDTHS = [12, 46, 24, 11, 13, 15, 15, 9];

export function writePrintRegister(c: CoverContext, groups: RegionGroup[], places: Places): void {
  const { lang, font } = c;
  const m = MESSAGES[lang].report;
  const rtl = lang === 'ar';
  const currency = c.data.settings.currencyCode;
  const sheet = addSheet(c.wb, { name: m.sheets.registerPrint, rtl, footer: m.footer });
  const local = (p: { nameAr: string; nameEn: string } | undefined) =>
    p ? (!rtl && p.nameEn ? p.nameEn : p.nameAr) : '';
  const comma = rtl ? '، ' : ', ';
  const columns = [
    { header: registerHeader('code', lang) },
    { header: registerHeader('title', lang) },
    { header: registerHeader('cluster', lang) },
    { header: m.axes, center: true },
    { header: registerHeader('status', lang) },
    { header: fill(MESSAGES[lang].register.plannedBudget, { currency }), numFmt: c.moneyFmt },
    { header: fill(MESSAGES[lang].register.spent, { currency }), numFmt: c.moneyFmt },
    { header: m.progressShort, numFmt: '0%' },
  ].map((col, i) => ({ ...col, width: PRINT_WIDTHS[i] }));
  const rows: Cell[][] = [];
  const kinds = new Map<Cell[], 'band' | 'total' | 'cancelled'>();
  const heights = new Map<Cell[], number>();
  const totalRow = (label: string, b: Bucket): Cell[] => {
    const progress = valueOf(b, 'progress');
    return [
      label,
      null,
      null,
      null,
      null,
      c.major(b.budget),
      c.major(b.spent),
      progress === null ? null : progress / 100,
    ];
  };
  for (const g of groups) {
    const band: Cell[] = [local({ nameAr: g.nameAr, nameEn: g.nameEn }), null, null, null, null, null, null, null];
    kinds.set(band, 'band');
    rows.push(band);
    for (const i of g.initiatives) {
      const cluster = i.clusterId ? local(places.clusters.get(i.clusterId)) : MESSAGES[lang].matrix.regionWideRow;
      const row: Cell[] = [
        i.code,
        i.title,
        cluster,
        i.axes.length ? i.axes.join(comma) : '—',
        enumLabel(lang, 'status', i.status),
        c.major(i.plannedBudget),
        c.major(i.spent),
        i.progress / 100,
      ];
      if (!counts(i)) kinds.set(row, 'cancelled');
      const lines = Math.max(linesIn(i.title, PRINT_WIDTHS[1]! - 1), linesIn(cluster, PRINT_WIDTHS[2]! - 1));
      heights.set(row, lines * 13 + 4);
      rows.push(row);
    }
    const subtotal = totalRow(fill(m.regionTotal, { region: band[0] as string, count: g.subtotal.n }), g.subtotal);
    kinds.set(subtotal, 'total');
    rows.push(subtotal);
  }
  const grand = totalRow(fill(m.officeTotal, { count: c.data.office.n }), c.data.office);
  kinds.set(grand, 'total');
  rows.push(groups.length ? grand : [m.noInitiatives, null, null, null, null, null, null, null]);
  // One style per column and kind of row, shared by the cells that look alike: a register of
  // thousands of rows writes a few dozen styles, not one per cell.
  const looks = new Map<string, Partial<ExcelJS.Style>>();
  const look = (col: number, kind: string | undefined): Partial<ExcelJS.Style> => {
    const key = `${col}|${kind ?? ''}`;
    let style = looks.get(key);
    if (!style) {
      const column = columns[col]!;
      const text = col === 1 || col === 2;
      style = {
        border: BORDER,
        ...(column.numFmt ? { numFmt: column.numFmt } : {}),
        font: {
          name: font,
          size: FONT_SIZE,
          bold: kind === 'band' || kind === 'total',
          italic: kind === 'cancelled',
          ...(kind === 'cancelled' ? { color: { argb: 'FF6B7675' } } : {}),
        },
        ...(kind === 'band' ? { fill: BAND } : kind === 'total' ? { fill: TOTAL } : {}),
        alignment: {
          vertical: 'top',
          wrapText: text,
          horizontal: text || col === 0 ? (rtl ? 'right' : 'left') : column.numFmt ? 'right' : 'center',
        },
      };
      looks.set(key, style);
    }
    return style;
  };
  writeTable(sheet, columns, rows, {
    bordered: true,
    font,
    cellStyle: (row, col) => look(col, kinds.get(row)),
    rowHeight: (row) => heights.get(row),
  });

  // Band and total rows span the text columns, so a long region name is never cut.
  let at = 1; // the header row
  for (const row of rows) {
    at += 1;
    const kind = kinds.get(row);
    if (kind === 'band') mergeWritten(sheet, at, 1, at, 8);
    if (kind === 'total') mergeWritten(sheet, at, 1, at, 5);
  }
  sheet.commit();
}

/** The register as data: every field, Arabic names (the keys an import matches on), full size. */
export function writeDataRegister(
  c: CoverContext,
  initiatives: Initiative[],
  places: Places,
  progress: (n: number) => void,
): number {
  const { lang } = c;
  const m = MESSAGES[lang].report;
  const currency = c.data.settings.currencyCode;
  const sheet = addSheet(c.wb, { name: m.sheets.register, rtl: lang === 'ar', footer: m.footer, fit: 'none' });
  const rows = initiatives.map((i) => registerRow(i, lang, places, c.major));
  const count = writeTable(
    sheet,
    REGISTER_FIELDS.map((f) => ({
      header: registerHeader(f, lang, currency),
      numFmt:
        f === 'plannedBudget' || f === 'spent'
          ? c.moneyFmt
          : f === 'startDate' || f === 'endDate'
            ? 'yyyy-mm-dd'
            : undefined,
      width: /^axis\d$/.test(f) ? 14 : undefined,
      center: /^axis\d$/.test(f),
    })),
    rowsWithProgress(rows, progress),
    { widthSample: rows, font: c.font },
  );
  sheet.commit();
  return count;
}

function* rowsWithProgress(rows: Cell[][], progress: (n: number) => void): Generator<Cell[]> {
  let n = 0;
  for (const row of rows) {
    yield row;
    if (++n % 1000 === 0) progress(1000);
  }
  progress(n % 1000);
}

function registerRow(i: Initiative, lang: Lang, places: Places, major: (minor: number) => number): Cell[] {
  // Names stay in Arabic in both languages: they are the keys an import matches on.
  const cluster = i.clusterId ? places.clusters.get(i.clusterId) : undefined;
  const sector = cluster?.sectorId ? places.sectors.get(cluster.sectorId) : undefined;
  const date = (iso: string | null) => (iso ? new Date(`${iso}T00:00:00Z`) : null);
  const place: Record<string, Cell> = {
    region: places.regions.get(i.regionId)?.nameAr ?? '',
    cluster: cluster?.nameAr ?? '',
    sector: sector?.nameAr ?? '',
  };
  // Each field as its kind is written (register.ts names the kinds): a new field needs no line here.
  const cell = (f: Field): Cell => {
    const axis = /^axis(\d)$/.exec(f);
    if (axis) return i.axes.includes(Number(axis[1])) ? '✓' : null;
    if (!(f in FIELD_KINDS)) return null;
    const v = (i as unknown as Record<string, unknown>)[f];
    switch (FIELD_KINDS[f as ScalarField]) {
      case 'place':
        return place[f] ?? '';
      case 'money':
        return major(v as number);
      case 'date':
        return date(v as string | null);
      case 'status':
        return enumLabel(lang, 'status', v as string);
      case 'marketing':
        return enumLabel(lang, 'marketing', v as string);
      default:
        return (v as Cell) ?? null;
    }
  };
  return REGISTER_FIELDS.map(cell);
}

/** Values columns a page can hold beside the indicator's own. */
const MAX_VALUE_COLUMNS = 4;

/**
 * The indicators of the report's initiatives, printable: the actual values of the periods within
 * the report's period (the latest four when the report covers everything), the latest value up
 * to the period's end, and the achievement against the target.
 */
export function writeIndicators(c: CoverContext, initiatives: Initiative[], indicators: Indicator[]): void {
  const { lang, font } = c;
  const m = MESSAGES[lang].report;
  const rtl = lang === 'ar';
  const fiscal = c.data.settings.fiscalYearStartMonth;
  const period = c.data.period;
  const end = period ? periodRange(period, fiscal)!.to : null;
  const byId = new Map(initiatives.map((i) => [i.id, i]));
  const mine = indicators.filter((ind) => byId.has(ind.initiativeId));
  const upToEnd = (p: string) => !end || periodRange(p)!.to <= end;
  let periods = [...new Set(mine.flatMap((ind) => ind.values.map((v) => v.period)))].sort();
  periods = (period ? periods.filter((p) => periodWithin(p, period, fiscal)) : periods).slice(-MAX_VALUE_COLUMNS);
  const rows: Cell[][] = mine.map((ind) => {
    const i = byId.get(ind.initiativeId)!;
    const latest =
      ind.values
        .filter((v) => upToEnd(v.period))
        .sort((a, b) => a.period.localeCompare(b.period))
        .at(-1)?.value ?? null;
    const span = ind.target !== null && ind.baseline !== null ? ind.target - ind.baseline : null;
    const achievement = latest !== null && span ? (latest - (ind.baseline ?? 0)) / span : null;
    return [
      i.code,
      i.title,
      ind.name,
      ind.unit,
      ind.baseline,
      ind.target,
      ...periods.map((p) => ind.values.find((v) => v.period === p)?.value ?? null),
      latest,
      achievement,
    ];
  });
  const sheet = addSheet(c.wb, { name: m.sheets.indicators, rtl, footer: m.footer });
  const widths = { title: 36, name: 26 };
  writeTable(
    sheet,
    [
      { header: registerHeader('code', lang), width: 12 },
      { header: registerHeader('title', lang), width: widths.title },
      { header: m.indicator, width: widths.name },
      { header: m.unit, width: 10 },
      { header: m.baseline, numFmt: '#,##0.##', width: 11 },
      { header: m.target, numFmt: '#,##0.##', width: 11 },
      ...periods.map((p) => ({ header: fill(m.actualIn, { period: p }), numFmt: '#,##0.##', width: 11 })),
      { header: m.latest, numFmt: '#,##0.##', width: 11 },
      { header: m.achievement, numFmt: '0%', width: 10 },
    ],
    rows,
    {
      bordered: true,
      font,
      style: (_row, col, cell) => {
        if (col === 1 || col === 2)
          cell.alignment = { wrapText: true, vertical: 'top', horizontal: rtl ? 'right' : 'left' };
      },
      rowHeight: (row) =>
        Math.max(linesIn(String(row[1] ?? ''), widths.title - 1), linesIn(String(row[2] ?? ''), widths.name - 1)) * 13 +
        4,
    },
  );
  sheet.commit();
}
