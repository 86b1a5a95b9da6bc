/**
 * One rule set along every path: an initiative whose end comes before its start, or without a
 * title, is refused with the same words by the API (the repositories), the importer's preview,
 * the CLI's one-step import and the screen's editor.
 */
import { describe, expect, it } from 'vitest';
import { bilingual } from '../../db/core/messages';
import { loadDemo } from '../../db/demo';
import { dispatch } from '../../electron/api/dispatch';
import { runCli } from '../../electron/cli';
import { previewImport } from '../../electron/excel/import';
import { checkDraft, newDraft } from '../../renderer/features/initiatives/draft';
import { useTestDb } from '../helpers/db';
import { useTempDir } from '../helpers/tmp';
import { writeMessyRegister } from '../helpers/workbooks';

const newDb = useTestDb();
const tempDir = useTempDir();

describe('one rule set', () => {
  it('refuses an end before the start, and a missing title, in the same words on every path', async () => {
    const db = newDb();
    loadDemo(db, { source: 'ui' });
    const cluster = db.prepare('SELECT id FROM clusters ORDER BY code LIMIT 1').pluck().get() as string;
    const endBeforeStart = bilingual('rules.endBeforeStart');
    const noTitle = bilingual('rules.noTitle');

    // The API, into the repositories.
    const viaApi = await dispatch({ db, source: 'ui' }, 'initiatives.create', {
      title: 'تدريب',
      clusterId: cluster,
      axes: [2],
      startDate: '2026-05-01',
      endDate: '2026-01-31',
    });
    expect(viaApi.ok).toBe(false);
    if (!viaApi.ok) expect(viaApi.error.message).toEqual(endBeforeStart);

    // The importer's preview (the app) and the CLI's one-step import.
    const file = await writeMessyRegister(
      tempDir(),
      ['اسم المبادرة', 'التجمع', 'المحاور', 'تاريخ البدء', 'تاريخ الانتهاء'],
      [
        ['تدريب', 'أثاث دمياط', '2', '2026-05-01', '2026-01-31'],
        ['', 'أثاث دمياط', '3', '', ''],
      ],
    );
    const { plan } = await previewImport(db, file);
    expect(plan.errors.map((e) => e.message)).toEqual([endBeforeStart, noTitle]);
    let out = '';
    const code = await runCli(['import', file, '--db', db.name, '--json'], {
      out: (t) => (out += t),
      err: () => {},
    });
    expect(code).toBe(1);
    const json = JSON.parse(out) as { errors: { message: unknown }[] };
    expect(json.errors.map((e) => e.message)).toEqual([endBeforeStart, noTitle]);

    // The screen's editor: the same rules, by their message keys.
    const draft = { ...newDraft(cluster, '', 2), title: '', axes: [2], startDate: '2026-05-01', endDate: '2026-01-31' };
    const { errors } = checkDraft(draft, 2);
    expect(errors.endDate?.key).toBe('rules.endBeforeStart');
    expect(errors.title?.key).toBe('rules.noTitle');
  }, 60_000);
});

describe('a refused row creates nothing', () => {
  it('lists and creates the new places only of the rows it accepts, in the preview and with --skip-invalid', async () => {
    const db = newDb();
    const dir = tempDir();
    const file = await writeMessyRegister(
      dir,
      ['اسم المبادرة', 'الإقليم', 'التجمع', 'القطاع', 'المحاور', 'تاريخ البدء'],
      [
        ['تدريب الحرفيين', 'إقليم الواحات', 'تمور سيوة', 'التمور', '5', '2026-01-01'],
        ['معرض', 'إقليم البحر', 'صيد رأس البر', 'الصيد', '2', '31/02/2026'],
      ],
    );
    const { plan } = await previewImport(db, file);
    expect(plan.errors).toHaveLength(1);
    expect(plan.regionsToCreate.map((r) => r.nameAr)).toEqual(['إقليم الواحات']);
    expect(plan.clustersToCreate.map((c) => c.nameAr)).toEqual(['تمور سيوة']);
    expect(plan.sectorsToCreate.map((c) => c.nameAr)).toEqual(['التمور']);
    let out = '';
    const code = await runCli(['import', file, '--db', db.name, '--skip-invalid', '--json'], {
      out: (t) => (out += t),
      err: () => {},
    });
    expect(code).toBe(0);
    expect(JSON.parse(out)).toMatchObject({ created: 1, regionsCreated: 1, clustersCreated: 1, invalid: 1 });
    const count = (table: string) => db.prepare(`SELECT count(*) FROM ${table}`).pluck().get();
    expect([count('regions'), count('clusters'), count('sectors')]).toEqual([1, 1, 1]);
  }, 60_000);
});
