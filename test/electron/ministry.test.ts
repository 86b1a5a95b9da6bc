/**
 * The ministry's side (issue 17), through its command line as other tools script it: three
 * offices with overlapping initiative codes submit; the consolidated portfolio receives their
 * packages, flags one edited in openpyxl, ignores a duplicate, shows a resubmission's diff,
 * tells who reported on time, late or not at all, and returns a period whose reply the office
 * opens. The national totals are the sum of the offices' own.
 */
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { open } from '../../db/connection';
import { sumRows } from '../../db/core/measures';
import { getMatrix } from '../../db/queries/matrix';
import { nationalTrend } from '../../db/queries/national';
import { AXIS_IDS } from '../../db/core/axes';
import { loadDemo } from '../../db/demo';
import { listInitiatives, updateInitiative } from '../../db/repos/initiatives';
import { updateSettings } from '../../db/repos/settings';
import { listSubmissions } from '../../db/repos/submissions';
import { listReceived } from '../../db/repos/ministry';
import { cli, type Json } from '../helpers/cli';
import { submitPeriod } from '../../electron/excel/submit';
import Excel from '../../electron/excel/exceljs';
import { openpyxlSave, python } from '../helpers/others';
import { useTempDir } from '../helpers/tmp';

const tempDir = useTempDir();
const ctx = { source: 'cli' as const };

/** An office's portfolio: the demo under its own code, its budgets its own (codes overlap). */
function office(dir: string, code: string, factor: number) {
  const file = join(dir, `${code}.tajammu`);
  const db = open(file);
  loadDemo(db, ctx);
  updateSettings(db, ctx, { officeCode: code, officeName: `مكتب ${code}`, agencyName: 'جهاز تنمية المشروعات' });
  for (const i of listInitiatives(db).slice(0, 40)) {
    updateInitiative(db, ctx, { id: i.id, plannedBudget: i.plannedBudget * factor });
  }
  return { db, file };
}

/** A package with labels of its machine part set to other values, saved by openpyxl. */
function relabel(file: string, out: string, labels: Record<string, string>) {
  python(
    `
import json, sys, openpyxl
labels = json.loads(sys.argv[3])
wb = openpyxl.load_workbook(sys.argv[1])
for row in wb['pkg_meta'].iter_rows():
    if row[0].value in labels:
        row[1].value = labels[row[0].value]
wb.save(sys.argv[2])
`,
    file,
    out,
    JSON.stringify(labels),
  );
}

describe('the ministry: receive, see the nation, reply', () => {
  it('receives three offices, flags an edited package, ignores a duplicate, and sums the nation as the offices do', async () => {
    const dir = tempDir();
    const offices = [office(dir, 'DLT', 1), office(dir, 'SAI', 2), office(dir, 'ALX', 3)];
    // Q3 2026 is due on 30 October (30 days): DLT and SAI on time, ALX a week late.
    const sent: Record<string, string> = {};
    for (const [k, o] of offices.entries()) {
      const code = ['DLT', 'SAI', 'ALX'][k]!;
      sent[code] = join(dir, `${code}-2026-Q3-v1.xlsx`);
      await submitPeriod(o.db, ctx, sent[code], {
        period: '2026-Q3',
        lang: 'ar',
        now: new Date(code === 'ALX' ? '2026-11-06T10:00:00Z' : '2026-10-20T10:00:00Z'),
      });
    }
    // The initiative codes overlap: every office numbers INI-0001, INI-0002…
    expect(listInitiatives(offices[0]!.db)[0]!.code).toBe(listInitiatives(offices[1]!.db)[0]!.code);

    const m = join(dir, 'ministry.tajammu');
    expect((await cli('init', '--db', m, '--ministry')).code).toBe(0);
    expect((await cli('offices', '--db', m, '--add', 'QNA', '--name', 'مكتب قنا', '--json')).json).toEqual({
      offices: [{ code: 'QNA', name: 'مكتب قنا', active: true }],
    });

    // One package edited in openpyxl after it left the office (a budget in its machine part).
    const edited = join(dir, 'SAI-edited.xlsx');
    openpyxlSave(sent.SAI!, edited, { row: 3, add: 500 });
    const dry = await cli('receive', '--db', m, sent.DLT!, edited, '--dry-run', '--json');
    expect(dry.json.packages.map((p: Json) => [p.office, p.state, p.received])).toEqual([
      ['DLT', 'new', true],
      ['SAI', 'modified', false],
    ]);
    expect(dry.code).toBe(1);
    // The rows that differ from what the package's hashes cover: the one initiative edited.
    const [, second] = offices[1]!.db.prepare('SELECT id, code FROM initiatives ORDER BY id LIMIT 2').raw().all() as [
      number,
      string,
    ][];
    expect(dry.json.packages[1].edited).toEqual({
      labels: false,
      rows: [{ table: 'initiatives', key: String(second![0]), code: second![1], kind: 'changed' }],
      count: 1,
    });
    expect((await cli('status', '--db', m, '--json')).json.rows.filter((r: Json) => r.state !== 'missing')).toEqual([]);

    const got = await cli('receive', '--db', m, sent.DLT!, edited, sent.ALX!, '--json');
    expect(got.code).toBe(1);
    expect(got.json.packages).toEqual([
      {
        file: sent.DLT,
        office: 'DLT',
        period: '2026-Q3',
        version: 1,
        state: 'new',
        initiatives: listInitiatives(offices[0]!.db).length,
        diff: { created: listInitiatives(offices[0]!.db).length, changed: 0, deleted: 0 },
        message: null,
        received: true,
        newOffice: true,
        replaces: null,
        edited: null,
      },
      expect.objectContaining({ office: 'SAI', state: 'modified', received: false, message: expect.any(Object) }),
      expect.objectContaining({ office: 'ALX', state: 'new', received: true }),
    ]);
    // The edited one only when the user says so, and marked; the office's own copy of version 1
    // then differs from what was kept under that version, so it is refused, not merged.
    const taken = await cli('receive', '--db', m, edited, '--accept-modified', '--json');
    expect(taken.json.packages[0]).toMatchObject({ office: 'SAI', state: 'modified', received: true });
    expect(taken.code).toBe(0);
    const again = await cli('receive', '--db', m, sent.SAI!, '--json');
    expect(again.json.packages[0]).toMatchObject({ state: 'refused', received: false });

    // A duplicate changes nothing: not a byte of the consolidated portfolio.
    const before = readFileSync(m);
    const dup = await cli('receive', '--db', m, sent.DLT!, '--json');
    expect(dup.json.packages[0]).toMatchObject({ state: 'duplicate', received: false });
    expect(dup.code).toBe(0);
    expect(readFileSync(m).equals(before)).toBe(true);

    // Who reported: on time, late, and QNA missing; a closed office would be left out.
    const status = await cli('status', '--db', m, '--period', '2026-Q3', '--json');
    expect(status.json.rows).toEqual([
      { office: 'ALX', period: '2026-Q3', state: 'late', version: 1 },
      { office: 'DLT', period: '2026-Q3', state: 'on_time', version: 1 },
      { office: 'QNA', period: '2026-Q3', state: 'missing', version: null },
      { office: 'SAI', period: '2026-Q3', state: 'on_time', version: 1 },
    ]);
    expect(status.json.counts['2026-Q3']).toEqual({ missing: 1, on_time: 2, late: 1, accepted: 0, returned: 0 });

    // Accepted, the nation's totals are the offices' totals, axis by axis.
    for (const code of ['DLT', 'ALX']) {
      expect(
        (await cli('accept', '--db', m, '--office', code, '--period', '2026-Q3', '--out', join(dir, `r-${code}.xlsx`)))
          .code,
      ).toBe(0);
    }
    const national = (await cli('matrix', '--db', m, '--period', '2026-Q3', '--json')).json;
    const own = await Promise.all(
      [offices[0]!, offices[2]!].map(
        async (o) => (await cli('matrix', '--db', o.file, '--period', '2026-Q3', '--json')).json,
      ),
    );
    expect(national.totals).toEqual({
      initiatives: own[0]!.totals.initiatives.map((n: number, i: number) => n + own[1]!.totals.initiatives[i]),
      budget: own[0]!.totals.budget.map((n: number, i: number) => n + own[1]!.totals.budget[i]),
    });
    expect(new Set(national.rows.map((r: Json) => r.office))).toEqual(new Set(['DLT', 'ALX']));
    // The trend: per period, budget by axis as the offices' own matrices sum it.
    const mdb = open(m);
    const trend = nationalTrend(mdb);
    mdb.close();
    const own2 = [offices[0]!, offices[2]!].map((o) => getMatrix(o.db, { period: '2026-Q3' }));
    expect(trend.map((p) => [p.period, p.offices])).toEqual([['2026-Q3', 2]]);
    expect(trend[0]!.budget).toEqual(AXIS_IDS.map((a) => sumRows(own2[0]!, a).budget + sumRows(own2[1]!, a).budget));
    // The health rules over the nation: each office's findings, with its office.
    const findings = (await cli('check', '--db', m, '--period', '2026-Q3', '--json')).json.findings as Json[];
    const ownFindings = await Promise.all(
      [offices[0]!, offices[2]!].map(
        async (o) => (await cli('check', '--db', o.file, '--json')).json.findings as Json[],
      ),
    );
    expect(findings.length).toBe(ownFindings[0]!.length + ownFindings[1]!.length);
    // The same findings as the office's own, its initiative codes carrying the office (the national key).
    const dltFindings = findings.filter((f) => f.office === 'DLT').map(({ office: _o, ...f }) => f);
    expect(JSON.parse(JSON.stringify(dltFindings).replaceAll('DLT:', ''))).toEqual(ownFindings[0]);
    // The national report: the office's workbook over both, a summary per office, who reported.
    const report = join(dir, 'national.xlsx');
    expect((await cli('export', '--db', m, '--out', report, '--period', '2026-Q3', '--lang', 'en')).code).toBe(0);
    const wb = new Excel.Workbook();
    await wb.xlsx.readFile(report);
    const summary = (wb.getWorksheet('Offices summary')!.getSheetValues() as unknown[][]).filter(Boolean);
    const counts = Object.fromEntries(summary.slice(1).map((r) => [r[1], r[5]]));
    expect(Object.keys(counts).sort()).toEqual(['ALX', 'DLT']);
    // Each office's count is its own matrix's, over its own file.
    expect(counts.DLT).toBe(sumRows(getMatrix(offices[0]!.db, { period: '2026-Q3' }), null).n);
    expect(counts.ALX).toBe(sumRows(getMatrix(offices[2]!.db, { period: '2026-Q3' }), null).n);
    const grid = (wb.getWorksheet('Submission status')!.getSheetValues() as unknown[][]).filter(Boolean);
    expect(grid.map((r) => r[1])).toEqual(['Office code', 'ALX', 'DLT', 'QNA', 'SAI']);
    const register = wb.getWorksheet('Initiative register')!;
    expect(String(register.getRow(2).getCell(1).value)).toMatch(/^(ALX|DLT):/);
    const dlt = (await cli('matrix', '--db', m, '--office', 'DLT', '--period', '2026-Q3', '--json')).json;
    expect(dlt.totals).toEqual(own[0]!.totals);
    expect(dlt.rows.map(({ office: o, ...r }: Json) => (expect(o).toBe('DLT'), r))).toEqual(own[0]!.rows);

    // SAI's period returned with comments; the office opens the reply and sees them.
    const comments = join(dir, 'comments.json');
    const first = listInitiatives(offices[1]!.db)[0]!;
    writeFileSync(comments, JSON.stringify([{ code: first.code, comment: 'الميزانية لا تطابق الخطة' }]));
    const back = join(dir, 'reply-SAI.xlsx');
    const returned = await cli(
      'return',
      '--db',
      m,
      '--office',
      'SAI',
      '--period',
      '2026-Q3',
      '--comment',
      'يرجى مراجعة الميزانيات',
      '--comments',
      comments,
      '--out',
      back,
    );
    expect(returned.code).toBe(0);
    // The reply names the package the office sent, not the edited copy's rows.
    const opened = await cli('reply', '--db', offices[1]!.file, back, '--json');
    expect(opened.json).toEqual({ ok: true, period: '2026-Q3', version: 1, status: 'returned', comments: 1 });
    expect(listSubmissions(offices[1]!.db)[0]!.reply?.comments).toEqual([
      { code: first.code, comment: 'الميزانية لا تطابق الخطة' },
    ]);
    // A reply for another office is refused there, nothing changed.
    const size = statSync(offices[0]!.file).size;
    expect((await cli('reply', '--db', offices[0]!.file, back, '--json')).code).toBe(1);
    expect(statSync(offices[0]!.file).size).toBe(size);

    // SAI corrects and submits version 2: a resubmission, its differences from version 1 shown.
    updateInitiative(offices[1]!.db, ctx, { id: first.id, plannedBudget: first.plannedBudget + 1000 });
    const v2 = join(dir, 'SAI-2026-Q3-v2.xlsx');
    await submitPeriod(offices[1]!.db, ctx, v2, { period: '2026-Q3', lang: 'ar', reason: 'تصحيح الميزانية' });
    const resub = await cli('receive', '--db', m, v2, '--json');
    expect(resub.json.packages[0]).toMatchObject({
      office: 'SAI',
      version: 2,
      state: 'resubmission',
      replaces: { version: 1, changed: 2 },
    });
    expect((await cli('status', '--db', m, '--period', '2026-Q3', '--json')).json.rows).toContainEqual({
      office: 'SAI',
      period: '2026-Q3',
      // Sent again after the deadline: late.
      state: 'late',
      version: 2,
    });
    for (const o of offices) o.db.close();
  }, 180_000);

  it('refuses what is not for it: an office file, a foreign file, a template without its office and period', async () => {
    const dir = tempDir();
    const o = office(dir, 'DLT', 1);
    o.db.close();
    expect((await cli('receive', '--db', o.file, join(dir, 'x.xlsx'))).code).toBe(1);
    const m = join(dir, 'm.tajammu');
    await cli('init', '--db', m, '--ministry');
    const template = join(dir, 'template.xlsx');
    expect((await cli('template', '--out', template)).code).toBe(0);
    const r = await cli('receive', '--db', m, template, '--json');
    expect(r.code).toBe(2);
    expect(r.json.packages[0]).toMatchObject({ office: null, state: 'refused', received: false });
    expect(r.json.packages[0].message.en).toContain('--office');
    // The template filled by hand (in openpyxl), received for the office and period named.
    const filled = join(dir, 'qna-filled.xlsx');
    python(
      `
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
ws = wb['سجل المبادرات']
head = [c.value for c in ws[1]]
for title, budget in (('تدريب الحرفيين على التشطيب', 250000), ('علامة تجارية للفخار', 120000)):
    row = [None] * len(head)
    row[head.index('عنوان المبادرة')] = title
    row[head.index('الإقليم')] = 'إقليم قنا'
    row[head.index('التجمع الإنتاجي')] = 'فخار قنا'
    row[head.index('المحور 5: التدريب')] = 'نعم'
    row[head.index('الميزانية المخططة (EGP)')] = budget
    ws.append(row)
wb.save(sys.argv[2])
`,
      template,
      filled,
    );
    expect((await cli('receive', '--db', m, filled, '--office', 'QNA', '--period', '2026-Q3')).code).toBe(1);
    await cli('offices', '--db', m, '--add', 'QNA', '--name', 'مكتب قنا');
    const t = await cli('receive', '--db', m, filled, '--office', 'QNA', '--period', '2026-Q3', '--json');
    expect(t.json.packages[0]).toMatchObject({
      office: 'QNA',
      version: 1,
      state: 'new',
      initiatives: 2,
      received: true,
    });
    // The same filled template again: the same rows for the same office and period, a duplicate.
    const twice = await cli('receive', '--db', m, filled, '--office', 'QNA', '--period', '2026-Q3', '--json');
    expect(twice.json.packages[0]).toMatchObject({ office: 'QNA', state: 'duplicate', received: false });
    // Corrected by hand and sent again: a second version, compared row by row with the first.
    const corrected = join(dir, 'qna-corrected.xlsx');
    python(
      `
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
ws = wb['سجل المبادرات']
col = [c.value for c in ws[1]].index('الميزانية المخططة (EGP)') + 1
ws.cell(ws.max_row, col).value = 130000
wb.save(sys.argv[2])
`,
      filled,
      corrected,
    );
    const v2 = await cli('receive', '--db', m, corrected, '--office', 'QNA', '--period', '2026-Q3', '--json');
    expect(v2.json.packages[0]).toMatchObject({
      state: 'resubmission',
      version: 2,
      replaces: { version: 1, created: 0, changed: 1, deleted: 0 },
    });
    const db = open(m);
    expect(listReceived(db)).toHaveLength(2);
    expect(listReceived(db).find((r) => r.version === 1)).toMatchObject({
      provenance: 'template',
      submittedAt: null,
      fileName: 'qna-filled.xlsx',
    });
    db.close();
    expect((await cli('init', '--db', join(dir, 'd.tajammu'), '--ministry', '--demo')).code).toBe(64);
  }, 60_000);

  it('keeps to its rules: a relabelled header refused, an unchanged resubmission taken, a closed office left out, a return said why', async () => {
    const dir = tempDir();
    const o = office(dir, 'DLT', 1);
    const v1 = join(dir, 'v1.xlsx');
    await submitPeriod(o.db, ctx, v1, { period: '2026-Q3', lang: 'ar', now: new Date('2026-10-10T09:00:00Z') });
    const m = join(dir, 'm.tajammu');
    await cli('init', '--db', m, '--ministry');
    // The header says another period, in a form no calendar knows: not a package, nothing kept.
    const relabelled = join(dir, 'relabelled.xlsx');
    relabel(v1, relabelled, { period: 'garbage' });
    const bad = await cli('receive', '--db', m, relabelled, '--json');
    expect(bad.code).toBe(2);
    expect(bad.json.packages[0]).toMatchObject({ state: 'refused', office: null, received: false });
    expect((await cli('status', '--db', m, '--json')).code).toBe(0);
    // Relabelled to another well-formed period: the labels' hash says so, and it is not received.
    const moved = join(dir, 'moved.xlsx');
    relabel(v1, moved, { period: '2026-Q2' });
    const shifted = await cli('receive', '--db', m, moved, '--json');
    expect(shifted.code).toBe(1);
    expect(shifted.json.packages[0]).toMatchObject({
      period: '2026-Q2',
      state: 'modified',
      received: false,
      edited: { labels: true, rows: [], count: 0 },
    });
    // A package in another currency: its amounts cannot be added to the nation's.
    const dollars = office(dir, 'USD', 1);
    updateSettings(dollars.db, ctx, { currencyCode: 'USD' });
    const inUsd = join(dir, 'usd.xlsx');
    await submitPeriod(dollars.db, ctx, inUsd, { period: '2026-Q3', lang: 'ar' });
    dollars.db.close();
    const usd = await cli('receive', '--db', m, inUsd, '--json');
    expect(usd.code).toBe(1);
    expect(usd.json.packages[0]).toMatchObject({ state: 'refused', received: false });
    expect(usd.json.packages[0].message.en).toMatch(/USD.*EGP/);
    // An office's work is refused on the ministry's file.
    expect((await cli('import', '--db', m, relabelled)).code).not.toBe(0);
    expect((await cli('submit', '--db', m, '--period', '2026-Q3', '--out', join(dir, 'x.xlsx'))).code).toBe(1);
    // Version 2 with the same rows (the office submitted again, with a reason): a resubmission.
    expect((await cli('receive', '--db', m, v1)).code).toBe(0);
    const v2 = join(dir, 'v2.xlsx');
    await submitPeriod(o.db, ctx, v2, {
      period: '2026-Q3',
      lang: 'ar',
      reason: 'إرسال ثانٍ',
      now: new Date('2026-10-12T09:00:00Z'),
    });
    const again = await cli('receive', '--db', m, v2, '--json');
    expect(again.json.packages[0]).toMatchObject({
      state: 'resubmission',
      version: 2,
      received: true,
      replaces: { version: 1, created: 0, changed: 0, deleted: 0 },
    });
    // A decision names the version looked at; a return says why.
    const out = join(dir, 'r.xlsx');
    expect(
      (await cli('accept', '--db', m, '--office', 'DLT', '--period', '2026-Q3', '--version', '1', '--out', out)).code,
    ).toBe(1);
    expect((await cli('return', '--db', m, '--office', 'DLT', '--period', '2026-Q3', '--out', out)).code).toBe(1);
    expect(
      (await cli('accept', '--db', m, '--office', 'DLT', '--period', '2026-Q3', '--version', '2', '--out', out)).code,
    ).toBe(0);
    // Reopened with a reason (kept in the audit), it waits for a decision again.
    expect((await cli('reopen', '--db', m, '--office', 'DLT', '--period', '2026-Q3')).code).toBe(1);
    const reason = ['reopen', '--db', m, '--office', 'DLT', '--period', '2026-Q3', '--reason', 'مراجعة الميزانية'];
    expect((await cli(...reason)).code).toBe(0);
    const audit = open(m);
    const last = audit.prepare("SELECT after FROM audit_log WHERE entity = 'received' ORDER BY id DESC LIMIT 1");
    expect(last.pluck().get() as string).toContain('مراجعة الميزانية');
    audit.close();
    expect(
      (await cli('accept', '--db', m, '--office', 'DLT', '--period', '2026-Q3', '--out', out, '--force')).code,
    ).toBe(0);
    // A period nobody reported shows every office missing; a closed office is left out after it closed.
    await cli('offices', '--db', m, '--add', 'QNA', '--name', 'مكتب قنا');
    await cli('offices', '--db', m, '--add', 'ASW', '--name', 'مكتب أسوان');
    await cli('offices', '--db', m, '--close', 'ASW', '--since', '2026-08-01');
    const grid = (await cli('status', '--db', m, '--json')).json;
    expect(grid.periods[0]).toBe('2026-Q3');
    const q3 = grid.rows.filter((r: Json) => r.period === '2026-Q3');
    expect(q3).toEqual([
      { office: 'DLT', period: '2026-Q3', state: 'accepted', version: 2 },
      { office: 'QNA', period: '2026-Q3', state: 'missing', version: null },
    ]);
    o.db.close();
  }, 120_000);
});
