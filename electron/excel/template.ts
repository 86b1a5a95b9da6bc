/**
 * The import template: the register sheet with the canonical headers in the chosen language,
 * drop-down lists fed from a hidden sheet (regions, clusters, statuses, marketing holder, ✓ for
 * the axes), and an instructions sheet.
 */
import type * as ExcelJS from 'exceljs';
import Excel from './exceljs';
import { AXES } from '../../db/core/axes';
import type { Db } from '../../db/connection';
import { INITIATIVE_STATUSES, MARKETING_HOLDERS } from '../../db/core/model';
import { listClusters } from '../../db/repos/clusters';
import { listRegions } from '../../db/repos/regions';
import { listSectors } from '../../db/repos/sectors';
import { getSettings } from '../../db/repos/settings';
import { enumLabel, type Lang, MESSAGES, REGISTER_FIELDS, registerHeader } from './labels';
import { addSheet, writeTable } from './sheet';

/** Rows of the register that carry drop-downs; an office rarely adds more in one go. */
const TEMPLATE_ROWS = 1000;

export async function writeTemplate(out: string, lang: Lang, db?: Db): Promise<void> {
  const m = MESSAGES[lang];
  const rtl = lang === 'ar';
  const currency = db ? getSettings(db).currencyCode : 'EGP';
  const wb = new Excel.stream.xlsx.WorkbookWriter({ filename: out, useStyles: true, useSharedStrings: true });
  wb.creator = 'Tajammu';

  const lists: Record<string, string[]> = {
    region: db ? listRegions(db).map((r) => r.nameAr) : [],
    cluster: db ? listClusters(db).map((c) => c.nameAr) : [],
    sector: db ? listSectors(db).map((s) => s.nameAr) : [],
    status: INITIATIVE_STATUSES.map((s) => enumLabel(lang, 'status', s)),
    marketingHolder: MARKETING_HOLDERS.map((h) => enumLabel(lang, 'marketing', h)),
    axis: ['✓'],
    primaryAxis: AXES.map((a) => String(a.id)),
  };
  const listNames = Object.keys(lists);

  const register = addSheet(wb, { name: m.report.sheets.register, rtl, footer: m.report.footer, tabColor: 'FF0B5D5A' });
  // The streaming writer emits data validations when the sheet is committed.
  const column = (i: number) => {
    let s = '';
    for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
    return s;
  };
  REGISTER_FIELDS.forEach((field, i) => {
    const listKey = /^axis\d$/.test(field) ? 'axis' : field;
    const values = lists[listKey];
    if (!values || values.length === 0) return;
    const listColumn = column(listNames.indexOf(listKey));
    const range = `${column(i)}2:${column(i)}${TEMPLATE_ROWS + 1}`;
    (
      register as unknown as { dataValidations: { add(range: string, v: ExcelJS.DataValidation): void } }
    ).dataValidations.add(range, {
      type: 'list',
      allowBlank: true,
      showErrorMessage: true,
      // Region, cluster and sector lists suggest: a new name is a warning Excel lets through
      // (the import lists it with the nearest existing name); other lists are closed.
      ...(['region', 'cluster', 'sector'].includes(listKey)
        ? { errorStyle: 'warning', errorTitle: m.template.newNameTitle, error: m.template.newName }
        : { errorStyle: 'stop' }),
      formulae: [`'${m.report.sheets.lists}'!$${listColumn}$2:$${listColumn}$${values.length + 1}`],
    });
  });
  writeTable(
    register,
    REGISTER_FIELDS.map((f) => ({
      header: registerHeader(f, lang, currency),
      width: /^axis\d$/.test(f) ? 14 : ['title', 'description', 'notes'].includes(f) ? 40 : 20,
      numFmt: f === 'startDate' || f === 'endDate' ? 'dd/mm/yyyy' : undefined,
    })),
    [],
  );
  register.commit();

  const instructions = addSheet(wb, { name: m.report.sheets.instructions, rtl, footer: m.report.footer }, 0);
  instructions.columns = [{ width: 120 }];
  m.template.instructions.forEach((line, i) => {
    const row = instructions.addRow([line]);
    row.getCell(1).alignment = { wrapText: true, vertical: 'top' };
    if (i === 0) row.font = { bold: true, size: 14, color: { argb: 'FF0B5D5A' } };
    row.commit();
  });
  instructions.commit();

  const listSheet = addSheet(wb, { name: m.report.sheets.lists, rtl, footer: '', state: 'hidden' }, 0);
  listSheet.addRow(listNames).commit();
  const longest = Math.max(...Object.values(lists).map((l) => l.length));
  for (let r = 0; r < longest; r++) listSheet.addRow(listNames.map((k) => lists[k]![r] ?? null)).commit();
  listSheet.commit();
  await wb.commit();
}
