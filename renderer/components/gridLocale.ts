/**
 * The data grid's own words (menus, filter panel, footer) from our message files, so that the
 * register speaks the same Arabic as the rest of the program and nothing comes from elsewhere.
 */
import type { GridLocaleText } from '@mui/x-data-grid';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormatter } from './useFormatter';

export function useGridLocaleText(): Partial<GridLocaleText> {
  const { t, i18n } = useTranslation();
  const fmt = useFormatter();
  return useMemo(() => {
    const words = t('grid', { returnObjects: true }) as Record<string, string>;
    const count = (key: string) => (n: number) => t(key, { count: n, formatted: fmt.number(n) });
    const pages: Record<string, string> = {
      first: t('gridFn.first'),
      last: t('gridFn.last'),
      next: t('gridFn.next'),
      previous: t('gridFn.previous'),
    };
    return {
      ...words,
      toolbarFiltersTooltipActive: count('gridFn.filtersActive'),
      columnHeaderFiltersTooltipActive: count('gridFn.filtersActive'),
      footerRowSelected: count('gridFn.rowsSelected'),
      columnMenuAriaLabel: (name: string) => t('gridFn.columnMenu', { name }),
      footerTotalVisibleRows: (visible: number, total: number) =>
        t('gridFn.visibleOfTotal', { visible: fmt.number(visible), total: fmt.number(total) }),
      paginationDisplayedRows: ({ from, to, count: n }: { from: number; to: number; count: number }) =>
        t('gridFn.displayedRows', { from: fmt.number(from), to: fmt.number(to), count: fmt.number(n) }),
      paginationItemAriaLabel: (type: string) => pages[type] ?? type,
    };
    // The language is a dependency through i18n.language: t itself keeps its identity.
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the rule cannot see that t's output changes with it
  }, [t, i18n.language, fmt]);
}
