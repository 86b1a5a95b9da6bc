import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { open } from '../../db/connection';
import { AppError } from '../../db/core/errors';
import { getFindings } from '../../db/queries/health';
import { getMatrix } from '../../db/queries/matrix';
import { addDraft, commitDrafts, discardDrafts, listDrafts, removeDraft, withDrafts } from '../../db/queries/planning';
import { listAudit } from '../../db/repos/audit';
import * as clusters from '../../db/repos/clusters';
import * as initiatives from '../../db/repos/initiatives';
import * as regions from '../../db/repos/regions';
import { useTestDb } from '../helpers/db';
import { useTempDir } from '../helpers/tmp';

const newDb = useTestDb();
const tempDir = useTempDir();
const ui = { source: 'ui' } as const;

function seed(db: ReturnType<typeof newDb>) {
  const region = regions.createRegion(db, ui, { nameAr: 'إقليم الدلتا' });
  const cluster = clusters.createCluster(db, ui, { regionId: region.id, nameAr: 'أثاث دمياط' });
  const existing = initiatives.createInitiative(db, ui, {
    title: 'تدريب',
    clusterId: cluster.id,
    axes: [5],
    plannedBudget: 1000,
  });
  return { region, cluster, existing };
}

describe('db/queries/planning (what-if)', () => {
  it('previews drafts without touching the portfolio, its audit log or its codes', () => {
    const db = newDb();
    const { cluster, existing } = seed(db);
    const audit = listAudit(db, { limit: 1000 }).length;
    addDraft(db, ui, {
      kind: 'create',
      input: { title: 'علامة تجارية', clusterId: cluster.id, axes: [3], plannedBudget: 5000 },
    });
    addDraft(db, ui, { kind: 'update', input: { id: existing.id, axes: [5, 7] } });

    const { value, problems } = withDrafts(db, () => ({
      matrix: getMatrix(db),
      gaps: getFindings(db, { rules: ['R1'] }),
    }));
    expect(problems).toEqual([]);
    expect(value.matrix[0]!.initiatives).toEqual([0, 0, 1, 0, 1, 0, 1]);
    expect(value.matrix[0]!.budget).toEqual([0, 0, 5000, 0, 1000, 0, 1000]);
    expect(value.gaps.map((f) => f.axis)).toEqual([1, 2, 4, 6]);

    // Nothing of it stayed.
    expect(getMatrix(db)[0]!.initiatives).toEqual([0, 0, 0, 0, 1, 0, 0]);
    expect(initiatives.listInitiatives(db)).toHaveLength(1);
    // Only the two drafts' own entries: the preview wrote nothing.
    expect(listAudit(db, { limit: 1000 })).toHaveLength(audit + 2);
    expect(listAudit(db, { entity: 'plan_draft' }).map((a) => a.action)).toEqual(['create', 'create']);
    expect(initiatives.createInitiative(db, ui, { title: 'بعد', clusterId: cluster.id, axes: [1] }).code).toBe(
      'INI-0002',
    );
  });

  it('keeps drafts in the file across closing and opening it', () => {
    const file = join(tempDir(), 'p.tajammu');
    const db = open(file);
    const { cluster } = seed(db);
    addDraft(db, ui, { kind: 'create', input: { title: 'مسودة', clusterId: cluster.id, axes: [2] } });
    db.close();
    const again = open(file);
    expect(listDrafts(again).map((d) => [d.kind, d.input.title])).toEqual([['create', 'مسودة']]);
    again.close();
  });

  it('refuses a draft the portfolio would refuse, and names drafts that stopped applying', () => {
    const db = newDb();
    const { region, cluster } = seed(db);
    const bad = () =>
      addDraft(db, ui, {
        kind: 'create',
        input: { title: 'خطأ', clusterId: cluster.id, axes: [1], startDate: '2026-05-01', endDate: '2026-01-01' },
      });
    expect(bad).toThrow(AppError);
    expect(listDrafts(db)).toEqual([]);

    const other = clusters.createCluster(db, ui, { regionId: region.id, nameAr: 'فخار' });
    const draft = addDraft(db, ui, {
      kind: 'create',
      input: { title: 'في تجمع سيحذف', clusterId: other.id, axes: [4] },
    });
    clusters.deleteCluster(db, ui, other.id);
    const { problems } = withDrafts(db, () => getMatrix(db));
    expect(problems.map((p) => p.draftId)).toEqual([draft.id]);
    expect(problems[0]!.message.en).toMatch(/cluster/i);
  });

  it('commits all drafts in one step or none, then ends the session; discards on request', () => {
    const db = newDb();
    const { cluster, existing } = seed(db);
    addDraft(db, ui, { kind: 'create', input: { title: 'جديدة', clusterId: cluster.id, axes: [1] } });
    const d2 = addDraft(db, ui, { kind: 'update', input: { id: existing.id, status: 'active' } });
    removeDraft(db, ui, d2.id);
    addDraft(db, ui, { kind: 'update', input: { id: existing.id, progress: 40 } });
    expect(commitDrafts(db, ui)).toEqual({ created: 1, updated: 1 });
    expect(listDrafts(db)).toEqual([]);
    expect(initiatives.getInitiative(db, existing.id)).toMatchObject({ progress: 40, status: 'planned' });
    expect(initiatives.listInitiatives(db).map((i) => i.title)).toContain('جديدة');

    // A draft that fails at commit time leaves everything as it was, drafts included.
    const other = clusters.createCluster(db, ui, { regionId: cluster.regionId, nameAr: 'فخار' });
    addDraft(db, ui, { kind: 'create', input: { title: 'أولى', clusterId: cluster.id, axes: [2] } });
    addDraft(db, ui, { kind: 'create', input: { title: 'ثانية', clusterId: other.id, axes: [2] } });
    clusters.deleteCluster(db, ui, other.id);
    const count = initiatives.listInitiatives(db).length;
    expect(() => commitDrafts(db, ui)).toThrow(AppError);
    expect(initiatives.listInitiatives(db)).toHaveLength(count);
    expect(listDrafts(db)).toHaveLength(2);
    expect(discardDrafts(db, ui)).toBe(2);
    expect(listDrafts(db)).toEqual([]);
  });
});
