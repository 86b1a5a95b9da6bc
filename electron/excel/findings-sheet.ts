/**
 * The health findings as a sheet: in the ministry report, and on their own when the user
 * exports the findings list as filtered on screen.
 */
import type * as ExcelJS from 'exceljs';
import Excel from './exceljs';
import { type Lang, MESSAGES } from './labels';
import { addSheet, type Cell, linesIn, writeTable } from './sheet';
import type { Finding } from '../../db/core/results';

export function writeFindingsSheet(
  wb: ExcelJS.stream.xlsx.WorkbookWriter,
  findings: Finding[],
  lang: Lang,
  font?: string,
): void {
  const m = MESSAGES[lang].report;
  const sheet = addSheet(wb, { name: m.sheets.findings, rtl: lang === 'ar', footer: m.footer });
  const rules = MESSAGES[lang].findings.rules as Record<string, string>;
  const local = (ar: string | null, en: string | null) => (lang === 'en' && en ? en : ar);
  const rows: Cell[][] = findings.map((f) => [
    f.rule,
    rules[f.rule] ?? f.rule,
    local(f.regionAr, f.regionEn),
    local(f.clusterAr, f.clusterEn),
    f.axis,
    f.initiativeCode,
    f.message[lang],
  ]);
  writeTable(
    sheet,
    [
      { header: m.findingRule, width: 8, center: true },
      { header: m.findingRuleName, width: 28 },
      { header: m.findingRegion, max: 24 },
      { header: m.findingCluster, max: 28 },
      { header: m.findingAxis, width: 8, center: true, numFmt: '0' },
      { header: m.findingInitiative, width: 12 },
      { header: m.findingMessage, width: 70 },
    ],
    rows.length > 0 ? rows : [[null, m.noFindings, null, null, null, null, null]],
    {
      font,
      widthSample: rows,
      style: (_row, col, cell) => {
        if (col === 1 || col === 6) cell.alignment = { wrapText: true, vertical: 'top' };
      },
      rowHeight: (row) => linesIn(String(row[6] ?? ''), 69) * 13 + 4,
    },
  );
  sheet.commit();
}

export async function writeFindingsWorkbook(out: string, findings: Finding[], lang: Lang): Promise<void> {
  const wb = new Excel.stream.xlsx.WorkbookWriter({ filename: out, useStyles: true, useSharedStrings: true });
  writeFindingsSheet(wb, findings, lang);
  await wb.commit();
}
