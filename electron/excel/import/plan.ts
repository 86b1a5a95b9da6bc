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
import { nearestName } from '../../../db/core/similar';
import type { OnCollision, ValueMapping } from '../../../db/core/register';
import type { ImportRecord, RowsResult } from './rows';
import type { OtherSheet, SheetHeader } from './worker';
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
  /** `nearest`: the existing name it most likely means («إقليم الصعيد» for «الصعيد»), to map it to. */
  regionsToCreate: { key: string; nameAr: string; nearest: string | null }[];
  clustersToCreate: { key: string; nameAr: string; regionRef: Ref; sectorRef: Ref | null; nearest: string | null }[];
  sectorsToCreate: { key: string; nameAr: string }[];
  errors: RowError[];
  /** Values read, but not as written; nothing refused. */
  warnings: RowError[];
  /**
   * Rows whose code is an existing initiative's while both title and cluster differ: most
   * likely another register's numbering, not the same initiative. Under `stop` they are not
   * planned and nothing may be written until the user chooses `update` or `new`.
   */
  collisions: { row: number; code: string; title: string; existingTitle: string }[];
  /**
   * Columns a new initiative cannot do without (a title; a region or a cluster). A
   * register that only updates (codes and amounts) needs none; rows that would create are kept
   * out and said once per column, at the header row, not once per row.
   */
  missingColumns: Field[];
  /** The workbook's other sheets (the reader's verdict on each), for choosing another. */
  otherSheets: OtherSheet[];
}

export { ON_COLLISION, type OnCollision, type ValueMapping } from '../../../db/core/register';

export interface PlanOptions {
  onCollision?: OnCollision;
  values?: ValueMapping;
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
export function createPlanner(db: Db, sheet: SheetHeader, currencyDigits: number, options: PlanOptions = {}): Planner {
  const onCollision = options.onCollision ?? 'stop';
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
  const initiatives = listInitiatives(db);
  const byCode = new Map(initiatives.map((i) => [i.code, i]));
  // A register without codes: an initiative is its title within its region and cluster.
  const placeKey = (regionId: string, clusterId: string | null, title: string) =>
    `${regionId}|${clusterId ?? ''}|${key(title)}`;
  const byPlaceAndTitle = new Map<string, Initiative[]>();
  for (const i of initiatives) {
    const k = placeKey(i.regionId, i.clusterId, i.title);
    byPlaceAndTitle.set(k, [...(byPlaceAndTitle.get(k) ?? []), i]);
  }
  /** Initiatives a row of this import has already taken: each matches one row at most. */
  const taken = new Map<string, number>();
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
    collisions: [],
    missingColumns: missingColumns(sheet),
    otherSheets: [],
  };
  /** New initiatives that a missing column keeps out: said once per column at the end. */
  const blocked: number[] = [];
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
  const regionNames = listRegions(db).flatMap((r) => [r.nameAr, r.nameEn].filter(Boolean));
  const nearestRegion = (name: string) => {
    const found = nearestName(name, regionNames);
    return found ? (regions.get(key(found))?.nameAr ?? found) : null;
  };
  const nearestCluster = (name: string, regionRef: Ref) => {
    const pool = 'id' in regionRef ? allClusters.filter((c) => c.regionId === regionRef.id) : allClusters;
    const found = nearestName(
      name,
      pool.flatMap((c) => [c.nameAr, c.nameEn].filter(Boolean)),
    );
    return found ? (pool.find((c) => c.nameAr === found || c.nameEn === found)?.nameAr ?? found) : null;
  };
  const mapped = (what: 'region' | 'cluster') => {
    const m = new Map<string, string>();
    for (const [from, to] of Object.entries(options.values?.[what] ?? {})) m.set(key(from), to);
    return m;
  };
  const regionMap = mapped('region');
  const clusterMap = mapped('cluster');
  const newRegion = toCreate(newRegions);
  const newSector = toCreate(newSectors);
  const listed = new Set<string>();
  /** Lists a new place the first time an accepted row needs it, in the order rows are accepted. */
  const list = (ref: Ref | null, what: 'region' | 'sector' | 'cluster'): void => {
    if (!ref || 'id' in ref || listed.has(`${what}|${ref.newKey}`)) return;
    listed.add(`${what}|${ref.newKey}`);
    if (what === 'region') {
      const nameAr = newRegions.get(ref.newKey)!;
      plan.regionsToCreate.push({ key: ref.newKey, nameAr, nearest: nearestRegion(nameAr) });
    } else if (what === 'sector') plan.sectorsToCreate.push({ key: ref.newKey, nameAr: newSectors.get(ref.newKey)! });
    else {
      const cluster = newClusters.get(ref.newKey)!;
      list(cluster.regionRef, 'region');
      list(cluster.sectorRef, 'sector');
      cluster.nearest = nearestCluster(cluster.nameAr, cluster.regionRef);
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
      let existing = r.code ? byCode.get(r.code) : undefined;
      const takenBy = existing ? taken.get(existing.id) : undefined;
      if (takenBy !== undefined) {
        // Named once: a code twice in the sheet is rows.ts's to say.
        if (!r.flawed?.includes('code')) fail('code', bilingual('cells.duplicateCode', { row: takenBy }));
        continue;
      }
      // A name the user mapped to an existing region or cluster is read as that one.
      if (r.region) r.region = regionMap.get(key(r.region)) ?? r.region;
      const mappedCluster = r.cluster ? clusterMap.get(key(r.cluster)) : undefined;
      if (mappedCluster) r.cluster = mappedCluster;
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
          } else if (mappedCluster && anywhere.length > 0) {
            // Mapped to a cluster of another region: making a second one of that name here is
            // not what the user meant.
            fail('cluster', bilingual('cells.mappedClusterElsewhere', { cluster: r.cluster }));
            continue;
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
            if (!newClusters.has(ck))
              newClusters.set(ck, { key: ck, nameAr: r.cluster, regionRef, sectorRef, nearest: null });
            clusterRef = { newKey: ck };
          }
        }
      }
      if (!regionRef) {
        if (!existing && plan.missingColumns.includes('region')) blocked.push(r.row);
        else fail(r.region !== undefined ? 'region' : 'cluster', bilingual('cells.noPlace'));
        continue;
      }
      if (existing && isCollision(existing, r.title, clusterRef)) {
        if (onCollision === 'stop') {
          plan.collisions.push({ row: r.row, code: existing.code, title: r.title!, existingTitle: existing.title });
          continue;
        }
        if (onCollision === 'new') {
          existing = undefined;
          r.code = undefined;
        }
      }
      if (!existing && !r.code && r.title && 'id' in regionRef && (!clusterRef || 'id' in clusterRef)) {
        const same = byPlaceAndTitle.get(placeKey(regionRef.id, clusterRef?.id ?? null, r.title));
        existing = same?.find((i) => !taken.has(i.id));
      }
      if (existing) taken.set(existing.id, r.row);
      else if (plan.missingColumns.length > 0) {
        blocked.push(r.row);
        continue;
      }

      // Object.assign, not spreads: spreading two ~25-field objects per row cost ~15 µs in V8
      // (more than the insert), and a deleted key would slow every later read of the object.
      const values: InitiativeValues = existing
        ? Object.assign({}, existing, {
            regionRef: { id: existing.regionId },
            clusterRef: existing.clusterId ? { id: existing.clusterId } : null,
          })
        : Object.assign({}, INITIATIVE_DEFAULTS, {
            title: '',
            regionRef,
            clusterRef: null,
            axes: [],
            primaryAxis: null,
          });
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
      // No axis at all: not yet classified, and so without a primary axis.
      if (r.primaryAxis === undefined && (values.primaryAxis === null || !values.axes.includes(values.primaryAxis)))
        values.primaryAxis = values.axes[0] ?? null;

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
    if (blocked.length > 0) {
      const rows = blocked.slice(0, 10).join(', ') + (blocked.length > 10 ? ' …' : '');
      for (const f of plan.missingColumns) {
        plan.errors.push({
          sheet: sheet.sheet,
          row: sheet.headerRow,
          column: `${registerHeader(f, 'ar')} / ${registerHeader(f, 'en')}`,
          message: bilingual(`cells.missingColumn.${f as 'title' | 'region'}`, {
            count: blocked.length,
            rows,
          }),
        });
      }
      blocked.length = 0;
    }
    const order = (a: RowError, b: RowError) => a.row - b.row || columnIndex(a.column) - columnIndex(b.column);
    plan.errors.sort(order);
    plan.warnings.sort(order);

    return plan;
  };
  return { plan, add, finish };
}

/** Initiatives the import would leave without an axis (not yet classified). */
export function unclassifiedCount(plan: ImportPlan): number {
  let n = 0;
  for (const c of plan.creates) if (c.values.axes.length === 0) n += 1;
  for (const u of plan.updates) if (u.values.axes.length === 0) n += 1;
  return n;
}

/** The columns without which no row can be planned (see ImportPlan.missingColumns). */
function missingColumns(sheet: SheetHeader): Field[] {
  const has = (f: Field) => sheet.fields.includes(f);
  const out: Field[] = [];
  if (!has('title')) out.push('title');
  if (!has('region') && !has('cluster')) out.push('region');
  // No axes column is no obstacle: such a register's initiatives come in not yet classified.
  return out;
}

/** A code that names another initiative: the row's title and its cluster both differ from it. */
function isCollision(existing: Initiative, title: string | undefined, clusterRef: Ref | null | undefined): boolean {
  if (title === undefined || key(title) === key(existing.title)) return false;
  if (clusterRef === undefined) return false; // the row says nothing of its place: not a difference
  if (clusterRef === null) return existing.clusterId !== null;
  return !('id' in clusterRef) || clusterRef.id !== existing.clusterId;
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
