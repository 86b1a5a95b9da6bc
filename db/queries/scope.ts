import type { Db } from '../connection';
import { AppError } from '../core/errors';
import { normalizeArabic } from '../core/normalize';
import { listRegions } from '../repos/regions';
import { withGovernorates } from '../core/region-tree';
import { bilingual } from '../core/messages';

export { withGovernorates };

export interface RegionScope {
  /** The region and every governorate under it; null means the whole portfolio. */
  ids: Set<string> | null;
  label: string | null;
  /** The region named; null for the whole portfolio. */
  id: string | null;
}

/**
 * A region named as a clerk would type it (Arabic or English name, or code, in any hamza or
 * ta-marbuta spelling), with every governorate under it however deep.
 */
export function resolveRegionScope(db: Db, name: string | undefined): RegionScope {
  if (!name) return { ids: null, label: null, id: null };
  const regions = listRegions(db);
  const wanted = normalizeArabic(name);
  const region = regions.find((r) => [r.code, r.nameAr, r.nameEn].some((n) => n && normalizeArabic(n) === wanted));
  if (!region) {
    throw new AppError('NOT_FOUND', bilingual('errors.noRegionNamed', { name }));
  }
  return { ids: withGovernorates(regions, region.id), label: region.nameAr, id: region.id };
}

/** A region id as the API takes it → the ids of it and its governorates; undefined for all. */
export function scopeIds(db: Db, regionId: string | undefined): string[] | undefined {
  return regionId ? [...withGovernorates(listRegions(db), regionId)] : undefined;
}
