/**
 * The register's columns: what each shows, sorts by and lets the user edit in place (status,
 * progress and dates; the rest goes through the editor, where the whole record is checked).
 */
import DeleteIcon from '@mui/icons-material/Delete';
import EditIcon from '@mui/icons-material/Edit';
import HistoryIcon from '@mui/icons-material/History';
import Chip from '@mui/material/Chip';
import Stack from '@mui/material/Stack';
import { GridActionsCellItem, type GridColDef, GridEditSingleSelectCell } from '@mui/x-data-grid';
import type { TFunction } from 'i18next';
import { type Initiative, INITIATIVE_STATUSES } from '../../../db/core/model';
import type { Formatter } from '../../../db/core/format';
import { fromDate, toDate } from '../../components/DateField';
import { GridDateEditCell } from '../../components/GridDateEditCell';

/** A date field of an edited row: the edited one comes back as a Date, the others as stored. */
export const asIso = (v: unknown): string | null => (v instanceof Date ? fromDate(v) : ((v as string | null) ?? null));

/** A text that may be long: one line ending in an ellipsis on its own reading side, the whole on hover. */
const textCell = ({ value }: { value?: unknown }) => (
  <span title={String(value ?? '')} dir="auto" className="cell-text">
    {String(value ?? '')}
  </span>
);

export function registerColumns(o: {
  t: TFunction;
  fmt: Formatter;
  axisName(a: number, full?: boolean): string;
  /** The initiative's cluster (or region, when region-wide) and region, by id, named. */
  placeOf(id: string): { place: string; region: string } | undefined;
  onEdit(i: Initiative): void;
  onDelete(i: Initiative): void;
  onHistory(i: Initiative): void;
}): GridColDef<Initiative>[] {
  const { t, fmt } = o;
  const dateColumn = (field: 'startDate' | 'endDate'): GridColDef<Initiative> => ({
    field,
    headerName: t(`initiatives.${field}`),
    type: 'date',
    width: 130,
    editable: true,
    valueGetter: (v: string | null) => toDate(v),
    valueFormatter: (v: Date | null) => (v ? fmt.date(fromDate(v)) : '—'),
    renderEditCell: (params) => <GridDateEditCell {...params} />,
  });
  // Grouped numbers in the cells; the currency is said once, above the grid, and on the header's hover.
  const money = (field: 'plannedBudget' | 'spent'): GridColDef<Initiative> => ({
    field,
    headerName: t(`initiatives.${field}`),
    description: `${t(`initiatives.${field}`)} (${fmt.currency})`,
    type: 'number',
    width: 112,
    valueFormatter: (v: number) => fmt.amount(v),
  });
  const count = (field: 'beneficiaries' | 'jobs' | 'trainees'): GridColDef<Initiative> => ({
    field,
    headerName: t(`initiatives.${field}`),
    type: 'number',
    width: 120,
    valueFormatter: (v: number) => fmt.number(v),
  });
  // Actions first: at the far end they would sit behind the horizontal scroll. Editing is one
  // click; deleting and the history are in the row's menu (three icons took 130 pixels).
  return [
    {
      field: 'actions',
      type: 'actions',
      headerName: '',
      width: 76,
      getActions: ({ row }) => [
        <GridActionsCellItem
          key="edit"
          icon={<EditIcon />}
          label={`${t('common.edit')} ${row.title}`}
          title={t('common.edit')}
          onClick={() => o.onEdit(row)}
        />,
        <GridActionsCellItem
          key="history"
          icon={<HistoryIcon />}
          label={t('history.title')}
          showInMenu
          onClick={() => o.onHistory(row)}
        />,
        <GridActionsCellItem
          key="delete"
          icon={<DeleteIcon />}
          label={t('common.delete')}
          showInMenu
          onClick={() => o.onDelete(row)}
        />,
      ],
    },
    { field: 'code', headerName: t('common.code'), width: 86, cellClassName: 'ltr-cell' },
    {
      field: 'title',
      headerName: t('initiatives.titleField'),
      flex: 2,
      minWidth: 220,
      // The whole title on hover: a long one ends in an ellipsis on its reading side.
      renderCell: textCell,
    },
    {
      field: 'place',
      headerName: t('initiatives.place'),
      flex: 1,
      minWidth: 140,
      valueGetter: (_v, row) => o.placeOf(row.id)?.place ?? '',
      renderCell: textCell,
    },
    {
      field: 'regionName',
      headerName: t('initiatives.region'),
      width: 150,
      valueGetter: (_v, row) => o.placeOf(row.id)?.region ?? '',
    },
    {
      field: 'axes',
      headerName: t('initiatives.axes'),
      width: 108,
      sortable: false,
      filterable: false,
      renderCell: ({ row }) => (
        <Stack direction="row" spacing={0.5} sx={{ height: '100%', alignItems: 'center' }}>
          {row.axes.map((a) => (
            <Chip
              key={a}
              size="small"
              title={o.axisName(a, true)}
              label={fmt.number(a)}
              color={a === row.primaryAxis ? 'primary' : 'default'}
            />
          ))}
        </Stack>
      ),
    },
    {
      field: 'status',
      headerName: t('initiatives.status'),
      type: 'singleSelect',
      width: 90,
      editable: true,
      valueOptions: INITIATIVE_STATUSES.map((s) => ({ value: s, label: t(`enums.status.${s}`) })),
      // Choosing a status saves it, as a clerk expects of a drop-down (the grid would otherwise
      // wait for Enter or a click elsewhere: mui/mui-x#12617). The timeout lets the grid take
      // the new value first.
      renderEditCell: (params) => (
        <GridEditSingleSelectCell
          {...params}
          onValueChange={() => {
            setTimeout(() => void params.api.stopCellEditMode({ id: params.id, field: params.field }));
          }}
        />
      ),
    },
    {
      field: 'progress',
      headerName: t('initiatives.progress'),
      description: t('initiatives.progress'),
      type: 'number',
      width: 72,
      editable: true,
      valueFormatter: (v: number) => fmt.percent(v),
    },
    money('plannedBudget'),
    money('spent'),
    dateColumn('startDate'),
    dateColumn('endDate'),
    { field: 'leadBody', headerName: t('initiatives.leadBody'), width: 200 },
    count('beneficiaries'),
    count('jobs'),
    count('trainees'),
  ];
}
