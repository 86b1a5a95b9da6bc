/**
 * Compares the records read from a workbook with the portfolio and decides, without writing
 * anything, what an import would do: initiatives to create, to update (field by field, old →
 * new), unchanged; regions, clusters and sectors to create; and every error.
 */
import type { Db } from '../../../db/connection';
import type { Bilingual } from '../../../db/core/errors';
import {
  type Cluster,
  type Initiative,
  INITIATIVE_DEFAULTS,
  INITIATIVE_VALUES,
  type Region,
  type Sector,
} from '../../../db/core/model';
import { normalizeArabic } from '../../../db/core/normalize';
import { listClusters } from '../../../db/repos/clusters';
import { listInitiatives } from '../../../db/repos/initiatives';
import { listRegions } from '../../../db/repos/regions';
import { listSectors } from '../../../db/repos/sectors';
import { registerHeader } from '../labels';
import type { Field } from './fields';
import { bilingual } from '../../../db/core/messages';
import { initiativeProblems, nameProblem } from '../../../db/core/rules';
import type { ImportRecord, RowsResult } from './rows';
import type { SheetHeader } from './worker';
import type { Change, RowError } from '../../../db/core/results';

/** A reference to a region, cluster or sector: an existing id, or a key of one to create. */
export type Ref = { id: string } | { newKey: string };

/**
 * An initiative as the import would write it: the model's fields (the code only when the row
 * gives one), its place as references to resolve when written.
 */
export type InitiativeValues = Omit<Initiative, 'id' | 'code' | 'regionId' | 'clusterId'> & {
  code?: string;
  regionRef: Ref;
  clusterRef: Ref | null;
};

export interface ImportPlan {
  sheet: string;
  headerRow: number;
  columns: { header: string; field: Field | null }[];
  unmatched: string[];
  creates: { row: number; values: InitiativeValues }[];
  /** `before`: the initiative as it stood when planned; a commit refuses when it has changed since. */
  updates: { row: number; id: string; code: string; values: InitiativeValues; changes: Change[]; before: Initiative }[];
  unchanged: number;
  skipped: number;
  regionsToCreate: { key: string; nameAr: string }[];
  clustersToCreate: { key: string; nameAr: string; regionRef: Ref; sectorRef: Ref | null }[];
  sectorsToCreate: { key: string; nameAr: string }[];
  errors: RowError[];
  /** Values read, but not as written; nothing refused. */
  warnings: RowError[];
}

// Names repeat on every row of a register; fold each distinct spelling once.
const folded = new Map<string, string>();
const key = (s: string): string => {
  let k = folded.get(s);
  if (k === undefined) {
    if (folded.size > 100_000) folded.clear();
    folded.set(s, (k = normalizeArabic(s)));
  }
  return k;
};
/** Record keys that are not initiative values (where the row is, and names resolved to refs). */
const RECORD_ONLY = new Set(['row', 'region', 'cluster', 'sector', 'flawed']);

function indexByName<T extends { id: string; code: string; nameAr: string; nameEn: string }>(items: T[]) {
  const map = new Map<string, T>();
  for (const item of items) {
    for (const k of [item.code, item.nameAr, item.nameEn]) if (k && !map.has(key(k))) map.set(key(k), item);
  }
  return map;
}

export interface Planner {
  /** The plan so far; what is to be created grows as records are added, in reading order. */
  plan: ImportPlan;
  add(batch: RowsResult): void;
  /** Puts the errors in reading order; the plan is complete. */
  finish(): ImportPlan;
}

/** Plans batch by batch, as rows stream in; the portfolio is read once, at the start. */
export function createPlanner(db: Db, sheet: SheetHeader, currencyDigits: number): Planner {
  const regions = indexByName<Region>(listRegions(db));
  const sectors = indexByName<Sector>(listSectors(db));
  const allClusters = listClusters(db);
  const clustersByRegion = new Map<string, Map<string, Cluster>>();
  const clustersByName = new Map<string, Cluster[]>();
  for (const c of allClusters) {
    const inRegion = clustersByRegion.get(c.regionId) ?? new Map<string, Cluster>();
    clustersByRegion.set(c.regionId, inRegion);
    for (const k of [c.code, c.nameAr, c.nameEn]) {
      if (!k) continue;
      if (!inRegion.has(key(k))) inRegion.set(key(k), c);
      clustersByName.set(key(k), [...(clustersByName.get(key(k)) ?? []), c]);
    }
  }
  const byCode = new Map(listInitiatives(db).map((i) => [i.code, i]));
  const regionName = new Map(listRegions(db).map((r) => [r.id, r.nameAr]));
  const clusterName = new Map(allClusters.map((c) => [c.id, c.nameAr]));

  const plan: ImportPlan = {
    sheet: sheet.sheet,
    headerRow: sheet.headerRow,
    columns: sheet.headers.map((header, i) => ({ header, field: sheet.fields[i] ?? null })),
    unmatched: sheet.headers.filter((h, i) => h && !sheet.fields[i]),
    creates: [],
    updates: [],
    unchanged: 0,
    skipped: 0,
    regionsToCreate: [],
    clustersToCreate: [],
    sectorsToCreate: [],
    errors: [],
    warnings: [],
  };
  const newRegions = new Map<string, string>();
  const newClusters = new Map<string, (typeof plan.clustersToCreate)[number]>();
  const newSectors = new Map<string, string>();
  const header = (f: Field): string => {
    const at = sheet.fields.indexOf(f);
    if (at >= 0) return sheet.headers[at]!;
    // Axes given as seven flag columns: point at the first of them.
    const flag = sheet.fields.findIndex((x) => x?.startsWith('axis'));
    if (f === 'axes' && flag >= 0) return sheet.headers[flag]!;
    return `${registerHeader(f, 'ar')} / ${registerHeader(f, 'en')}`;
  };

  /** A region or sector to create: its first spelling kept; listed in the plan once a row using it is accepted. */
  const toCreate =
    (known: Map<string, string>) =>
    (name: string): Ref => {
      const k = key(name);
      if (!known.has(k)) known.set(k, name);
      return { newKey: k };
    };
  const newRegion = toCreate(newRegions);
  const newSector = toCreate(newSectors);
  const listed = new Set<string>();
  /** Lists a new place the first time an accepted row needs it, in the order rows are accepted. */
  const list = (ref: Ref | null, what: 'region' | 'sector' | 'cluster'): void => {
    if (!ref || 'id' in ref || listed.has(`${what}|${ref.newKey}`)) return;
    listed.add(`${what}|${ref.newKey}`);
    if (what === 'region') plan.regionsToCreate.push({ key: ref.newKey, nameAr: newRegions.get(ref.newKey)! });
    else if (what === 'sector') plan.sectorsToCreate.push({ key: ref.newKey, nameAr: newSectors.get(ref.newKey)! });
    else {
      const cluster = newClusters.get(ref.newKey)!;
      list(cluster.regionRef, 'region');
      list(cluster.sectorRef, 'sector');
      plan.clustersToCreate.push(cluster);
    }
  };
  /** A row goes into the plan: the places it creates with it (a refused row creates none). */
  const accept = (values: InitiativeValues): void => {
    list(values.regionRef, 'region');
    list(values.clusterRef, 'cluster');
  };

  const add = ({ records, errors, warnings, skipped }: RowsResult): void => {
    for (const e of errors) plan.errors.push(e);
    for (const w of warnings) plan.warnings.push(w);
    plan.skipped += skipped;
    for (const r of records) {
      const fail = (f: Field, message: Bilingual) =>
        plan.errors.push({ sheet: sheet.sheet, row: r.row, column: header(f), message });
      const existing = r.code ? byCode.get(r.code) : undefined;
      // Names that would be created must fit the model's limits, like every value below.
      const badName = (['region', 'cluster', 'sector'] as const).find((f) => r[f] && nameProblem(r[f]));
      if (badName) {
        fail(badName, nameProblem(r[badName]!)!);
        continue;
      }

      // Where the initiative belongs: a known or new region, and a known or new cluster in it.
      let regionRef: Ref | undefined = existing ? { id: existing.regionId } : undefined;
      let clusterRef: Ref | null | undefined = existing
        ? existing.clusterId
          ? { id: existing.clusterId }
          : null
        : undefined;
      if (r.region) {
        const found = regions.get(key(r.region));
        regionRef = found ? { id: found.id } : newRegion(r.region);
      }
      if (r.cluster !== undefined) {
        if (!r.cluster) clusterRef = r.region !== undefined ? null : clusterRef;
        else {
          const inRegion =
            regionRef && 'id' in regionRef ? clustersByRegion.get(regionRef.id)?.get(key(r.cluster)) : undefined;
          const anywhere = clustersByName.get(key(r.cluster)) ?? [];
          const found = inRegion ?? (!r.region && anywhere.length === 1 ? anywhere[0] : undefined);
          if (found) {
            clusterRef = { id: found.id };
            regionRef = { id: found.regionId };
          } else if (!regionRef || (!r.region && anywhere.length > 1)) {
            fail('cluster', bilingual('cells.unknownCluster', { cluster: r.cluster }));
            continue;
          } else {
            const regionKey = 'id' in regionRef ? regionRef.id : regionRef.newKey;
            const ck = `${regionKey}|${key(r.cluster)}`;
            let sectorRef: Ref | null = null;
            if (r.sector) {
              const s = sectors.get(key(r.sector));
              sectorRef = s ? { id: s.id } : newSector(r.sector);
            }
            if (!newClusters.has(ck)) newClusters.set(ck, { key: ck, nameAr: r.cluster, regionRef, sectorRef });
            clusterRef = { newKey: ck };
          }
        }
      }
      if (!regionRef) {
        fail(r.region !== undefined ? 'region' : 'cluster', bilingual('cells.noPlace'));
        continue;
      }

      // Object.assign, not spreads: spreading two ~25-field objects per row cost ~15 µs in V8
      // (more than the insert), and a deleted key would slow every later read of the object.
      const values: InitiativeValues = existing
        ? Object.assign({}, existing, {
            regionRef: { id: existing.regionId },
            clusterRef: existing.clusterId ? { id: existing.clusterId } : null,
          })
        : Object.assign({}, INITIATIVE_DEFAULTS, { title: '', regionRef, clusterRef: null, axes: [], primaryAxis: 1 });
      const base = { clusterRef: values.clusterRef };
      for (const k in r) {
        const v = r[k as keyof ImportRecord];
        if (v !== undefined && !RECORD_ONLY.has(k)) (values as unknown as Record<string, unknown>)[k] = v;
      }
      values.regionRef = regionRef;
      values.clusterRef = clusterRef === undefined ? base.clusterRef : clusterRef;
      if (!r.code) values.code = undefined;
      values.axes = [...new Set(values.axes)].sort((a, b) => a - b);
      // A primary axis the row does not give follows the axes; one it gives must be among them.
      if (r.primaryAxis === undefined && !values.axes.includes(values.primaryAxis))
        values.primaryAxis = values.axes[0] ?? 1;

      // The model's rules, as every way in checks them (rules.ts), on the row merged with the portfolio.
      const broken = initiativeProblems(values);
      for (const b of broken) if (!r.flawed?.includes(b.field as Field)) fail(b.field as Field, b.message);
      if (broken.length > 0 || r.flawed) continue;

      if (!existing) {
        accept(values);
        plan.creates.push({ row: r.row, values });
        continue;
      }
      const changes = diff(existing, values, currencyDigits, regionName, clusterName, newRegions, newClusters);
      if (changes.length === 0) plan.unchanged += 1;
      else {
        accept(values);
        plan.updates.push({ row: r.row, id: existing.id, code: existing.code, values, changes, before: existing });
      }
    }
  };
  // Errors in reading order: by row, then by column as the sheet shows them.
  const columnIndex = (h: string) => {
    const i = sheet.headers.indexOf(h);
    return i < 0 ? Number.MAX_SAFE_INTEGER : i;
  };
  const finish = (): ImportPlan => {
    const order = (a: RowError, b: RowError) => a.row - b.row || columnIndex(a.column) - columnIndex(b.column);
    plan.errors.sort(order);
    plan.warnings.sort(order);
    // Rows that waited for their column (columns.ts) were planned last; the list follows the sheet.
    plan.creates.sort((a, b) => a.row - b.row);
    plan.updates.sort((a, b) => a.row - b.row);
    return plan;
  };
  return { plan, add, finish };
}

function diff(
  before: Initiative,
  after: InitiativeValues,
  digits: number,
  regionName: Map<string, string>,
  clusterName: Map<string, string>,
  newRegions: Map<string, string>,
  newClusters: Map<string, { nameAr: string }>,
): Change[] {
  const show = (field: string, v: unknown): string => {
    if (v === null || v === undefined) return '';
    if (field === 'plannedBudget' || field === 'spent') return String((v as number) / 10 ** digits);
    if (Array.isArray(v)) return v.join(', ');
    return String(v);
  };
  const changes: Change[] = [];
  for (const f of INITIATIVE_VALUES) {
    const a = show(f, before[f]);
    const b = show(f, after[f]);
    if (a !== b) changes.push({ field: f, from: a, to: b });
  }
  const refName = (ref: Ref | null, names: Map<string, string>, created: Map<string, string | { nameAr: string }>) => {
    if (!ref) return '';
    if ('id' in ref) return names.get(ref.id) ?? '';
    const c = created.get(ref.newKey);
    return typeof c === 'string' ? c : (c?.nameAr ?? '');
  };
  const regionBefore = regionName.get(before.regionId) ?? '';
  const regionAfter = refName(after.regionRef, regionName, newRegions);
  if (regionBefore !== regionAfter) changes.push({ field: 'region', from: regionBefore, to: regionAfter });
  const clusterBefore = before.clusterId ? (clusterName.get(before.clusterId) ?? '') : '';
  const clusterAfter = refName(after.clusterRef, clusterName, newClusters);
  if (clusterBefore !== clusterAfter) changes.push({ field: 'cluster', from: clusterBefore, to: clusterAfter });
  return changes;
}
