/**
 * Portfolio health: the source text's advice on the seven axes turned into checks R1–R6. Each finding names its rule, where it is (region, cluster, axis, initiative) and one
 * sentence of why, in Arabic and English. Aggregates run in SQL over the covering index
 * `initiatives_matrix`; cancelled initiatives develop nothing, so they cover no axis.
 */
import { AXES } from '../core/axes';
import type { Db } from '../connection';
import type { Bilingual } from '../core/errors';
import { listRegions } from '../repos/regions';
import { getSettings } from '../repos/settings';
import { stmt } from '../stmt';
import { naturalCompare } from '../core/normalize';
import { RULES, type RuleId, type Settings } from '../core/model';
import { type ClusterSums, clusterSums, COUNTED_SQL, LATEST_VALUE, UNCLASSIFIED_SQL, regionWideSums } from './matrix';
import { periodEnd } from '../core/period';
import type { Finding, FindingKind } from '../core/results';
import { bilingualIsolated as bilingual } from '../core/messages';

export { RULES, type RuleId };

export interface HealthOptions {
  /** ISO date that counts as today (tests pin it); defaults to the local calendar date. */
  today?: string;
  /** Only findings in these regions (a region and its governorates); null for all. */
  regionIds?: Set<string> | null;
  rules?: readonly RuleId[];
}

/** An indicator may lag its straight-line path by this share of the way before it is flagged. */
export const INDICATOR_TOLERANCE = 0.05;

/** An axis as a finding names it: its number and short name, in each language. */
const axisRef = (n: number): Bilingual =>
  bilingual('findings.axisRef', { n, name: { ar: AXES[n - 1]!.shortAr, en: AXES[n - 1]!.shortEn } });
const pct = (x: number) => `${Math.round(x * 100)}%`;

interface ClusterRow {
  id: string;
  name_ar: string;
  name_en: string;
  region_id: string;
  region_ar: string;
  region_en: string;
  formality: string;
  heritage: number;
  qm_customer_status: string;
  qm_quality_status: string;
  qm_brand_status: string;
}

interface InitiativeRow {
  id: string;
  code: string;
  title: string;
  region_id: string;
  cluster_id: string | null;
  primary_axis: number | null;
}

/**
 * Regions (by Arabic name) and clusters (with their region) by id, read once for R2, R3 and R6:
 * joining names onto every initiative row cost two index seeks each.
 */
interface Places {
  regions: Map<string, { ar: string; en: string }>;
  clusters: Map<string, { ar: string; en: string; regionId: string }>;
}
function readPlaces(db: Db): Places {
  const rows = (sql: string) => stmt(db, sql).raw(true).all() as string[][];
  return {
    // In the matrix's order (listRegions sorts «إقليم 33» before «إقليم 113»).
    regions: new Map(listRegions(db).map((r) => [r.id, { ar: r.nameAr, en: r.nameEn }])),
    clusters: new Map(
      rows('SELECT id, name_ar, name_en, region_id FROM clusters').map(([id, ar, en, regionId]) => [
        id!,
        { ar: ar!, en: en!, regionId: regionId! },
      ]),
    ),
  };
}

export function localToday(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

const days = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;

export function getFindings(db: Db, options: HealthOptions = {}): Finding[] {
  const today = options.today ?? localToday();
  const wanted = new Set<RuleId>(options.rules ?? RULES);
  const findings: Finding[] = [];
  const clusterRows = stmt(
    db,
    `SELECT c.id, c.name_ar, c.name_en, c.region_id, r.name_ar AS region_ar, r.name_en AS region_en,
       c.selected, c.formality, c.heritage, c.qm_customer_status, c.qm_quality_status, c.qm_brand_status
     FROM clusters c JOIN regions r ON r.id = c.region_id
     WHERE c.selected = 1`,
  ).all() as ClusterRow[];
  // In the matrix's order, «تجمع 33» before «تجمع 113».
  clusterRows.sort((a, b) => naturalCompare(a.region_ar, b.region_ar) || naturalCompare(a.name_ar, b.name_ar));
  const settings = getSettings(db);
  // One pass gives both the coverage of R1 and R5 and the region shares of R2.
  const sums = clusterSums(db, {}, settings.concentrationBasis === 'budget' ? ['budget'] : []);

  const atCluster = (c: ClusterRow, rule: RuleId, kind: FindingKind, axis: number | null, message: Bilingual) =>
    findings.push({
      rule,
      kind,
      regionId: c.region_id,
      regionAr: c.region_ar,
      regionEn: c.region_en,
      clusterId: c.id,
      clusterAr: c.name_ar,
      clusterEn: c.name_en,
      axis,
      initiativeId: null,
      initiativeCode: null,
      initiativeTitle: null,
      message,
    });

  for (const c of clusterRows) {
    const live = sums.get(c.id)?.n ?? [0, 0, 0, 0, 0, 0, 0];
    const en = c.name_en || c.name_ar;
    if (wanted.has('R1')) {
      for (const a of AXES) {
        if (live[a.id - 1]! > 0) continue;
        atCluster(
          c,
          'R1',
          'axis_gap',
          a.id,
          bilingual('findings.axisGap', {
            axis: axisRef(a.id),
            name: { ar: c.name_ar, en: en },
          }),
        );
      }
    }
    if (wanted.has('R4')) {
      const missing = [
        c.qm_customer_status !== 'achieved' && bilingual('findings.qmCustomer'),
        c.qm_quality_status !== 'achieved' && bilingual('findings.qmQuality'),
        c.qm_brand_status !== 'achieved' && bilingual('findings.qmBrand'),
      ].filter((x): x is Bilingual => Boolean(x));
      if (missing.length > 0) {
        atCluster(
          c,
          'R4',
          'quality_marketing',
          null,
          bilingual('findings.qualityMarketing', {
            name: { ar: c.name_ar, en: en },
            missing: { ar: missing.map((m) => m.ar).join('، '), en: missing.map((m) => m.en).join(', ') },
          }),
        );
      }
    }
    if (wanted.has('R5')) {
      if (c.formality === 'informal' && !live[6]) {
        atCluster(
          c,
          'R5',
          'informal_no_axis7',
          7,
          bilingual('findings.informalNoAxis7', {
            name: { ar: c.name_ar, en: en },
            axis: axisRef(7),
          }),
        );
      }
      if (c.heritage && !live[5]) {
        atCluster(
          c,
          'R5',
          'heritage_no_axis6',
          6,
          bilingual('findings.heritageNoAxis6', {
            name: { ar: c.name_ar, en: en },
            axis: axisRef(6),
          }),
        );
      }
    }
  }

  const places = wanted.has('R2') || wanted.has('R3') || wanted.has('R6') ? readPlaces(db) : null;
  if (wanted.has('R2')) concentration(db, findings, sums, settings, places!);
  if (wanted.has('R3') || wanted.has('R6'))
    initiativeRules(db, findings, wanted, today, settings.currencyDigits, places!);

  const scope = options.regionIds;
  // By rule; within a rule, in the order each rule met them (region, cluster, axis or code).
  const byRule = new Map<RuleId, Finding[]>(RULES.map((r) => [r, []]));
  for (const f of findings) if (!scope || scope.has(f.regionId)) byRule.get(f.rule)!.push(f);
  return [...byRule.values()].flat();
}

/** R2: the Herfindahl index of a region's axis shares (1/7 when even, 1 when on one axis). */
function concentration(
  db: Db,
  findings: Finding[],
  sums: Map<string, ClusterSums>,
  settings: Settings,
  places: Places,
): void {
  const { concentrationBasis: basis, concentrationThreshold: threshold } = settings;
  const regions = new Map(
    [...places.regions].map(([id, name]) => [
      id,
      { id, name_ar: name.ar, name_en: name.en, values: AXES.map(() => 0) },
    ]),
  );
  const add = (regionId: string | undefined, values: number[]) => {
    const region = regionId ? regions.get(regionId) : undefined;
    if (region) values.forEach((v, i) => (region.values[i]! += v));
  };
  const values = (c: ClusterSums) => (basis === 'budget' ? c.sums.budget! : c.n);
  for (const [clusterId, c] of sums) add(places.clusters.get(clusterId)?.regionId, values(c));
  // Region-wide initiatives count in their region's figures (the counting rule).
  for (const r of regionWideSums(db, {}, basis === 'budget' ? ['budget'] : [])) add(r.regionId, values(r.sums));
  for (const r of regions.values()) {
    const values = r.values;
    const total = values.reduce((s, v) => s + v, 0);
    if (total <= 0) continue;
    const shares = values.map((v) => v / total);
    const index = shares.reduce((s, x) => s + x * x, 0);
    if (index <= threshold) continue;
    const top = shares.indexOf(Math.max(...shares)) + 1;
    const of = basis === 'budget' ? bilingual('findings.ofBudget') : bilingual('findings.ofInitiatives');
    findings.push({
      rule: 'R2',
      kind: 'concentration',
      regionId: r.id,
      regionAr: r.name_ar,
      regionEn: r.name_en,
      clusterId: null,
      clusterAr: null,
      clusterEn: null,
      axis: top,
      initiativeId: null,
      initiativeCode: null,
      initiativeTitle: null,
      message: bilingual('findings.concentration', {
        name: { ar: r.name_ar, en: r.name_en || r.name_ar },
        index: index.toFixed(2),
        limit: threshold.toFixed(2),
        axis: axisRef(top),
        pct: pct(shares[top - 1]!),
        of,
      }),
    });
  }
}

/** R3 and R6: rules about single initiatives and their indicators. */
function initiativeRules(
  db: Db,
  findings: Finding[],
  wanted: Set<RuleId>,
  today: string,
  digits: number,
  names: Places,
): void {
  const select = `SELECT i.id, i.code, i.title, i.region_id, i.cluster_id, i.primary_axis`;
  const from = `FROM initiatives i`;
  const at = (i: InitiativeRow, rule: RuleId, kind: FindingKind, message: Bilingual) => {
    const region = names.regions.get(i.region_id);
    const cluster = i.cluster_id ? names.clusters.get(i.cluster_id) : undefined;
    findings.push({
      rule,
      kind,
      regionId: i.region_id,
      regionAr: region?.ar ?? '',
      regionEn: region?.en ?? '',
      clusterId: i.cluster_id,
      clusterAr: cluster?.ar ?? null,
      clusterEn: cluster?.en ?? null,
      axis: i.primary_axis,
      initiativeId: i.id,
      initiativeCode: i.code,
      initiativeTitle: i.title,
      message,
    });
  };

  if (wanted.has('R1')) {
    // Not yet classified: counted in every total, on no axis, so coverage cannot be judged.
    const rows = stmt(
      db,
      `${select} ${from} WHERE ${UNCLASSIFIED_SQL('i')} AND ${COUNTED_SQL('i')} ORDER BY i.code`,
    ).all() as InitiativeRow[];
    for (const i of rows) {
      at(i, 'R1', 'unclassified', bilingual('findings.unclassified', { code: i.code }));
    }
  }
  if (wanted.has('R3')) {
    const rows = stmt(
      db,
      `${select} ${from} WHERE i.marketing_holder = 'enterprises' AND i.status NOT IN ('completed', 'cancelled')
       ORDER BY i.code`,
    ).all() as InitiativeRow[];
    for (const i of rows) {
      at(i, 'R3', 'enterprises_marketing', bilingual('findings.enterprisesMarketing', { code: i.code }));
    }
  }
  if (!wanted.has('R6')) return;

  const overdue = stmt(
    db,
    `${select}, i.end_date ${from}
     WHERE i.end_date IS NOT NULL AND i.end_date < ? AND i.status NOT IN ('completed', 'cancelled')
     ORDER BY i.end_date, i.code`,
  ).all(today) as (InitiativeRow & { end_date: string })[];
  for (const i of overdue) {
    at(i, 'R6', 'overdue', bilingual('findings.overdue', { code: i.code, date: i.end_date }));
  }
  // One formatter for all: building Intl's per call costs more than the rest of a finding.
  const amount = new Intl.NumberFormat('en-US', { maximumFractionDigits: digits });
  const money = (minor: number) => amount.format(minor / 10 ** digits);
  const over = stmt(
    db,
    `${select}, i.spent, i.planned_budget ${from}
     WHERE i.spent > i.planned_budget AND ${COUNTED_SQL('i')} ORDER BY i.code`,
  ).all() as (InitiativeRow & { spent: number; planned_budget: number })[];
  for (const i of over) {
    const share = i.planned_budget > 0 ? ` (${pct(i.spent / i.planned_budget)})` : '';
    at(
      i,
      'R6',
      'over_budget',
      bilingual('findings.overBudget', { code: i.code, spent: money(i.spent), budget: money(i.planned_budget), share }),
    );
  }

  // The latest actual value of each indicator against the straight line from baseline at the
  // start date to target at the end date.
  // CROSS JOIN keeps the indicators as the outer loop: left to itself, SQLite read every
  // initiative to find the few with indicators.
  const behind = stmt(
    db,
    `${select}, n.name AS indicator, n.baseline, n.target, v.period, v.value, i.start_date, i.end_date
     FROM indicators n
     CROSS JOIN initiatives i ON i.id = n.initiative_id
     ${LATEST_VALUE}
     WHERE n.baseline IS NOT NULL AND n.target IS NOT NULL AND n.target <> n.baseline
       AND i.start_date IS NOT NULL AND i.end_date IS NOT NULL AND i.end_date > i.start_date
       AND ${COUNTED_SQL('i')}
     ORDER BY i.code, n.name`,
  ).all() as (InitiativeRow & {
    indicator: string;
    baseline: number;
    target: number;
    period: string;
    value: number;
    start_date: string;
    end_date: string;
  })[];
  const figure = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });
  for (const i of behind) {
    const elapsed = (days(periodEnd(i.period)) - days(i.start_date)) / (days(i.end_date) - days(i.start_date));
    const path = Math.min(1, Math.max(0, elapsed));
    const done = (i.value - i.baseline) / (i.target - i.baseline);
    if (done >= path - INDICATOR_TOLERANCE) continue;
    const expected = i.baseline + (i.target - i.baseline) * path;
    const n = (x: number) => figure.format(x);
    at(
      i,
      'R6',
      'indicator_behind',
      bilingual('findings.indicatorBehind', {
        indicator: i.indicator,
        code: i.code,
        value: n(i.value),
        period: i.period,
        expected: n(expected),
        target: n(i.target),
      }),
    );
  }
}
