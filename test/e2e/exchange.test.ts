import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemo } from '../../db/demo';
import { previewImport } from '../../electron/excel/import';
import { readWorkbookInMemory, writeMessyRegister } from '../helpers/workbooks';
import { RESULTS, type Session, startSession } from './browser';
import { encode8bit, writeForeignWorkbook } from '../helpers/foreign';

let s: Session;
let page: Page;
const work = mkdtempSync(join(tmpdir(), 'tajammu-e2e-x-'));
const shot = (name: string) => page.screenshot({ path: join(RESULTS, `${name}.png`), fullPage: true });

beforeAll(async () => {
  mkdirSync(RESULTS, { recursive: true });
  s = await startSession();
  page = s.page;
  loadDemo(s.db, { source: 'cli' });
  await page.goto(s.host.url);
  await page.getByTestId('nav-exchange').click();
});
afterAll(async () => {
  await s?.close();
});

describe('e2e/exchange', () => {
  it('exports the ministry report and downloads the template', async () => {
    const [report] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-report').click()]);
    expect(report.suggestedFilename()).toMatch(/^تقرير-المحفظة-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const reportFile = join(work, 'report.xlsx');
    await report.saveAs(reportFile);
    const wb = await readWorkbookInMemory(reportFile);
    const n = s.db.prepare('SELECT count(*) FROM initiatives').pluck().get() as number;
    expect(wb.getWorksheet('سجل المبادرات')!.rowCount).toBe(n + 1);
    // What the screen exported imports back unchanged.
    const again = await previewImport(s.db, reportFile);
    expect(again.plan.unchanged).toBe(n);

    const [template] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('download-template').click(),
    ]);
    expect(template.suggestedFilename()).toBe('نموذج-استيراد-المبادرات.xlsx');
    await shot('exchange-ar');
  });

  it('previews a messy register, shows its errors by row, and imports the valid rows', async () => {
    const file = await writeMessyRegister(
      work,
      [
        'م',
        'كود المبادرة',
        'اسم المبادرة',
        'الإقليم',
        'التجمع',
        'المحاور',
        'الميزانية المخططة',
        'تاريخ البدء',
        'الحالة',
      ],
      [
        [1, 'NEW-1', 'معرض لمنتجات الأثاث', 'إقليم الدلتا', 'أثاث دمياط', '3، 2', '٥٠٬٠٠٠', '٠١/٠٤/٢٠٢٦', 'مخططة'],
        [2, 'NEW-2', '', 'إقليم الدلتا', 'أثاث دمياط', '1', '100', '', 'جارية'],
        [
          3,
          'INI-0004',
          'برنامج رفع الإنتاجية لتجمع أثاث دمياط – مرحلة ثانية',
          'إقليم الدلتا',
          'أثاث دمياط',
          '1',
          '',
          '',
          'جارية',
        ],
      ],
      { name: 'سجل المكتب.xlsx' },
    );
    await page.getByTestId('import-file').setInputFiles(file);
    await page.getByTestId('import-preview').click();
    await page.getByTestId('import-preview-view').waitFor();
    expect(await page.getByTestId('count-toCreate').innerText()).toContain('1');
    expect(await page.getByTestId('count-toUpdate').innerText()).toContain('1');
    expect(await page.getByTestId('count-errors').innerText()).toContain('1');
    const errors = await page.getByTestId('preview-errors').innerText();
    expect(errors).toContain('سجل المبادرات');
    expect(errors).toContain('6');
    expect(errors).toContain('عنوان المبادرة مطلوب');
    await shot('exchange-preview-errors-ar');

    const [copy] = await Promise.all([page.waitForEvent('download'), page.getByTestId('save-errors').click()]);
    const copyFile = join(work, 'errors.xlsx');
    await copy.saveAs(copyFile);
    const marked = (await readWorkbookInMemory(copyFile)).getWorksheet('سجل المبادرات')!;
    expect(String(marked.getRow(6).getCell(10).value)).toContain('عنوان المبادرة مطلوب');

    expect(await page.getByTestId('import-commit').isDisabled()).toBe(true);
    await page.getByRole('checkbox', { name: /تخطي الصفوف غير الصالحة/ }).check();
    const before = (s.db.prepare('SELECT count(*) AS n FROM initiatives').get() as { n: number }).n;
    await page.getByTestId('import-commit').click();
    await page.getByTestId('import-done').waitFor();
    expect((s.db.prepare('SELECT count(*) AS n FROM initiatives').get() as { n: number }).n).toBe(before + 1);
    expect(s.db.prepare("SELECT title FROM initiatives WHERE code = 'INI-0004'").get()).toEqual({
      title: 'برنامج رفع الإنتاجية لتجمع أثاث دمياط – مرحلة ثانية',
    });
    expect(s.db.prepare("SELECT count(*) AS n FROM audit_log WHERE source = 'import'").get()).toEqual({ n: 2 });
    await shot('exchange-done-ar');
  });

  it('lets the user map unknown columns, save the mapping, and shows it all in English', async () => {
    const file = await writeMessyRegister(
      work,
      ['Activity', 'Place', 'Axis numbers'],
      [['Fair for crafts', 'Delta Region', '3']],
      {
        name: 'english.xlsx',
      },
    );
    await page.getByTestId('language-switch').click();
    await page.getByTestId('import-file').setInputFiles(file);
    await page.getByTestId('import-preview').click();
    await page.getByTestId('needs-mapping').waitFor();
    expect(await page.getByTestId('needs-mapping').innerText()).toContain('No column of the file was recognised');
    const pick = async (header: string, option: string) => {
      await page.getByTestId('preview-columns').getByRole('combobox', { name: header }).click();
      await page.getByRole('option', { name: option, exact: true }).click();
    };
    await pick('Activity', 'Initiative title');
    await pick('Place', 'Region');
    await pick('Axis numbers', 'Axes');
    await shot('exchange-mapping-en');
    await page.getByLabel('Mapping name').fill('Delta office register');
    await page.getByRole('button', { name: 'Save the mapping' }).click();
    await expect
      .poll(() => s.db.prepare('SELECT name, mapping FROM import_profiles').all())
      .toEqual([
        {
          name: 'Delta office register',
          mapping: JSON.stringify({ Activity: 'title', Place: 'region', 'Axis numbers': 'axes' }),
        },
      ]);
    await page.getByTestId('repreview').click();
    await expect.poll(() => page.getByTestId('count-toCreate').innerText()).toContain('1');
    await page.getByTestId('import-commit').click();
    await page.getByTestId('import-done').waitFor();
    expect(s.db.prepare("SELECT axis3 FROM initiatives WHERE title = 'Fair for crafts'").get()).toEqual({ axis3: 1 });
    await shot('exchange-en');
    await page.getByTestId('language-switch').click();
  });

  it('reads an Arabic Excel CSV (Windows-1256), asks about a code of another initiative and maps a place spelt another way', async () => {
    await page.setViewportSize({ width: 1366, height: 768 });
    const csv = [
      'كود المبادرة,اسم المبادرة,الإقليم,التجمع,المحاور,الميزانية',
      'INI-0001,تدريب على التشطيب,إقليم الدلتا,أثاث دمياط,5,"12,500"',
      ',معرض الصعيد السنوي,الصعيد,,1,8000',
      '',
    ].join('\r\n');
    const file = join(work, 'سجل المكتب 2026.csv');
    writeFileSync(file, encode8bit(csv, 'windows-1256'));
    const before = (s.db.prepare('SELECT count(*) AS n FROM initiatives').get() as { n: number }).n;

    await page.getByTestId('import-file').setInputFiles(file);
    await page.getByTestId('import-preview').click();
    await page.getByTestId('collisions').waitFor();
    expect(await page.getByTestId('collisions').innerText()).toContain('INI-0001');
    expect(await page.getByTestId('import-commit').isDisabled()).toBe(true);
    expect(await page.getByTestId('preview-places').innerText()).toContain('إقليم الصعيد');
    await shot('exchange-collisions-ar-1366');

    await page.getByRole('radio', { name: 'استوردها مبادرات جديدة بأكواد جديدة' }).click();
    await expect.poll(() => page.getByTestId('count-collisions').innerText()).toContain('0');
    await page.getByTestId('tab-places').click();
    await page.getByTestId('preview-places').getByRole('combobox', { name: 'الصعيد' }).click();
    await page.getByRole('option', { name: 'إقليم الصعيد', exact: true }).click();
    await page.getByTestId('apply-places').click();
    await expect.poll(() => page.getByTestId('count-regionsToCreate').innerText()).toContain('0');
    expect(await page.getByTestId('count-toCreate').innerText()).toContain('2');
    await shot('exchange-places-ar-1366');
    await page.getByTestId('import-commit').click();
    await page.getByTestId('import-done').waitFor();
    expect((s.db.prepare('SELECT count(*) AS n FROM initiatives').get() as { n: number }).n).toBe(before + 2);
    expect(
      s.db
        .prepare(
          "SELECT r.code FROM initiatives i JOIN regions r ON r.id = i.region_id WHERE i.title = 'معرض الصعيد السنوي'",
        )
        .get(),
    ).toEqual({ code: 'UEG' });
    expect(s.db.prepare("SELECT title FROM initiatives WHERE code = 'INI-0001'").get()).not.toEqual({
      title: 'تدريب على التشطيب',
    });
    await page.setViewportSize({ width: 1400, height: 900 });
  });

  it('takes a French register without axes as not yet classified: the matrix shows the column, the register filters them', async () => {
    await page.setViewportSize({ width: 1366, height: 768 });
    const file = join(work, 'registre-2019.xlsx');
    writeForeignWorkbook(file, [
      {
        name: 'Projets',
        rows: [
          ['Intitulé du projet', 'Wilaya', 'Montant', 'Statut'],
          ['Formation des artisans', 'إقليم الدلتا', '12.500', 'En cours'],
          ['Foire régionale', 'إقليم الصعيد', '40.000', 'Achevée'],
        ],
      },
    ]);
    await page.getByTestId('import-file').setInputFiles(file);
    await page.getByTestId('import-preview').click();
    await expect.poll(() => page.getByTestId('count-unclassified').innerText()).toContain('2');
    // On a 768-pixel screen the preview's results are scrolled into view, not left below the fold.
    await expect
      .poll(async () => {
        const box = await page.getByTestId('import-preview-view').boundingBox();
        return box !== null && box.y >= 0 && box.y < 768;
      })
      .toBe(true);
    await page.getByTestId('import-commit').click();
    await page.getByTestId('import-done').waitFor();

    await page.getByTestId('nav-matrix').click();
    await page.getByTestId('matrix-unclassified').waitFor();
    await shot('matrix-unclassified-ar-1366');
    await page.getByTestId('nav-initiatives').click();
    // The register's filters are a bar opened on demand.
    await page.getByTestId('register-filters-toggle').click();
    await page.getByTestId('register-axis').click();
    await page.getByRole('option', { name: 'غير مصنفة بعد' }).click();
    await expect.poll(() => page.getByRole('row').count()).toBe(3);
    // The assistant proposes axes with its reason; a click accepts one, for that initiative only.
    await page.getByTestId('classify-panel').waitFor();
    await shot('register-classify-ar-1366');
    const training = page.getByTestId('classify-panel').locator('[data-testid^="classify-"]', { hasText: 'Formation' });
    expect(await training.getByRole('button').first().innerText()).toContain('التدريب');
    await training.getByRole('button').first().click();
    await expect
      .poll(() => s.db.prepare("SELECT axis5 FROM initiatives WHERE title = 'Formation des artisans'").get())
      .toEqual({ axis5: 1 });
    await expect.poll(() => page.getByRole('row').count()).toBe(2);
    await page.getByTestId('language-switch').click();
    await page.getByTestId('nav-matrix').click();
    await page.getByTestId('matrix-unclassified').waitFor();
    expect(await page.getByTestId('matrix-unclassified').innerText()).toBe('Not yet classified');
    await shot('matrix-unclassified-en-1366');
    await page.getByTestId('language-switch').click();
    await page.getByTestId('nav-exchange').click();
    await page.setViewportSize({ width: 1400, height: 900 });
  });

  it('made no request beyond the local web host and raised no page error', () => {
    expect(s.foreignRequests).toEqual([]);
    expect(s.pageErrors.filter((e) => !e.includes('status of 4'))).toEqual([]);
  });
});
