/**
 * Submitting a period: the frozen snapshot, the package's machine part and its hash, which
 * survives a re-save by other programs and catches an edited cell; identity and reasons; the
 * changes since a submission against a diff computed independently.
 */
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as XLSX from '@e965/xlsx';
import { describe, expect, it } from 'vitest';
import { open } from '../../db/connection';
import { MESSAGES } from '../../db/core/messages';
import type { ChangesSince } from '../../db/core/results';
import { loadDemo } from '../../db/demo';
import { changesDetail, changesSince } from '../../db/queries/since';
import { getMatrix } from '../../db/queries/matrix';
import { AXIS_IDS } from '../../db/core/axes';
import { isGap, sumRows } from '../../db/core/measures';
import { createInitiative, deleteInitiative, listInitiatives, updateInitiative } from '../../db/repos/initiatives';
import { listClusters } from '../../db/repos/clusters';
import { listRegions } from '../../db/repos/regions';
import { createIndicator } from '../../db/repos/indicators';
import { updateSettings } from '../../db/repos/settings';
import { listSubmissions, submissionSnapshot } from '../../db/repos/submissions';
import { snapshotHash, takeSnapshot } from '../../db/snapshot';
import Excel from '../../electron/excel/exceljs';
import { readPackage } from '../../electron/excel/package';
import { rebuildPackage, submitPeriod } from '../../electron/excel/submit';
import { applyReply, readReply, writeReply } from '../../electron/excel/reply';
import { runCli } from '../../electron/cli';
import { useTestDb } from '../helpers/db';
import { random as seeded } from '../helpers/random';
import { useTempDir } from '../helpers/tmp';
import { libreConvert, openpyxlSave, python } from '../helpers/others';

const newDb = useTestDb();
const tempDir = useTempDir();
const ctx = { source: 'cli' as const };

function office() {
  const db = newDb();
  loadDemo(db, ctx);
  updateSettings(db, ctx, { officeCode: 'DLT', agencyName: 'جهاز تنمية المشروعات' });
  return db;
}

/** Figures a re-save rewrites: floats that other programs write back to their 17th digit. */
function withFloats(db: ReturnType<typeof office>) {
  createIndicator(db, ctx, {
    initiativeId: listInitiatives(db)[3]!.id,
    name: 'نسبة الصادرات',
    unit: '%',
    baseline: 0.17029269056190327,
    target: 1 / 3,
    values: [{ period: '2026-Q1', value: 0.1 + 0.2 }],
  });
  return db;
}

describe('submission packages', () => {
  it('freezes the portfolio, and the package carries exactly its rows and their hash', async () => {
    const db = office();
    const out = join(tempDir(), 'pkg.xlsx');
    const s = await submitPeriod(db, ctx, out, { period: '2026-Q3', lang: 'ar' });
    expect(s).toMatchObject({
      period: '2026-Q3',
      version: 1,
      officeCode: 'DLT',
      initiatives: listInitiatives(db).length,
    });
    const pkg = await readPackage(out);
    expect(pkg.intact).toBe(true);
    expect(pkg.meta).toMatchObject({ format: 'tajammu-package', officeCode: 'DLT', period: '2026-Q3', version: 1 });
    expect(pkg.meta.sha256).toBe(s.sha256);
    // The data part is the frozen snapshot, row for row.
    expect(pkg.snapshot.tables).toEqual(submissionSnapshot(db, s.id).tables);
    // The portfolio moves on; the snapshot does not.
    const first = listInitiatives(db)[0]!;
    updateInitiative(db, ctx, { id: first.id, title: `${first.title} – معدل` });
    deleteInitiative(db, ctx, listInitiatives(db)[1]!.id);
    updateSettings(db, ctx, { officeName: 'اسم آخر للمكتب' });
    expect(snapshotHash(submissionSnapshot(db, s.id))).toBe(s.sha256);
    expect(snapshotHash(takeSnapshot(db))).not.toBe(s.sha256);
    // Saved again later, from the snapshot: the same data part, hash and report figures.
    const again = join(tempDir(), 'again.xlsx');
    await rebuildPackage(db, s.id, again, 'ar');
    const rebuilt = await readPackage(again);
    expect(rebuilt.intact).toBe(true);
    expect(rebuilt.snapshot.tables).toEqual(pkg.snapshot.tables);
    expect(rebuilt.meta).toEqual(pkg.meta);
    const register = async (f: string) => {
      const wb = new Excel.Workbook();
      await wb.xlsx.readFile(f);
      return [wb.getWorksheet('سجل المبادرات')!.getSheetValues(), wb.getWorksheet('الغلاف')!.getSheetValues()];
    };
    expect(await register(again)).toEqual(await register(out));
  }, 60_000);

  it('keeps its hash through re-saves by LibreOffice and SheetJS, and loses it on an edited cell', async () => {
    const db = withFloats(office());
    const out = join(tempDir(), 'pkg.xlsx');
    const s = await submitPeriod(db, ctx, out, { period: '2026', lang: 'en' });
    // LibreOffice opens and saves it unchanged.
    const resaved = await readPackage(libreConvert(out, 'xlsx', join(tempDir(), 'lo')));
    expect(resaved.sha256).toBe(s.sha256);
    expect(resaved.intact).toBe(true);
    // SheetJS reads and writes it back (another library, as a script of the ministry's might).
    const sheetjs = join(tempDir(), 'sheetjs.xlsx');
    writeFileSync(sheetjs, XLSX.write(XLSX.read(readFileSync(out)), { type: 'buffer', bookType: 'xlsx' }) as Buffer);
    expect((await readPackage(sheetjs)).intact).toBe(true);
    // One budget cell edited in the machine part, by exceljs's other writer: the hash says so.
    const edited = join(tempDir(), 'edited.xlsx');
    copyFileSync(out, edited);
    const wb = new Excel.Workbook();
    await wb.xlsx.readFile(edited);
    const ws = wb.getWorksheet('pkg_initiatives')!;
    const col = (ws.getRow(1).values as unknown[]).indexOf('planned_budget');
    const cell = ws.getRow(5).getCell(col);
    cell.value = (cell.value as number) + 100;
    await wb.xlsx.writeFile(edited);
    const tampered = await readPackage(edited);
    expect(tampered.intact).toBe(false);
    expect(tampered.meta.sha256).toBe(s.sha256);
  }, 180_000);

  it('keeps its hash through openpyxl and LibreOffice saving it unchanged, and loses it to a cell either edits', async () => {
    const db = withFloats(office());
    const out = join(tempDir(), 'pkg.xlsx');
    const s = await submitPeriod(db, ctx, out, { period: '2026-Q3', lang: 'ar' });
    const sent = (await readPackage(out)).snapshot;
    /** The data cells of the initiatives that differ from what was sent, as [row, column]. */
    const differing = (tables: typeof sent.tables) =>
      sent.tables.initiatives.rows.flatMap((row, r) =>
        row.flatMap((v, c) => (tables.initiatives.rows[r]?.[c] === v ? [] : [[r, sent.tables.initiatives.columns[c]]])),
      );
    const dir = tempDir();

    // openpyxl, as a ministry's or an office's Python script would: loaded and saved unchanged,
    // then one budget cell of the machine part edited (the fifth data row).
    const same = join(dir, 'openpyxl-same.xlsx');
    expect(openpyxlSave(out, same)).toBe('veryHidden');
    const kept = await readPackage(same);
    expect(kept.sha256).toBe(s.sha256);
    expect(kept.intact).toBe(true);
    const edited = join(dir, 'openpyxl-edit.xlsx');
    openpyxlSave(out, edited, { row: 6, add: 100 });
    const tampered = await readPackage(edited);
    expect(tampered.intact).toBe(false);
    expect(differing(tampered.snapshot.tables)).toEqual([[4, 'planned_budget']]);
    // The hash per row names that initiative; the labels are untouched.
    const [id, code] = sent.tables.initiatives.rows[4]!;
    expect(kept.differs).toEqual([]);
    expect(tampered.labelsIntact).toBe(true);
    expect(tampered.differs).toEqual([{ table: 'initiatives', key: String(id), code, kind: 'changed' }]);

    // LibreOffice: the package saved as its own flat ODF and back to .xlsx, unchanged, and again
    // with one figure of the machine part changed in the flat file between the two.
    const flat = libreConvert(out, 'fods', join(dir, 'fods'));
    const back = await readPackage(libreConvert(flat, 'xlsx', join(dir, 'lo-same')));
    expect(back.intact).toBe(true);
    expect(back.labelsIntact).toBe(true);
    expect(differing(back.snapshot.tables)).toEqual([]);
    const changed = join(dir, 'fods', 'changed.fods');
    python(
      `
import re, sys
s = open(sys.argv[1], encoding='utf8').read()
a = s.index('table:name="pkg_initiatives"'); b = s.index('</table:table>', a)
m = re.search(r'office:value="(\\d{6,})"([^>]*)>\\s*<text:p>\\d+</text:p>', s[a:b])
v = int(m.group(1)) + 100
cell = m.group(0).replace(m.group(1), str(v))
open(sys.argv[2], 'w', encoding='utf8').write(s[:a] + s[a:b].replace(m.group(0), cell, 1) + s[b:])
`,
      flat,
      changed,
    );
    const lo = await readPackage(libreConvert(changed, 'xlsx', join(dir, 'lo-edit')));
    expect(lo.intact).toBe(false);
    expect(lo.meta.sha256).toBe(s.sha256);
    expect(differing(lo.snapshot.tables)).toHaveLength(1);
    expect(lo.differs).toEqual([expect.objectContaining({ table: 'initiatives', kind: 'changed' })]);
  }, 240_000);

  it('asks for an office code first and a reason for a second version, which the audit keeps', async () => {
    const db = newDb();
    loadDemo(db, ctx);
    const out = join(tempDir(), 'p.xlsx');
    await expect(submitPeriod(db, ctx, out, { period: '2026-Q3', lang: 'ar' })).rejects.toThrow(
      /office code is not set/,
    );
    expect(listSubmissions(db)).toEqual([]);
    updateSettings(db, ctx, { officeCode: 'ASW' });
    await submitPeriod(db, ctx, out, { period: '2026-Q3', lang: 'ar' });
    await expect(submitPeriod(db, ctx, join(tempDir(), 'p2.xlsx'), { period: '2026-Q3', lang: 'ar' })).rejects.toThrow(
      /needs a reason/,
    );
    const v2 = await submitPeriod(db, ctx, join(tempDir(), 'p2.xlsx'), {
      period: '2026-Q3',
      lang: 'ar',
      reason: 'تصحيح ميزانية مبادرة',
    });
    expect(v2.version).toBe(2);
    const audit = db
      .prepare("SELECT after FROM audit_log WHERE entity = 'submission' ORDER BY id DESC LIMIT 1")
      .pluck()
      .get() as string;
    expect(JSON.parse(audit)).toMatchObject({ period: '2026-Q3', version: 2, reason: 'تصحيح ميزانية مبادرة' });
    // New initiatives carry the office code; the old codes stay.
    const made = createInitiative(db, ctx, { title: 'مبادرة جديدة', clusterId: listClusters(db)[0]!.id, axes: [1] });
    expect(made.code).toBe('ASW-0001');
    expect(listInitiatives(db).filter((i) => i.code.startsWith('INI-')).length).toBeGreaterThan(300);
  }, 60_000);

  it('lists the changes since a submission as an independent diff of the register finds them', () => {
    const db = office();
    const before = takeSnapshot(db);
    const old = new Map(listInitiatives(db).map((i) => [i.id, i]));
    const random = seeded(15).next;
    const all = listInitiatives(db);
    const clusters = listClusters(db);
    for (let n = 0; n < 40; n++) {
      const i = all[Math.floor(random() * all.length)]!;
      if (!listInitiatives(db).some((x) => x.id === i.id)) continue;
      const pick = random();
      if (pick < 0.15) deleteInitiative(db, ctx, i.id);
      else if (pick < 0.5) updateInitiative(db, ctx, { id: i.id, plannedBudget: i.plannedBudget + 1000 });
      else if (pick < 0.7) updateInitiative(db, ctx, { id: i.id, title: `${i.title} (${n})`, progress: 50 });
      else if (pick < 0.8) updateInitiative(db, ctx, { id: i.id, clusterId: clusters[(n * 7) % clusters.length]!.id });
      else
        createInitiative(db, ctx, { title: `مبادرة ${n}`, clusterId: clusters[n % clusters.length]!.id, axes: [2, 5] });
    }
    const now = new Map(listInitiatives(db).map((i) => [i.id, i]));
    // The slow and obvious way, over the model's fields.
    const codes = (ids: string[], from: typeof now) => ids.map((id) => from.get(id)!.code).sort();
    const expected = {
      created: codes(
        [...now.keys()].filter((id) => !old.has(id)),
        now,
      ),
      deleted: codes(
        [...old.keys()].filter((id) => !now.has(id)),
        old,
      ),
      changed: [...now.values()]
        .filter((i) => old.has(i.id))
        .map((i) => ({
          code: i.code,
          fields: Object.keys(i)
            .filter((k) => JSON.stringify((i as never)[k]) !== JSON.stringify((old.get(i.id) as never)[k]))
            .filter((k) => k !== 'updatedAt' && k !== 'createdAt')
            // The register names a place by the field, not by its id.
            .map((k) => ({ regionId: 'region', clusterId: 'cluster' })[k] ?? k)
            .sort(),
        }))
        .filter((c) => c.fields.length > 0)
        .sort((a, b) => a.code.localeCompare(b.code)),
    };
    const got = changesSince(db, before);
    expect(got.created).toEqual(expected.created);
    expect(got.deleted).toEqual(expected.deleted);
    expect(got.changed.map((c) => ({ code: c.code, fields: [...c.fields].sort() }))).toEqual(expected.changed);
    expect(expected.changed.length + expected.created.length + expected.deleted.length).toBeGreaterThan(20);
    // Each field's value before and after, as the model holds it (places by their names).
    const places = new Map(
      [...listRegions(db), ...clusters].map((p) => [p.id, { ar: p.nameAr, en: p.nameEn }] as const),
    );
    const value = (i: (typeof all)[number], f: string) =>
      f === 'region'
        ? places.get(i.regionId)
        : f === 'cluster'
          ? i.clusterId
            ? places.get(i.clusterId)
            : null
          : (i as never)[f];
    const byCode = new Map([...now.values()].map((i) => [i.code, i]));
    for (const c of got.changed) {
      const i = byCode.get(c.code)!;
      expect(c.values).toEqual(
        c.fields.map((f) => ({ field: f, before: value(old.get(i.id)!, f), after: value(i, f) })),
      );
      expect(got.titles[c.code]).toBe(i.title);
    }
    expect(got.changed.some((c) => c.fields.includes('cluster'))).toBe(true);
    for (const code of got.deleted)
      expect(got.titles[code]).toBe([...old.values()].find((i) => i.code === code)!.title);
  });

  it('opens the ministry reply to a package it sent, and refuses one for another office or package', async () => {
    const db = office();
    const out = join(tempDir(), 'pkg.xlsx');
    const sent = await submitPeriod(db, ctx, out, { period: '2026-Q3', lang: 'ar' });
    const code = listInitiatives(db)[0]!.code;
    const reply = {
      officeCode: 'DLT',
      period: '2026-Q3',
      version: 1,
      sha256: sent.sha256,
      status: 'returned' as const,
      comment: 'يرجى مراجعة الميزانيات',
      comments: [{ code, comment: 'الميزانية أعلى من المعتمد' }],
      repliedAt: '2026-11-10T09:00:00Z',
    };
    const write = async (name: string, r: typeof reply) => {
      const f = join(tempDir(), name);
      await writeReply(f, r, 'ar');
      return f;
    };
    const audits = () => db.prepare('SELECT count(*) FROM audit_log').pluck().get() as number;
    // Refused, nothing changed: another office, a package never sent, a file that is no reply.
    const before = [listSubmissions(db), audits()];
    await expect(
      readReply(await write('other.xlsx', { ...reply, officeCode: 'CAI' })).then((r) => applyReply(db, ctx, r)),
    ).rejects.toThrow(/another office \(CAI\)/);
    await expect(
      readReply(await write('never.xlsx', { ...reply, sha256: 'f'.repeat(64) })).then((r) => applyReply(db, ctx, r)),
    ).rejects.toThrow(/never sent/);
    await expect(readReply(out)).rejects.toThrow(/not a ministry reply/);
    expect([listSubmissions(db), audits()]).toEqual(before);
    // The right one: the period is returned, with its comments.
    const applied = applyReply(db, ctx, await readReply(await write('reply.xlsx', reply)));
    expect(applied).toMatchObject({ status: 'returned', reply: { comment: 'يرجى مراجعة الميزانيات' } });
    expect(listSubmissions(db)[0]!.reply!.comments).toEqual([{ code, comment: 'الميزانية أعلى من المعتمد' }]);
  }, 60_000);

  it('answers the CLI contract: settings, submit, submissions, changes, reply, with their exit codes', async () => {
    const file = join(tempDir(), 'cli.tajammu');
    const run = async (...args: string[]) => {
      let out = '';
      let err = '';
      const code = await runCli(args, { out: (t) => (out += t), err: (t) => (err += t) });
      return { code, out, err, json: () => JSON.parse(out) as Record<string, unknown> };
    };
    await run('init', '--db', file, '--demo');
    const pkg = join(tempDir(), 'cli-pkg.xlsx');
    expect((await run('submit', '--db', file, '--period', '2026-Q3', '--out', pkg, '--json')).code).toBe(1);
    expect((await run('settings', '--db', file, '--set', 'officeCode=dl t')).code).toBe(1);
    expect((await run('settings', '--db', file, '--set', 'nonsense=1')).code).toBe(1);
    const set = await run(
      'settings',
      '--db',
      file,
      '--json',
      '--set',
      'officeCode=DLT',
      '--set',
      'periodKind=half',
      '--set',
      'deadlineDays=45',
    );
    expect(set.json()).toMatchObject({ officeCode: 'DLT', periodKind: 'half', fiscalYearStart: 7, deadlineDays: 45 });
    const submitted = await run('submit', '--db', file, '--period', '2026-Q3', '--out', pkg, '--json');
    expect(submitted.code).toBe(0);
    expect(Object.keys(submitted.json())).toEqual([
      'ok',
      'office',
      'period',
      'version',
      'initiatives',
      'sha256',
      'out',
    ]);
    expect(submitted.json()).toMatchObject({ ok: true, office: 'DLT', period: '2026-Q3', version: 1 });
    expect((await run('submit', '--db', file, '--period', '2026-Q3', '--out', join(tempDir(), 'x.xlsx'))).code).toBe(1);
    expect((await run('submit', '--db', file, '--out', pkg)).code).toBe(64);
    const list = (await run('submissions', '--db', file, '--json')).json() as {
      submissions: Record<string, unknown>[];
    };
    expect(Object.keys(list.submissions[0]!)).toEqual([
      'period',
      'version',
      'submittedAt',
      'initiatives',
      'sha256',
      'status',
    ]);
    const changes = (await run('changes', '--db', file, '--json')).json();
    expect(changes).toEqual({
      since: { period: '2026-Q3', version: 1 },
      created: [],
      deleted: [],
      changed: [],
      titles: {},
    });
    // A change, as the contract lists it, extended with the values before and after.
    const db = open(file);
    const [one] = listInitiatives(db);
    updateInitiative(db, ctx, { id: one!.id, plannedBudget: one!.plannedBudget + 50_000, status: 'on_hold' });
    db.close();
    const changed = (await run('changes', '--db', file, '--json')).json() as unknown as ChangesSince;
    expect(changed.changed).toEqual([
      {
        code: one!.code,
        fields: ['status', 'plannedBudget'],
        values: [
          { field: 'status', before: one!.status, after: 'on_hold' },
          { field: 'plannedBudget', before: one!.plannedBudget, after: one!.plannedBudget + 50_000 },
        ],
      },
    ]);
    expect(changed.titles).toEqual({ [one!.code]: one!.title });
    // The report carries them as a sheet when asked: a row per field, before and after as read.
    const report = join(tempDir(), 'with-changes.xlsx');
    expect((await run('export', '--db', file, '--out', report, '--lang', 'en', '--with-changes')).code).toBe(0);
    const wb = new Excel.Workbook();
    await wb.xlsx.readFile(report);
    const rows = (wb.getWorksheet('Changes since last submission')!.getSheetValues() as unknown[][])
      .filter(Boolean)
      .map((r) => r.slice(1));
    expect(rows).toContainEqual([
      'Changed initiative',
      `${one!.code} — ${one!.title}: Status`,
      MESSAGES.en.enums.status[one!.status],
      'On hold',
    ]);
    expect((await run('changes', '--db', file, '--since-submission', '2025-Q1', '--json')).code).toBe(1);
    const replyFile = join(tempDir(), 'r.xlsx');
    await writeReply(
      replyFile,
      {
        officeCode: 'DLT',
        period: '2026-Q3',
        version: 1,
        sha256: submitted.json().sha256 as string,
        status: 'accepted',
        comment: '',
        comments: [],
        repliedAt: '2026-11-01T00:00:00Z',
      },
      'en',
    );
    const replied = await run('reply', '--db', file, replyFile, '--json');
    expect(replied.json()).toEqual({ ok: true, period: '2026-Q3', version: 1, status: 'accepted', comments: 0 });
    expect((await run('reply', '--db', file, pkg, '--json')).code).toBe(2);
  }, 90_000);

  it('says what the changes move: budget by axis, gaps closed and opened, indicator values, in v2 too', async () => {
    const db = office();
    const first = await submitPeriod(db, ctx, join(tempDir(), 'v1.xlsx'), { period: '2026-Q3', lang: 'en' });
    const gap = getMatrix(db).find((r) => r.selected && r.clusterId && AXIS_IDS.some((a) => isGap(r, a)))!;
    const axis = AXIS_IDS.find((a) => isGap(gap, a))!;
    const budgetBefore = sumRows(getMatrix(db), axis).budget;
    const made = createInitiative(db, ctx, {
      title: 'سد فجوة',
      clusterId: gap.clusterId!,
      axes: [axis],
      plannedBudget: 5_000_00,
    });
    createIndicator(db, ctx, {
      initiativeId: made.id,
      name: 'عدد المتدربين',
      unit: 'فرد',
      baseline: 0,
      target: 40,
      values: [{ period: '2026-Q4', value: 12 }],
    });
    const detail = await changesDetail(db, first);
    expect(detail.created).toEqual([made.code]);
    expect(detail.gapsClosed).toContainEqual(expect.objectContaining({ clusterAr: gap.clusterNameAr, axis }));
    expect(detail.gapsOpened).toEqual([]);
    expect(detail.budgetByAxis[axis - 1]).toEqual({ axis, before: budgetBefore, after: budgetBefore + 5_000_00 });
    expect(detail.budgetByAxis[axis - 1]!.after).toBe(sumRows(getMatrix(db), axis).budget);
    expect(detail.indicatorValues).toEqual([
      { code: made.code, indicator: 'عدد المتدربين', period: '2026-Q4', before: null, after: 12 },
    ]);
    // The next package carries them as a sheet for the reviewer.
    const v2 = join(tempDir(), 'v2.xlsx');
    await submitPeriod(db, ctx, v2, { period: '2026-Q3', lang: 'en', reason: 'a gap closed' });
    const wb = new Excel.Workbook();
    await wb.xlsx.readFile(v2);
    const sheet = wb.getWorksheet('Changes since last submission')!;
    const kinds = sheet.getSheetValues().map((r) => (Array.isArray(r) ? String(r[1]) : ''));
    expect(kinds).toEqual(expect.arrayContaining(['New initiative', 'Gap closed', 'Indicator value']));
  }, 60_000);

  it('keeps the hash of text a workbook rewrites: line ends, control characters, _x escapes', async () => {
    const db = office();
    const [a, b, c] = listInitiatives(db);
    updateInitiative(db, ctx, { id: a!.id, notes: 'السطر الأول\r\nالسطر الثاني\rالثالث' });
    updateInitiative(db, ctx, { id: b!.id, notes: 'a\u000bb\u0001c\tد' });
    updateInitiative(db, ctx, { id: c!.id, notes: 'ref _x0041_ here' });
    const out = join(tempDir(), 'text.xlsx');
    const s = await submitPeriod(db, ctx, out, { period: '2026', lang: 'ar' });
    const pkg = await readPackage(out);
    expect(pkg.sha256).toBe(s.sha256);
    expect(pkg.intact).toBe(true);
  }, 60_000);

  it('records exactly the version its package names, and nothing when the file cannot be put in place', async () => {
    const db = office();
    await submitPeriod(db, ctx, join(tempDir(), 'v1.xlsx'), { period: '2026-Q3', lang: 'ar' });
    // Two second versions at once: the one recorded names its own version; the other fails whole.
    const outs = [join(tempDir(), 'a.xlsx'), join(tempDir(), 'b.xlsx')];
    const results = await Promise.allSettled(
      outs.map((out) => submitPeriod(db, ctx, out, { period: '2026-Q3', lang: 'ar', reason: 'تصحيح' })),
    );
    const done = results.flatMap((r, i) => (r.status === 'fulfilled' ? [[r.value, outs[i]!] as const] : []));
    expect(done.length).toBeGreaterThan(0);
    for (const [submission, out] of done) expect((await readPackage(out)).meta.version).toBe(submission.version);
    results.forEach((r, i) => r.status === 'rejected' && expect(existsSync(outs[i]!)).toBe(false));
    expect(listSubmissions(db).map((x) => x.version)).toEqual([1, ...done.map(([x]) => x.version)]);
    // The target cannot be replaced (a folder is in the way): no file, no record.
    const blocked = join(tempDir(), 'blocked.xlsx');
    mkdirSync(join(blocked, 'inside'), { recursive: true });
    const count = listSubmissions(db).length;
    await expect(submitPeriod(db, ctx, blocked, { period: '2026-Q4', lang: 'ar' })).rejects.toThrow();
    expect(listSubmissions(db)).toHaveLength(count);
  }, 90_000);

  it('answers replies by the office code the package left with, and refuses malformed ones as foreign', async () => {
    const db = office();
    const sent = await submitPeriod(db, ctx, join(tempDir(), 'p.xlsx'), { period: '2026-Q3', lang: 'ar' });
    updateSettings(db, ctx, { officeCode: 'DLT2' });
    const reply = {
      officeCode: 'DLT',
      period: '2026-Q3',
      version: 1,
      sha256: sent.sha256,
      status: 'accepted' as const,
      comment: '',
      comments: [],
      repliedAt: '2026-11-01T00:00:00Z',
    };
    const file = join(tempDir(), 'reply.xlsx');
    await writeReply(file, { ...reply, officeCode: 'DLT2' }, 'ar');
    await expect(readReply(file).then((r) => applyReply(db, ctx, r))).rejects.toThrow(/another office \(DLT2\)/);
    await writeReply(file, reply, 'ar');
    expect(applyReply(db, ctx, await readReply(file)).status).toBe('accepted');
    // A reply sheet whose comments are not a list: not a reply.
    const wb = new Excel.Workbook();
    await wb.xlsx.readFile(file);
    const meta = wb.getWorksheet('reply_meta')!;
    meta.eachRow((row) => {
      if (row.getCell(1).value === 'comments') row.getCell(2).value = '{"x":1}';
    });
    const bad = join(tempDir(), 'bad-reply.xlsx');
    await wb.xlsx.writeFile(bad);
    await expect(readReply(bad)).rejects.toMatchObject({ code: 'FOREIGN_FILE' });
  }, 60_000);
});
