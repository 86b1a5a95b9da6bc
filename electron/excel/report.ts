/**
 * The ministry report for a period: one workbook a ministry official reads, prints and signs.
 * The cover and the summary with its charts, the matrix with subtotals and a legend, the register
 * to print and the register as data (which imports back as it is), the indicators and the health
 * findings; a hidden meta sheet says what wrote it. Figures come from db/queries/report.ts, as in
 * the print view. Written with the streaming writer.
 */
import { bilingual } from '../../db/core/messages';
import { AppError } from '../../db/core/errors';
import type * as ExcelJS from 'exceljs';
import Excel from './exceljs';
import { schemaVersion, type Db } from '../../db/connection';
import { getReport } from '../../db/queries/report';
import { listClusters } from '../../db/repos/clusters';
import { listAllIndicators } from '../../db/repos/indicators';
import { listRegions } from '../../db/repos/regions';
import { listSectors } from '../../db/repos/sectors';
import { getLogo } from '../../db/repos/settings';
import { periodRange } from '../../db/core/period';
import { type Lang, MESSAGES } from './labels';
import { writeFindingsSheet } from './findings-sheet';
import { writeChangesSheet } from './changes-sheet';
import { makeFormatter } from '../../db/core/format';
import type { ChangesDetail } from '../../db/core/results';
import { writeMatrixSheet } from './matrix-sheet';
import { type CoverContext, writeCover, writeSummary } from './report-cover';
import { writeDataRegister, writeIndicators, writePrintRegister } from './report-register';
import { addSheet } from './sheet';
import { writeKeyValues } from './machine';

export const REPORT_FORMAT_VERSION = 2;

export interface ReportOptions {
  lang: Lang;
  /** A region (or governorate) by Arabic or English name or code; its sub-regions are included. */
  region?: string;
  /** `2026`, `2026-Q3`, `2026-H2` or `FY2026`; everything when absent. */
  period?: string;
  onProgress?: (rowsWritten: number) => void;
  now?: Date;
  /** The changes since the last submission, as a sheet after the findings. */
  changes?: ChangesDetail;
  /** More sheets after the report's own (a submission package's machine part). */
  extra?: (wb: ExcelJS.stream.xlsx.WorkbookWriter) => void;
}

export async function writeReport(db: Db, out: string, options: ReportOptions): Promise<{ initiatives: number }> {
  const { lang } = options;
  // The changes are the whole portfolio's: a region's report would show other regions' ones.
  if (options.changes && options.region) throw new AppError('INVALID_INPUT', bilingual('errors.changesWithRegion'));
  const m = MESSAGES[lang].report;
  const data = getReport(db, { period: options.period, region: options.region });
  const settings = data.settings;
  const now = options.now ?? new Date();
  const wb = new Excel.stream.xlsx.WorkbookWriter({ filename: out, useStyles: true, useSharedStrings: true });
  wb.creator = 'Tajammu';
  wb.created = now;
  let written = 0;
  const progress = (n: number) => {
    written += n;
    options.onProgress?.(written);
  };
  const c: CoverContext = {
    wb,
    data,
    lang,
    now,
    logo: getLogo(db),
    font: settings.reportFont,
    moneyFmt: settings.currencyDigits > 0 ? `#,##0.${'0'.repeat(settings.currencyDigits)}` : '#,##0',
    major: (minor) => minor / 10 ** settings.currencyDigits,
  };
  const places = {
    regions: new Map(listRegions(db).map((r) => [r.id, r])),
    clusters: new Map(listClusters(db).map((cl) => [cl.id, cl])),
    sectors: new Map(listSectors(db).map((s) => [s.id, s])),
  };
  writeCover(c);
  await writeSummary(c);
  writeMatrixSheet(wb, data.matrix, {
    lang,
    measure: 'count',
    currencyDigits: settings.currencyDigits,
    font: c.font,
    findings: data.findings,
    header: { settings, period: data.period, now, scope: data.scopeLabel },
  });
  writePrintRegister(c, data.groups, places);
  // The data register lists the same initiatives as the print one, in the portfolio's order: by
  // code, compared as UTF-8 bytes as SQLite's ORDER BY does, without reading them all again.
  const initiatives = data.groups
    .flatMap((g) => g.initiatives)
    .map((i) => ({ i, key: Buffer.from(i.code) }))
    .sort((a, b) => Buffer.compare(a.key, b.key))
    .map(({ i }) => i);
  const count = writeDataRegister(c, initiatives, places, progress);
  writeIndicators(c, initiatives, listAllIndicators(db));
  writeFindingsSheet(wb, data.findings, lang, c.font);
  if (options.changes) {
    // Values before and after in the workbook's own digits: Latin, as the report's other figures.
    const fmt = makeFormatter(lang, { ...settings, digits: 'latn' });
    writeChangesSheet(wb, options.changes, { lang, font: c.font, major: c.major, fmt });
  }
  options.extra?.(wb);

  const meta = addSheet(wb, { name: 'meta', rtl: false, footer: m.footer, state: 'hidden' }, 0);
  const range = data.period ? periodRange(data.period, settings.fiscalYearStartMonth) : null;
  writeKeyValues(meta, {
    format: 'tajammu-report',
    formatVersion: REPORT_FORMAT_VERSION,
    schemaVersion: schemaVersion(db),
    agency: settings.agencyName,
    office: settings.officeName,
    exportedAt: now.toISOString(),
    language: lang,
    region: data.scopeLabel ?? '',
    period: data.period ?? '',
    periodFrom: range?.from ?? '',
    periodTo: range?.to ?? '',
    currency: settings.currencyCode,
  });
  await wb.commit();
  return { initiatives: count };
}
