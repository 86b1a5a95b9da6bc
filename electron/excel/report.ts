/**
 * The ministry report: one workbook a ministry official would print. Cover, summary by axis,
 * the matrix with gaps marked, the initiative register (which imports back as it is), and the
 * indicators; a hidden meta sheet says what wrote it. Written with the streaming writer.
 */
import Excel from './exceljs';
import { AXES } from '../../db/core/axes';
import { schemaVersion, type Db } from '../../db/connection';
import type { Initiative } from '../../db/core/model';
import { getFindings } from '../../db/queries/health';
import { countGaps, counts, sumRows, valueOf } from '../../db/core/measures';
import { getMatrix } from '../../db/queries/matrix';
import { resolveRegionScope } from '../../db/queries/scope';
import { listClusters } from '../../db/repos/clusters';
import { listAllIndicators } from '../../db/repos/indicators';
import { listInitiatives } from '../../db/repos/initiatives';
import { listRegions } from '../../db/repos/regions';
import { listSectors } from '../../db/repos/sectors';
import { getSettings } from '../../db/repos/settings';
import { FIELD_KINDS, type Field, type ScalarField } from '../../db/core/register';
import { enumLabel, fill, type Lang, MESSAGES, REGISTER_FIELDS, registerHeader } from './labels';
import { writeFindingsSheet } from './findings-sheet';
import { writeMatrixSheet } from './matrix-sheet';
import { addSheet, type Cell, writeTable } from './sheet';

export const REPORT_FORMAT_VERSION = 1;

export interface ReportOptions {
  lang: Lang;
  /** A region (or governorate) by Arabic or English name or code; its sub-regions are included. */
  region?: string;
  onProgress?: (rowsWritten: number) => void;
  now?: Date;
}

export async function writeReport(db: Db, out: string, options: ReportOptions): Promise<{ initiatives: number }> {
  const { lang } = options;
  const m = MESSAGES[lang].report;
  const rtl = lang === 'ar';
  const settings = getSettings(db);
  const scope = resolveRegionScope(db, options.region);
  const inScope = (regionId: string) => !scope.ids || scope.ids.has(regionId);
  const now = options.now ?? new Date();

  const regions = new Map(listRegions(db).map((r) => [r.id, r]));
  const clusters = new Map(listClusters(db).map((c) => [c.id, c]));
  const sectors = new Map(listSectors(db).map((s) => [s.id, s]));
  const initiatives = listInitiatives(db).filter((i) => inScope(i.regionId));
  const matrix = getMatrix(db).filter((r) => inScope(r.regionId));
  const major = (minor: number) => minor / 10 ** settings.currencyDigits;
  const moneyFmt = settings.currencyDigits > 0 ? `#,##0.${'0'.repeat(settings.currencyDigits)}` : '#,##0';
  const footer = m.footer;
  const wb = new Excel.stream.xlsx.WorkbookWriter({ filename: out, useStyles: true, useSharedStrings: true });
  wb.creator = 'Tajammu';
  wb.created = now;
  let written = 0;
  const progress = (n: number) => {
    written += n;
    options.onProgress?.(written);
  };

  // Cover ------------------------------------------------------------------------------------
  // Every figure is a sum of the matrix's rows: the counting rule, region-wide rows included.
  const office = sumRows(matrix, null);
  const { budget: planned, spent } = office;
  const cancelled = initiatives.filter((i) => !counts(i)).length;
  const selected = matrix.filter((r) => r.selected);
  const gaps = countGaps(selected);
  const cover = addSheet(wb, { name: m.sheets.cover, rtl, footer, tabColor: 'FF0B5D5A' }, 0);
  cover.columns = [{ width: 46 }, { width: 60 }];
  const title = cover.addRow([m.title]);
  title.font = { bold: true, size: 16, color: { argb: 'FF0B5D5A' } };
  title.height = 28;
  title.commit();
  cover.addRow([]).commit();
  const coverRows: [string, Cell, string?][] = [
    [m.office, settings.officeName || '—'],
    [m.regionFilter, scope.label ?? m.allRegions],
    [m.period, m.periodAll],
    [m.generatedAt, now, 'yyyy-mm-dd hh:mm'],
    [m.totals, null],
    [m.regions, scope.ids ? scope.ids.size : regions.size, '#,##0'],
    [m.clusters, matrix.filter((r) => r.clusterId).length, '#,##0'],
    [m.selectedClusters, selected.length, '#,##0'],
    [m.initiatives, office.n, '#,##0'],
    [`${m.plannedBudget} (${settings.currencyCode})`, major(planned), moneyFmt],
    [`${m.spent} (${settings.currencyCode})`, major(spent), moneyFmt],
    [m.spentShare, planned ? spent / planned : 0, '0.0%'],
    [m.gaps, gaps, '#,##0'],
    [m.cancelled, cancelled, '#,##0'],
  ];
  for (const [label, value, fmt] of coverRows) {
    const row = cover.addRow([label, value]);
    row.getCell(1).font = { bold: true };
    if (fmt) row.getCell(2).numFmt = fmt;
    row.getCell(2).alignment = { horizontal: rtl ? 'right' : 'left' };
    if (value === null) row.getCell(1).font = { bold: true, size: 13, color: { argb: 'FF0B5D5A' } };
    row.commit();
  }
  cover.addRow([]).commit();
  const rule = cover.addRow([m.rule, MESSAGES[lang].figures.rule]);
  rule.getCell(1).font = { bold: true };
  rule.getCell(2).alignment = { wrapText: true, vertical: 'top', horizontal: rtl ? 'right' : 'left' };
  rule.height = 48;
  rule.commit();
  cover.commit();

  // Summary by axis ----------------------------------------------------------------------------
  const summary = addSheet(wb, { name: m.sheets.summary, rtl, footer });
  const summaryRows: Cell[][] = AXES.map((axis) => {
    const b = sumRows(matrix, axis.id);
    const covered = matrix.filter((r) => r.clusterId && r.initiatives[axis.id - 1]! > 0).length;
    return [
      axis.id,
      rtl ? axis.nameAr : axis.nameEn,
      b.n,
      major(b.budget),
      major(b.spent),
      planned ? b.budget / planned : 0,
      covered,
      (valueOf(b, 'progress') ?? 0) / 100,
    ];
  });
  // An initiative on two axes is in both axes' rows: the total counts each once.
  summaryRows.push([null, m.totalDistinct, office.n, major(planned), major(spent), null, null, null]);
  writeTable(
    summary,
    [
      { header: m.axisNo, width: 10 },
      { header: m.axisName, width: 60 },
      { header: m.axisInitiatives, numFmt: '#,##0' },
      { header: `${m.axisBudget} (${settings.currencyCode})`, numFmt: moneyFmt, width: 20 },
      { header: `${m.axisSpent} (${settings.currencyCode})`, numFmt: moneyFmt, width: 20 },
      { header: m.axisShare, numFmt: '0.0%' },
      { header: m.axisClusters, numFmt: '#,##0' },
      { header: m.axisProgress, numFmt: '0%' },
    ],
    summaryRows,
    (row, col, cell) => {
      if (row[0] === null) cell.font = { bold: true };
      if (col === 1) cell.alignment = { wrapText: true, vertical: 'middle' };
    },
  );
  summary.commit();

  // Matrix -------------------------------------------------------------------------------------
  writeMatrixSheet(wb, matrix, { lang, measure: 'count', currencyDigits: settings.currencyDigits });

  // Register -----------------------------------------------------------------------------------
  const register = addSheet(wb, { name: m.sheets.register, rtl, footer });
  const registerRows = initiatives.map((i) => registerRow(i, lang, regions, clusters, sectors, major));
  const count = writeTable(
    register,
    REGISTER_FIELDS.map((f) => ({
      header: registerHeader(f, lang, settings.currencyCode),
      numFmt:
        f === 'plannedBudget' || f === 'spent'
          ? moneyFmt
          : f === 'startDate' || f === 'endDate'
            ? 'yyyy-mm-dd'
            : undefined,
      width: /^axis\d$/.test(f) ? 14 : undefined,
      center: /^axis\d$/.test(f),
    })),
    rowsWithProgress(registerRows, progress),
    undefined,
    registerRows,
  );
  register.commit();

  // Indicators ---------------------------------------------------------------------------------
  const indicatorSheet = addSheet(wb, { name: m.sheets.indicators, rtl, footer });
  const byId = new Map(initiatives.map((i) => [i.id, i]));
  const indicators = listAllIndicators(db)
    .filter((ind) => byId.has(ind.initiativeId))
    .map((ind) => ({ i: byId.get(ind.initiativeId)!, ind }));
  const periods = [...new Set(indicators.flatMap(({ ind }) => ind.values.map((v) => v.period)))].sort();
  const indicatorRows: Cell[][] = indicators.map(({ i, ind }) => {
    const latest = ind.values.at(-1)?.value ?? null;
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
  writeTable(
    indicatorSheet,
    [
      { header: registerHeader('code', lang) },
      { header: registerHeader('title', lang), width: 50 },
      { header: m.indicator, width: 30 },
      { header: m.unit },
      { header: m.baseline, numFmt: '#,##0.##' },
      { header: m.target, numFmt: '#,##0.##' },
      ...periods.map((p) => ({ header: fill(m.actualIn, { period: p }), numFmt: '#,##0.##' })),
      { header: m.latest, numFmt: '#,##0.##' },
      { header: m.achievement, numFmt: '0%' },
    ],
    indicatorRows,
    undefined,
    indicatorRows,
  );
  indicatorSheet.commit();

  // Health findings ----------------------------------------------------------------------------
  writeFindingsSheet(wb, getFindings(db, { regionIds: scope.ids }), lang);

  // Meta ---------------------------------------------------------------------------------------
  const meta = addSheet(wb, { name: 'meta', rtl: false, footer, state: 'hidden' }, 0);
  for (const pair of [
    ['format', 'tajammu-report'],
    ['formatVersion', REPORT_FORMAT_VERSION],
    ['schemaVersion', schemaVersion(db)],
    ['office', settings.officeName],
    ['exportedAt', now.toISOString()],
    ['language', lang],
    ['region', scope.label ?? ''],
    ['currency', settings.currencyCode],
  ] as [string, string | number][]) {
    meta.addRow(pair).commit();
  }
  meta.commit();
  await wb.commit();
  return { initiatives: count };
}

function* rowsWithProgress(rows: Cell[][], progress: (n: number) => void): Generator<Cell[]> {
  let n = 0;
  for (const row of rows) {
    yield row;
    if (++n % 1000 === 0) progress(1000);
  }
  progress(n % 1000);
}

function registerRow(
  i: Initiative,
  lang: Lang,
  regions: Map<string, { nameAr: string; nameEn: string }>,
  clusters: Map<string, { nameAr: string; nameEn: string; sectorId: string | null }>,
  sectors: Map<string, { nameAr: string; nameEn: string }>,
  major: (minor: number) => number,
): Cell[] {
  // Names stay in Arabic in both languages: they are the keys an import matches on.
  const cluster = i.clusterId ? clusters.get(i.clusterId) : undefined;
  const sector = cluster?.sectorId ? sectors.get(cluster.sectorId) : undefined;
  const date = (iso: string | null) => (iso ? new Date(`${iso}T00:00:00Z`) : null);
  const place: Record<string, Cell> = {
    region: regions.get(i.regionId)?.nameAr ?? '',
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
