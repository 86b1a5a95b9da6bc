/**
 * The classification assistant (issue 14, point 10): proposals with their reasons, from the
 * axes' own words and from similar classified titles; and its measured accuracy, held to a floor
 * (the figures themselves are printed by `npm run bench`).
 */
import { describe, expect, it } from 'vitest';
import { classifier, stem, words } from '../../db/core/classify';
import { loadDemo } from '../../db/demo';
import { proposeAxes } from '../../db/queries/classify';
import { getMatrix } from '../../db/queries/matrix';
import { classifyInitiatives, createInitiative } from '../../db/repos/initiatives';
import { createRegion } from '../../db/repos/regions';
import { measureClassification } from '../helpers/classify-measure';
import { useTestDb } from '../helpers/db';

const newDb = useTestDb();

describe('core/classify', () => {
  it('folds the forms a word takes in titles', () => {
    expect(new Set(['التدريب', 'تدريب', 'والتدريب', 'تدريبات'].map(stem)).size).toBe(1);
    expect(stem('formations')).toBe(stem('Formation'));
    expect(words('برنامج تدريب في إقليم الدلتا')).toEqual(['تدريب', 'دلتا']);
  });

  it('proposes axis 5 for training by the axis’s own word, and says so', () => {
    const p = classifier([]).propose('دورات تدريب للحرفيين على التشطيب');
    expect(p[0]!.axis).toBe(5);
    expect(p[0]!.reasons[0]).toEqual({ kind: 'term', word: expect.stringMatching(/تدريب|دورة|دورات/) });
    expect(classifier([]).propose('Formation des artisans')[0]!.axis).toBe(5);
  });

  it('learns from the office’s classified initiatives with similar titles, naming the one it follows', () => {
    const office = [{ code: 'DLT-7', title: 'مسابقة سنوية لأفضل قطعة أثاث', axes: [3] }];
    const p = classifier(office).propose('مسابقة أفضل قطعة كليم');
    expect(p[0]).toMatchObject({ axis: 3, reasons: [{ kind: 'similar', code: 'DLT-7' }] });
    expect(classifier([]).propose('مسابقة أفضل قطعة كليم')).toEqual([]);
  });

  it('proposes only what the user accepts: proposals are read, the classification is written on accept', () => {
    const db = newDb();
    loadDemo(db, { source: 'ui' });
    const region = createRegion(db, { source: 'ui' }, { nameAr: 'إقليم جديد' });
    const loose = createInitiative(
      db,
      { source: 'ui' },
      { title: 'تأهيل الحرفيين الجدد', regionId: region.id, axes: [] },
    );
    const [only] = proposeAxes(db);
    expect(only).toMatchObject({ id: loose.id, proposals: [{ axis: 5 }, ...only!.proposals.slice(1)] });
    expect(getMatrix(db).find((r) => r.regionId === region.id)!.unclassified.initiatives).toBe(1);
    classifyInitiatives(db, { source: 'ui' }, [{ id: loose.id, axes: [only!.proposals[0]!.axis] }]);
    expect(proposeAxes(db)).toEqual([]);
    expect(getMatrix(db).find((r) => r.regionId === region.id)!.initiatives[4]).toBe(1);
  });

  it('keeps its measured accuracy: first proposal a true axis (demo leave-one-out, titles written apart)', () => {
    const db = newDb();
    loadDemo(db, { source: 'ui' });
    const [demo, held, independent] = measureClassification(db);
    // Floors a little under what was measured when written (91.5 %, 95.2 %, 72.9 %).
    expect(demo!.firstRight / demo!.initiatives).toBeGreaterThan(0.85);
    expect(held!.firstRight / held!.initiatives).toBeGreaterThan(0.85);
    expect(independent!.firstRight / independent!.initiatives).toBeGreaterThan(0.65);
  }, 60_000);
});
