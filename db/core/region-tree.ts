/**
 * Regions and the governorates under them, as plain functions of the region list: the queries
 * and the screens (the dashboard's scope, the regions tree) share them.
 */
import type { Region } from './model';

/** A region's id with the ids of every governorate under it, however deep. */
export function withGovernorates(regions: readonly Region[], id: string): Set<string> {
  const ids = new Set([id]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const r of regions) {
      if (r.parentId && ids.has(r.parentId) && !ids.has(r.id)) {
        ids.add(r.id);
        grew = true;
      }
    }
  }
  return ids;
}

/** Regions in tree order: each top-level region, then its governorates under it, with their depth. */
export function regionTree(regions: readonly Region[]): { region: Region; depth: number }[] {
  const children = new Map<string | null, Region[]>();
  for (const r of regions) {
    const key = r.parentId && regions.some((p) => p.id === r.parentId) ? r.parentId : null;
    const list = children.get(key) ?? [];
    list.push(r);
    children.set(key, list);
  }
  const out: { region: Region; depth: number }[] = [];
  const walk = (parent: string | null, depth: number) => {
    for (const r of children.get(parent) ?? []) {
      out.push({ region: r, depth });
      // The repository refuses cycles; the bound keeps a damaged file from hanging the screen.
      if (depth < 16) walk(r.id, depth + 1);
    }
  };
  walk(null, 0);
  return out;
}
