import { z } from 'zod';
import { AXIS_IDS } from '../core/axes';
import type { Db } from '../connection';
import { stmt, tx } from '../stmt';
import { ENTITY_NAMES, invalid, notFound } from '../core/errors';
import { initiativeProblems } from '../core/rules';
import {
  type IndicatorCreate,
  type IndicatorUpdate,
  type Initiative,
  INITIATIVE_DEFAULTS,
  InitiativeCreate,
  InitiativeFilter,
  type InitiativeStatus,
  InitiativeUpdate,
} from '../core/model';
import type { WriteContext } from './audit';
import { assertExists } from './guards';
import { createIndicator, deleteIndicator, listIndicators, updateIndicator } from './indicators';
import { officeCode } from './settings';
import { defineTable, type Inserter } from './table';

/** The axis flags' columns, named once: a name built per row and axis is measurable on an import. */
const AXIS_COLUMNS = AXIS_IDS.map((n) => `axis${n}`);

export const initiativesTable = defineTable<Initiative>({
  table: 'initiatives',
  entity: 'initiative',
  // New codes carry the office code once it is set (DLT-0001), so that (office, code) is unique
  // across the country; before that, and for codes already given, INI stays.
  codePrefix: (db) => officeCode(db) || 'INI',
  derived: ['axes'],
  orderBy: 'code',
  hiddenColumns: AXIS_COLUMNS,
  fromRow(column, entity) {
    entity.axes = AXIS_IDS.filter((n) => column(`axis${n}`) === 1);
  },
  toRow(entity, row) {
    AXIS_IDS.forEach((n, k) => (row[AXIS_COLUMNS[k]!] = entity.axes.includes(n) ? 1 : 0));
  },
});

export const getInitiative = (db: Db, id: string): Initiative => initiativesTable.get(db, id);

export function listInitiatives(db: Db, filter: z.infer<typeof InitiativeFilter> = {}): Initiative[] {
  const where: string[] = [];
  if (filter.regionId) where.push('region_id = @regionId');
  if (filter.clusterId) where.push('cluster_id = @clusterId');
  if (filter.status) where.push('status = @status');
  // The axis number is validated as 1..7 by the contract, so it is safe to name the column.
  if (filter.axis) where.push(`axis${filter.axis} = 1`);
  return initiativesTable.list(db, where.join(' AND ') || undefined, filter);
}

/**
 * The record completed and checked: a cluster implies its region, a primary axis not among the
 * axes follows them, then the model's rules on the whole record (rules.ts, the same the screens
 * and the importer apply). Spending over budget is allowed (a warning for the UI, a finding for
 * the health rules), not an error.
 */
function complete(db: Db, i: Initiative, regionOf = clusterRegion(db)): Initiative {
  const axes = [...new Set(i.axes)].sort((a, b) => a - b);
  // No axis, no primary axis (not yet classified); otherwise one of its axes.
  const primaryAxis = i.primaryAxis !== null && axes.includes(i.primaryAxis) ? i.primaryAxis : (axes[0] ?? null);
  let regionId = i.regionId;
  if (i.clusterId) {
    const region = regionOf(i.clusterId);
    if (region === undefined) throw notFound(ENTITY_NAMES.cluster, i.clusterId);
    regionId = region;
  }
  // Its callers hand it a record they have just built, so it is completed in place: a copy
  // per row is measurable over a 50,000-row import.
  Object.assign(i, { axes, primaryAxis, regionId });
  const problem = initiativeProblems(i)[0];
  if (problem) throw invalid(problem.message, { field: problem.field });
  if (!i.clusterId) assertExists(db, 'regions', 'region', regionId); // a cluster's region exists
  return i;
}

/** The region of a cluster, by id; undefined when there is no such cluster. */
const clusterRegion =
  (db: Db) =>
  (clusterId: string): string | undefined =>
    (stmt(db, 'SELECT region_id FROM clusters WHERE id = ?').get(clusterId) as { region_id: string } | undefined)
      ?.region_id;

/** Every field of a new initiative at its default, in one order: each draft is a copy of it. */
const DRAFT: Initiative = Object.assign(
  { id: '', code: '', title: '', regionId: '', clusterId: null, axes: [], primaryAxis: null },
  INITIATIVE_DEFAULTS,
);

/** A new initiative's record before completion; an empty id and code are filled in by insert. */
function draftOf(input: z.infer<typeof InitiativeCreate>): Initiative {
  // One copy of a fixed template, then the given fields (an undefined one keeps its default):
  // an import drafts tens of thousands, and merging four objects per draft cost ~5 µs each.
  const draft = Object.assign({}, DRAFT) as Record<string, unknown>;
  draft.primaryAxis = input.axes[0] ?? null;
  for (const k in input) {
    const v = input[k as keyof typeof input];
    if (v !== undefined) draft[k] = v;
  }
  draft.id = '';
  draft.code = input.code ?? '';
  return draft as Initiative;
}

export function createInitiative(db: Db, ctx: WriteContext, input: z.infer<typeof InitiativeCreate>): Initiative {
  return tx(db, () => initiativesTable.insert(db, ctx, complete(db, draftOf(input))));
}

/**
 * Creates many initiatives inside the caller's transaction (an import): each completed and
 * checked as createInitiative does, written through one prepared insert, its audit entry's
 * `after` made by `auditAfter` (see docs/import-audit.md).
 */
export function initiativeCreator(
  db: Db,
  ctx: WriteContext,
  auditAfter: (i: Initiative) => unknown,
): Inserter<z.infer<typeof InitiativeCreate>, Initiative> {
  const insert = initiativesTable.inserter(db, ctx, auditAfter);
  // A cluster's region cannot change while the caller's transaction writes initiatives.
  const regions = new Map<string, string>();
  const lookup = clusterRegion(db);
  const regionOf = (id: string) => {
    let region = regions.get(id);
    if (region === undefined) {
      region = lookup(id);
      if (region !== undefined) regions.set(id, region);
    }
    return region;
  };
  return Object.assign((input: z.infer<typeof InitiativeCreate>) => insert(complete(db, draftOf(input), regionOf)), {
    flush: insert.flush,
  });
}

export function updateInitiative(db: Db, ctx: WriteContext, input: z.infer<typeof InitiativeUpdate>): Initiative {
  const { id, ...patch } = input;
  // Moving to another cluster re-derives the region, so a stale regionId is not kept.
  if (patch.clusterId && patch.regionId === undefined) patch.regionId = '';
  return initiativesTable.update(db, ctx, id, patch, (i) => complete(db, i));
}

export const deleteInitiative = (db: Db, ctx: WriteContext, id: string): Initiative =>
  initiativesTable.remove(db, ctx, id);

/** One status for many initiatives, all or none (the register's bulk change). */
export const setStatus = (db: Db, ctx: WriteContext, ids: readonly string[], status: InitiativeStatus): Initiative[] =>
  tx(db, () => [...new Set(ids)].map((id) => updateInitiative(db, ctx, { id, status })));

/** Deletes many initiatives, all or none (the register's bulk delete). */
export const deleteInitiatives = (db: Db, ctx: WriteContext, ids: readonly string[]): Initiative[] =>
  tx(db, () => [...new Set(ids)].map((id) => deleteInitiative(db, ctx, id)));

/** Axes accepted from the classification assistant, for many initiatives: all or none. */
export const classifyInitiatives = (
  db: Db,
  ctx: WriteContext,
  items: readonly { id: string; axes: number[] }[],
): Initiative[] =>
  tx(db, () => items.map(({ id, axes }) => updateInitiative(db, ctx, { id, axes, primaryAxis: axes[0] ?? null })));

/** A new initiative with its indicators, all or none: the editor's one save. */
export function createInitiativeWithIndicators(
  db: Db,
  ctx: WriteContext,
  input: {
    initiative: z.infer<typeof InitiativeCreate>;
    indicators: Omit<z.infer<typeof IndicatorCreate>, 'initiativeId'>[];
  },
): Initiative {
  return tx(db, () => {
    const created = createInitiative(db, ctx, input.initiative);
    for (const i of input.indicators) createIndicator(db, ctx, { ...i, initiativeId: created.id });
    return created;
  });
}

/**
 * An initiative and its indicators as the editor left them, all or none: an indicator listed
 * with its id is updated (and must be this initiative's), one without an id is created, and one
 * of the initiative's not listed is deleted. Unchanged ones are not written.
 */
export function updateInitiativeWithIndicators(
  db: Db,
  ctx: WriteContext,
  input: {
    initiative: z.infer<typeof InitiativeUpdate>;
    indicators: (Omit<z.infer<typeof IndicatorCreate>, 'initiativeId'> & { id?: string | undefined })[];
  },
): Initiative {
  return tx(db, () => {
    const updated = updateInitiative(db, ctx, input.initiative);
    const own = new Set(listIndicators(db, updated.id).map((i) => i.id));
    const kept = new Set<string>();
    for (const { id } of input.indicators) {
      if (id === undefined) continue;
      if (!own.has(id)) throw notFound(ENTITY_NAMES.indicator, id);
      kept.add(id);
    }
    for (const id of own) if (!kept.has(id)) deleteIndicator(db, ctx, id);
    for (const { id, ...fields } of input.indicators) {
      if (id === undefined) createIndicator(db, ctx, { ...fields, initiativeId: updated.id });
      else updateIndicator(db, ctx, { ...fields, id } satisfies z.infer<typeof IndicatorUpdate>);
    }
    return updated;
  });
}
