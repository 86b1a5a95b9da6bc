import type { Db } from '../connection';
import { AppError } from '../core/errors';
import { QUALITY_STATUSES, type InitiativeStatus } from '../core/model';
import { getStats } from '../queries/stats';
import type { WriteContext } from '../repos/audit';
import { createCluster } from '../repos/clusters';
import { createIndicator } from '../repos/indicators';
import { createInitiative } from '../repos/initiatives';
import { createRegion } from '../repos/regions';
import { createSector } from '../repos/sectors';
import { updateSettings } from '../repos/settings';
import { DEMO_REGIONS, DEMO_SECTORS } from './data';
import { AXIS_TITLES, LEAD_BODIES, REGION_WIDE_TITLES } from './titles';

/** A small deterministic generator, so every demo portfolio is the same and tests can rely on it. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const STATUS_WEIGHTS: [InitiativeStatus, number][] = [
  ['planned', 0.2],
  ['active', 0.45],
  ['on_hold', 0.07],
  ['completed', 0.23],
  ['cancelled', 0.05],
];

/** The calendar quarters from one date to another, each with its last day. */
function quartersBetween(from: string, to: string): { period: string; last: string }[] {
  const out: { period: string; last: string }[] = [];
  let y = Number(from.slice(0, 4));
  let q = Math.floor((Number(from.slice(5, 7)) - 1) / 3) + 1;
  for (;;) {
    const last = new Date(Date.UTC(y, q * 3, 0)).toISOString().slice(0, 10);
    if (last > to) break;
    out.push({ period: `${y}-Q${q}`, last });
    if (++q > 4) [y, q] = [y + 1, 1];
  }
  return out;
}

/**
 * Fills an empty portfolio with the demo: 4 regions, 24 clusters, about 300 initiatives, dated
 * around `today` (the real date unless given).
 */
export function loadDemo(db: Db, ctx: WriteContext, options: { today?: string } = {}): void {
  db.transaction(() => {
    const stats = getStats(db);
    if (stats.regions + stats.clusters + stats.initiatives > 0) {
      throw new AppError('CONFLICT', {
        ar: 'لا يمكن تحميل المحفظة التجريبية إلا في ملف فارغ.',
        en: 'The demo portfolio can only be loaded into an empty file.',
      });
    }
    const rnd = random(20261127);
    const pick = <T>(items: readonly T[]): T => items[Math.floor(rnd() * items.length)]!;
    const int = (lo: number, hi: number): number => lo + Math.floor(rnd() * (hi - lo + 1));
    const status = (): InitiativeStatus => {
      let r = rnd();
      for (const [s, w] of STATUS_WEIGHTS) if ((r -= w) < 0) return s;
      return 'active';
    };
    // Dates are placed around today so that the demo reads as a live portfolio whenever it is
    // loaded: what ended is mostly completed, a few are overdue, what has not begun is planned.
    const now = new Date(`${options.today ?? new Date().toISOString().slice(0, 10)}T00:00:00Z`);
    const monthsFromNow = (m: number, day: number) => {
      const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + m, day));
      return d.toISOString().slice(0, 10);
    };
    const today = now.toISOString().slice(0, 10);
    const timeline = () => {
      const from = int(-30, 4);
      const start = monthsFromNow(from, 1);
      const end = monthsFromNow(from + int(9, 30), 28);
      const r = rnd();
      const st: InitiativeStatus =
        start > today
          ? 'planned'
          : end < today
            ? r < 0.85
              ? 'completed'
              : r < 0.93
                ? 'active'
                : 'cancelled'
            : r < 0.82
              ? 'active'
              : r < 0.92
                ? 'on_hold'
                : r < 0.96
                  ? 'planned'
                  : 'cancelled';
      return { start, end, st };
    };

    updateSettings(db, ctx, { officeName: 'مكتب تنمية التجمعات الإنتاجية – الإدارة المركزية' });
    const sectorIds = new Map<string, string>();
    for (const [key, names] of Object.entries(DEMO_SECTORS)) {
      const s = createSector(db, ctx, { code: key.toUpperCase(), nameAr: names.ar, nameEn: names.en });
      sectorIds.set(key, s.id);
    }

    let clusterIndex = 0;
    for (const region of DEMO_REGIONS) {
      const r = createRegion(db, ctx, { code: region.code, nameAr: region.nameAr, nameEn: region.nameEn });
      for (const title of REGION_WIDE_TITLES) {
        createInitiative(db, ctx, {
          title: `${title.title} في ${region.nameAr}`,
          regionId: r.id,
          axes: title.axes,
          primaryAxis: title.axes[0],
          leadBody: pick(LEAD_BODIES),
          status: status(),
          plannedBudget: int(20, 60) * 100_000_00,
          startDate: `${int(2024, 2025)}-0${int(1, 9)}-01`,
        });
      }
      for (const dc of region.clusters) {
        clusterIndex += 1;
        const cl = createCluster(db, ctx, {
          code: dc.code,
          regionId: r.id,
          sectorId: sectorIds.get(dc.sector) ?? null,
          nameAr: dc.nameAr,
          nameEn: dc.nameEn,
          mainProducts: dc.products,
          microCount: dc.micro,
          smallCount: dc.small,
          workers: dc.workers,
          formality: dc.formality,
          heritage: dc.heritage,
          advantageAbsolute: dc.absolute,
          advantageComparative: dc.comparative,
          advantageCompetitive: dc.competitive,
          // Two clusters are recorded for study but not yet selected for development.
          selected: clusterIndex % 11 !== 0,
          qmCustomerStatus: pick(QUALITY_STATUSES),
          qmQualityStatus: pick(QUALITY_STATUSES),
          qmBrandStatus: clusterIndex % 3 === 0 ? 'not_started' : pick(QUALITY_STATUSES),
          unidoStage: pick(['diagnostic', 'action_plan', 'implementation'] as const),
        });
        const covered = [1, 2, 3, 4, 5, 6, 7].filter((a) => !dc.gaps.includes(a));
        for (const axis of covered) {
          const count = int(1, 3) + (rnd() < 0.25 ? 1 : 0);
          for (let k = 0; k < count; k++) {
            const second = rnd() < 0.3 ? pick(covered.filter((a) => a !== axis)) : undefined;
            const { start, end, st } = timeline();
            const progress =
              st === 'completed' ? 100 : st === 'planned' ? 0 : st === 'cancelled' ? int(0, 30) : int(10, 90);
            const budget = int(3, 80) * 50_000_00;
            const marketing = rnd();
            const ini = createInitiative(db, ctx, {
              title: `${pick(AXIS_TITLES[axis]!)} لتجمع ${dc.nameAr}`,
              clusterId: cl.id,
              axes: second ? [axis, second] : [axis],
              primaryAxis: axis,
              leadBody: pick(LEAD_BODIES),
              marketingHolder: marketing < 0.12 ? 'enterprises' : marketing < 0.8 ? 'specialised' : 'other',
              marketingBody: marketing < 0.12 ? '' : marketing < 0.8 ? 'شركة تسويق متخصصة' : 'غرفة الصناعات الحرفية',
              status: st,
              startDate: start,
              endDate: end,
              plannedBudget: budget,
              spent: Math.round((budget * progress * (0.75 + rnd() * 0.3)) / 100),
              beneficiaries: int(5, 120),
              jobs: int(0, 60),
              trainees: axis === 5 ? int(20, 300) : int(0, 20),
              progress,
            });
            if (rnd() < 0.3 && st !== 'planned') {
              const baseline = int(0, 50);
              const target = baseline + int(40, 200);
              // Up to four quarters measured so far; most on their path to target, some behind.
              const pace = 0.6 + rnd() * 0.55;
              const quarters = quartersBetween(start, end < today ? end : today).slice(-4);
              const span = Date.parse(end) - Date.parse(start);
              createIndicator(db, ctx, {
                initiativeId: ini.id,
                name: axis === 5 ? 'عدد المتدربين' : 'عدد المنشآت المستفيدة',
                unit: axis === 5 ? 'متدرب' : 'منشأة',
                baseline,
                target,
                values: quarters.map(({ period, last }) => ({
                  period,
                  value: Math.round(
                    baseline +
                      (target - baseline) * Math.min(1, (pace * (Date.parse(last) - Date.parse(start))) / span),
                  ),
                })),
              });
            }
          }
        }
      }
    }
  })();
}
