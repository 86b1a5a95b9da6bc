/**
 * The changes since the last submission as a sheet of the report (and so of the next package):
 * initiatives created, deleted and changed (a row per field, its value before and after), budget
 * by axis before and after, gaps closed and opened, indicator values added or changed; one row
 * each, a reviewer's checklist.
 */
import type * as ExcelJS from 'exceljs';
import { AXES } from '../../db/core/axes';
import { fill, type Lang, MESSAGES } from '../../db/core/messages';
import type { ChangesDetail, GapPlace } from '../../db/core/results';
import { fieldLabel, fieldText, type Formatter } from '../../db/core/format';
import { addSheet, type Cell, writeTable } from './sheet';

export function writeChangesSheet(
  wb: ExcelJS.stream.xlsx.WorkbookWriter,
  d: ChangesDetail,
  o: { lang: Lang; font: string; major(minor: number): number; fmt: Formatter },
): void {
  const m = MESSAGES[o.lang].changesSheet;
  const rtl = o.lang === 'ar';
  const local = (ar: string, en: string) => (!rtl && en ? en : ar);
  const axis = (n: number) => `${n}. ${rtl ? AXES[n - 1]!.shortAr : AXES[n - 1]!.shortEn}`;
  const gap = (g: GapPlace) =>
    `${local(g.regionAr, g.regionEn)} — ${local(g.clusterAr, g.clusterEn)} — ${axis(g.axis)}`;
  const rows: Cell[][] = [
    ...d.created.map((c): Cell[] => [m.created, `${c} — ${d.titles[c] ?? ''}`, null, null]),
    ...d.deleted.map((c): Cell[] => [m.deleted, `${c} — ${d.titles[c] ?? ''}`, null, null]),
    // One row per changed field, its value before and after as the screen shows it.
    ...d.changed.flatMap((c) =>
      c.values.map((v): Cell[] => [
        m.changed,
        `${c.code} — ${d.titles[c.code] ?? ''}: ${fieldLabel(v.field, o.lang)}`,
        fieldText(v.field, v.before, o.fmt, o.lang),
        fieldText(v.field, v.after, o.fmt, o.lang),
      ]),
    ),
    ...d.budgetByAxis
      .filter((b) => b.before !== b.after)
      .map((b): Cell[] => [fill(m.budget, { axis: axis(b.axis) }), null, o.major(b.before), o.major(b.after)]),
    ...d.gapsClosed.map((g): Cell[] => [m.gapClosed, gap(g), null, null]),
    ...d.gapsOpened.map((g): Cell[] => [m.gapOpened, gap(g), null, null]),
    ...d.indicatorValues.map((v): Cell[] => [m.value, `${v.code} — ${v.indicator} — ${v.period}`, v.before, v.after]),
  ];
  const sheet = addSheet(wb, { name: m.sheet, rtl, footer: MESSAGES[o.lang].report.footer }, 2);
  writeTable(
    sheet,
    [
      { header: m.kind, width: 30 },
      { header: m.what, width: 70 },
      // Money and indicator values in one column: grouped, with decimals only where there are any.
      { header: m.before, numFmt: '#,##0.##', width: 32 },
      { header: m.after, numFmt: '#,##0.##', width: 32 },
    ],
    rows.length ? rows : [[m.none, null, null, null]],
    {
      font: o.font,
      above: () => {
        const title = sheet.addRow([fill(m.title, { period: d.since.period, version: d.since.version })]);
        title.getCell(1).font = { name: o.font, size: 12, bold: true, color: { argb: 'FF0B5D5A' } };
        title.commit();
      },
      style: (_row, col, cell) => {
        // Right to left in Arabic even when the text starts with a Latin code (INI-0001 — …).
        cell.alignment = {
          ...cell.alignment,
          wrapText: true,
          vertical: 'top',
          ...(rtl ? { readingOrder: 'rtl' } : {}),
        };
      },
    },
  );
  sheet.commit();
}
