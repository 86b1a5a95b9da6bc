import AddIcon from '@mui/icons-material/Add';
import Tooltip from '@mui/material/Tooltip';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import MenuItem from '@mui/material/MenuItem';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { DataGrid, type GridRowSelectionModel } from '@mui/x-data-grid';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Initiative, INITIATIVE_STATUSES } from '../../../db/core/model';
import { normalizeArabic } from '../../../db/core/normalize';
import { ApiFailure, call } from '../../api';
import { bilingual } from '../../../db/core/messages';
import { ConfirmDelete } from '../../components/ConfirmDialog';
import { initiativeProblems } from '../../../db/core/rules';
import { useGridLocaleText } from '../../components/gridLocale';
import { HistoryDialog } from '../../components/HistoryDialog';
import { useAxisName, useFormatter, useLocalName } from '../../components/useFormatter';
import { FiltersToggle } from '../../components/FiltersToggle';
import { useFillHeight } from '../../components/useFillHeight';
import { useStore } from '../../stores';
import { touched } from '../../stores/touched';
import { REGISTER_DEFAULTS } from '../../stores/ui';
import { BulkBar } from './BulkBar';
import { ClassifyPanel } from './ClassifyPanel';
import { asIso, registerColumns } from './columns';
import { FilterSelect } from '../../components/FilterSelect';
import { InitiativeDialog } from './InitiativeDialog';

const NONE: GridRowSelectionModel = { type: 'include', ids: new Set() };
/** The fields the register edits in place; everything else goes through the editor. */
const INLINE = ['status', 'progress', 'startDate', 'endDate'] as const;

/** The axis filter's value for initiatives on no axis yet (imported from older registers). */
const UNCLASSIFIED = -1;

export function InitiativesScreen() {
  const { t } = useTranslation();
  const fmt = useFormatter();
  const localName = useLocalName();
  const axisName = useAxisName();
  const localeText = useGridLocaleText();
  const initiatives = useStore((s) => s.initiatives);
  const regions = useStore((s) => s.regions);
  const clusters = useStore((s) => s.clusters);
  const write = useStore((s) => s.write);
  const refresh = useStore((s) => s.refresh);
  const fail = useStore((s) => s.fail);
  const view = useStore((s) => s.register);
  const setView = useStore((s) => s.setRegister);
  const [editing, setEditing] = useState<Initiative | 'new' | null>(null);
  const [deleting, setDeleting] = useState<Initiative | null>(null);
  const [history, setHistory] = useState<Initiative | null>(null);
  const [selection, setSelection] = useState<GridRowSelectionModel>(NONE);
  const [filtersOpen, setFiltersOpen] = useState(false);
  const active = [view.regionId, view.clusterId, view.axis, view.status].filter(Boolean).length;
  const [fillRef, fillHeight] = useFillHeight<HTMLDivElement>(8, [
    filtersOpen,
    view.axis === UNCLASSIFIED,
    selection.ids.size > 0,
  ]);

  // Where each initiative is, named once, and its search text folded once: typing then only
  // compares strings (20,000 initiatives).
  const { placeOf, texts } = useMemo(() => {
    const clusterById = new Map(clusters.map((c) => [c.id, c]));
    const regionById = new Map(regions.map((r) => [r.id, r]));
    const wide = t('initiatives.regionWide');
    const places = new Map<string, { place: string; region: string }>();
    const texts = new Map<string, string>();
    for (const i of initiatives) {
      const cluster = i.clusterId ? clusterById.get(i.clusterId) : undefined;
      const region = regionById.get(i.regionId);
      const regionName = region ? localName(region) : '';
      const place = cluster ? localName(cluster) : `${wide} — ${regionName}`;
      places.set(i.id, { place, region: regionName });
      texts.set(i.id, normalizeArabic(`${i.code} ${i.title} ${i.leadBody} ${place}`));
    }
    return { placeOf: (id: string) => places.get(id), texts };
  }, [initiatives, clusters, regions, localName, t]);

  const rows = useMemo(() => {
    const q = normalizeArabic(view.search);
    return initiatives.filter(
      (i) =>
        (!view.regionId || i.regionId === view.regionId) &&
        (!view.clusterId || i.clusterId === view.clusterId) &&
        (!view.axis || (view.axis === UNCLASSIFIED ? i.axes.length === 0 : i.axes.includes(view.axis))) &&
        (!view.status || i.status === view.status) &&
        (!q || texts.get(i.id)!.includes(q)),
    );
  }, [initiatives, texts, view]);

  const columns = useMemo(
    () =>
      registerColumns({
        t,
        fmt,
        axisName,
        placeOf,
        onEdit: setEditing,
        onDelete: setDeleting,
        onHistory: setHistory,
      }),
    [t, fmt, axisName, placeOf],
  );

  /**
   * An edit made in a cell: only the changed field is sent, so the rest of the record stays. A
   * refused edit is explained in the notice bar and the cell shows the stored value again.
   */
  const saveCell = async (next: Initiative, old: Initiative): Promise<Initiative> => {
    // A date cell left with text that is no date (31/02): said, and nothing saved.
    const unreadable = (v: unknown) => v instanceof Date && Number.isNaN(v.getTime());
    if (unreadable(next.startDate) || unreadable(next.endDate)) {
      fail(new ApiFailure({ code: 'INVALID_INPUT', message: bilingual('common.dateHint') }));
      return old;
    }
    const patch: Record<string, unknown> = {};
    for (const f of INLINE) {
      const value = f === 'startDate' || f === 'endDate' ? asIso(next[f]) : next[f];
      if (value !== old[f]) patch[f] = value;
    }
    if (Object.keys(patch).length === 0) return old;
    try {
      // The model's rules on the row as it would be, before it travels: the same as every way in.
      const problem = initiativeProblems(Object.assign({}, old, patch))[0];
      if (problem) throw new ApiFailure({ code: 'INVALID_INPUT', message: problem.message });
      const saved = await call('initiatives.update', { id: old.id, ...patch });
      void refresh(touched('initiatives.update'));
      return Object.assign({}, old, saved);
    } catch (e) {
      fail(e);
      return old;
    }
  };

  const selectedIds = [...selection.ids].map(String);
  const regionClusters = clusters.filter((c) => !view.regionId || c.regionId === view.regionId);
  const select = (
    key: 'regionId' | 'clusterId' | 'status',
    label: string,
    options: { value: string; label: string }[],
  ) => (
    <FilterSelect
      label={label}
      value={view[key]}
      onChange={(v) => setView(key === 'regionId' ? { regionId: v, clusterId: '' } : { [key]: v })}
      none={t('common.all')}
      options={options}
      testId={`register-${key}`}
    />
  );

  return (
    <Stack spacing={1}>
      {/* One line: the title, the search, the filters on demand and the add button; the grid has the rest. */}
      <Box sx={{ display: 'flex', alignItems: 'center', flexWrap: 'wrap', gap: 1 }}>
        <Typography variant="h6" component="h2">
          {t('initiatives.title')}
        </Typography>
        <Tooltip title={t('initiatives.searchHint')} placement="bottom-start">
          <TextField
            size="small"
            label={t('initiatives.search')}
            value={view.search}
            onChange={(e) => setView({ search: e.target.value })}
            type="search"
            name="search"
            fullWidth={false}
            sx={{ flex: '1 1 240px', maxWidth: 420 }}
          />
        </Tooltip>
        <FiltersToggle
          open={filtersOpen}
          active={active}
          onToggle={() => setFiltersOpen((o) => !o)}
          testId="register-filters-toggle"
        />
        {(active > 0 || view.search) && (
          <Button size="small" onClick={() => setView({ ...REGISTER_DEFAULTS, hidden: view.hidden })}>
            {t('initiatives.clearFilters')}
          </Button>
        )}
        <Box sx={{ flexGrow: 1 }} />
        <Typography variant="caption" color="text.secondary" data-testid="register-unit">
          {t('matrix.amountsIn', { currency: fmt.currency })}
        </Typography>
        <Button
          variant="contained"
          startIcon={<AddIcon />}
          onClick={() => setEditing('new')}
          disabled={regions.length === 0}
          data-testid="add-initiative"
        >
          {t('initiatives.add')}
        </Button>
      </Box>
      {filtersOpen && (
        <Stack
          direction="row"
          spacing={1.5}
          useFlexGap
          flexWrap="wrap"
          alignItems="center"
          data-testid="register-filters"
        >
          {select(
            'regionId',
            t('initiatives.filterRegion'),
            regions.map((r) => ({ value: r.id, label: localName(r) })),
          )}
          {select(
            'clusterId',
            t('initiatives.filterCluster'),
            regionClusters.map((c) => ({ value: c.id, label: localName(c) })),
          )}
          <TextField
            select
            size="small"
            label={t('initiatives.filterAxis')}
            value={view.axis}
            onChange={(e) => setView({ axis: Number(e.target.value) })}
            fullWidth={false}
            sx={{ minWidth: 170 }}
            data-testid="register-axis"
          >
            <MenuItem value={0}>{t('common.all')}</MenuItem>
            {[1, 2, 3, 4, 5, 6, 7].map((a) => (
              <MenuItem key={a} value={a}>
                {fmt.number(a)}. {axisName(a)}
              </MenuItem>
            ))}
            <MenuItem value={UNCLASSIFIED}>{t('initiatives.unclassified')}</MenuItem>
          </TextField>
          {select(
            'status',
            t('initiatives.filterStatus'),
            INITIATIVE_STATUSES.map((s) => ({ value: s, label: t(`enums.status.${s}`) })),
          )}
        </Stack>
      )}
      {view.axis === UNCLASSIFIED && <ClassifyPanel selected={selectedIds} />}
      {selectedIds.length > 0 && (
        <BulkBar ids={selectedIds} onDone={() => setSelection({ type: 'include', ids: new Set() })} />
      )}
      <Paper
        ref={fillRef}
        variant="outlined"
        sx={{ height: fillHeight ?? 'calc(100vh - 200px)' }}
        data-testid="initiative-grid"
      >
        <DataGrid
          rows={rows}
          columns={columns}
          localeText={localeText}
          aria-label={t('initiatives.registerLabel')}
          checkboxSelection
          disableRowSelectionOnClick
          keepNonExistentRowsSelected={false}
          rowSelectionModel={selection}
          onRowSelectionModelChange={setSelection}
          columnVisibilityModel={view.hidden}
          onColumnVisibilityModelChange={(hidden) => setView({ hidden })}
          initialState={{ pagination: { paginationModel: { pageSize: 100 } } }}
          pageSizeOptions={[25, 50, 100]}
          density="compact"
          showToolbar
          slotProps={{
            toolbar: {
              // The search above matches Arabic spelling variants; the grid's own would not.
              showQuickFilter: false,
              csvOptions: { disableToolbarButton: true },
              printOptions: { disableToolbarButton: true },
            },
          }}
          // A double click opens the editor, except on the cells that are edited in place.
          onCellDoubleClick={(params) => !params.isEditable && setEditing(params.row)}
          processRowUpdate={saveCell}
          sx={{
            border: 0,
            '& .ltr-cell': { direction: 'ltr', textAlign: 'end' },
            '& .cell-text': { display: 'block', overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' },
          }}
        />
      </Paper>
      {editing && <InitiativeDialog initiative={editing} onClose={() => setEditing(null)} />}
      {history && (
        <HistoryDialog
          entity="initiative"
          entityId={history.id}
          name={`${history.code} ${history.title}`}
          onClose={() => setHistory(null)}
        />
      )}
      <ConfirmDelete
        name={deleting?.title ?? null}
        onCancel={() => setDeleting(null)}
        onConfirm={() => {
          const target = deleting;
          setDeleting(null);
          if (target) void write('initiatives.delete', { id: target.id }, 'common.deleted');
        }}
      />
    </Stack>
  );
}
