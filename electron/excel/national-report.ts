/**
 * The national report: the office's report workbook, written by the same code over each office's
 * latest accepted package of the period side by side (initiative codes carry their office:
 * `DLT:INI-0001`), with two sheets more: a summary per office and who reported.
 */
import type * as ExcelJS from 'exceljs';
import type { Db } from '../../db/connection';
import { AXIS_IDS } from '../../db/core/axes';
import { sumRows } from '../../db/core/measures';
import { fill, type Lang, MESSAGES } from '../../db/core/messages';
import { periodName } from '../../db/core/report-text';
import { getMatrix } from '../../db/queries/matrix';
import { nationalReader } from '../../db/national-db';
import { nationalSources, officeOf } from '../../db/queries/national';
import { statusGrid } from '../../db/queries/status';
import { listOffices, requireMinistry } from '../../db/repos/ministry';
import { getSettings } from '../../db/repos/settings';
import { writeReport } from './report';
import { addSheet, type Cell, writeTable } from './sheet';

export async function writeNationalReport(
  db: Db,
  out: string,
  o: { lang: Lang; period?: string; today: string; now?: Date },
): Promise<{ initiatives: number }> {
  requireMinistry(db);
  const m = MESSAGES[o.lang].ministry;
  const rtl = o.lang === 'ar';
  const settings = getSettings(db);
  const sources = nationalSources(db, { period: o.period });
  const grid = statusGrid(db, { period: o.period, today: o.today });
  const offices = listOffices(db);
  const major = (minor: number) => minor / 10 ** settings.currencyDigits;
  const moneyFmt = settings.currencyDigits > 0 ? `#,##0.${'0'.repeat(settings.currencyDigits)}` : '#,##0';
  // Its own connection for the whole writing: a decision or another view meanwhile changes nothing in it.
  const { db: scratch, release } = nationalReader(db, sources, o.period);
  try {
    const rows = getMatrix(scratch, { period: o.period });
    const extra = (wb: ExcelJS.stream.xlsx.WorkbookWriter) => {
      // Per office: its package, and its figures as the matrix sums them; columns fitted to them.
      const summaryRows = sources.map((s): Cell[] => {
        const own = rows.filter((r) => officeOf(r.regionId) === s.officeCode);
        const row = grid.rows.find((r) => r.office === s.officeCode && r.period === s.period);
        return [
          s.officeCode,
          offices.find((x) => x.code === s.officeCode)?.name ?? '',
          s.version,
          row ? m.status[row.state] : m.status.accepted,
          // Each initiative once, classified or not, as the office's matrix totals it.
          sumRows(own, null).n,
          ...AXIS_IDS.map((a) => major(sumRows(own, a).budget)),
        ];
      });
      const summary = addSheet(wb, { name: m.summarySheet, rtl, footer: MESSAGES[o.lang].report.footer });
      writeTable(
        summary,
        [
          { header: m.code },
          { header: m.name, max: 40 },
          { header: m.colVersion, center: true },
          { header: m.colState },
          { header: m.colInitiatives, numFmt: '#,##0' },
          ...AXIS_IDS.map((a) => ({ header: fill(m.axisBudget, { n: a }), numFmt: moneyFmt })),
        ],
        summaryRows,
        { font: settings.reportFont, widthSample: summaryRows },
      );
      summary.commit();
      // Who reported, period by period.
      const statusRows = offices
        .filter((x) => grid.rows.some((r) => r.office === x.code))
        .map((x): Cell[] => [
          x.code,
          x.name,
          ...grid.periods.map((p) => {
            const r = grid.rows.find((y) => y.office === x.code && y.period === p);
            return r ? `${m.status[r.state]}${r.version ? ` (${r.version})` : ''}` : '—';
          }),
        ]);
      const status = addSheet(wb, { name: m.statusSheet, rtl, footer: MESSAGES[o.lang].report.footer });
      writeTable(
        status,
        [
          { header: m.code },
          { header: m.name, max: 40 },
          ...grid.periods.map((p) => ({ header: periodName(p, o.lang, settings.fiscalYearStartMonth), max: 30 })),
        ],
        statusRows,
        { font: settings.reportFont, widthSample: statusRows },
      );
      status.commit();
    };
    return await writeReport(scratch, out, { lang: o.lang, period: o.period, now: o.now, extra });
  } finally {
    release();
  }
}
