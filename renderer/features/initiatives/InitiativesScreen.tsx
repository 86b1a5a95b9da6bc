import AddIcon from '@mui/icons-material/Add';
import DeleteIcon from '@mui/icons-material/Delete';
import EditIcon from '@mui/icons-material/Edit';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import IconButton from '@mui/material/IconButton';
import MenuItem from '@mui/material/MenuItem';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TablePagination from '@mui/material/TablePagination';
import TableRow from '@mui/material/TableRow';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Initiative, INITIATIVE_STATUSES } from '../../../db/model';
import { normalizeArabic } from '../../../db/normalize';
import { ConfirmDelete } from '../../components/ConfirmDialog';
import { useAxisName, useFormatter, useLocalName } from '../../components/useFormatter';
import { useStore } from '../../stores';
import { InitiativeDialog } from './InitiativeDialog';

export function InitiativesScreen() {
  const { t } = useTranslation();
  const fmt = useFormatter();
  const localName = useLocalName();
  const axisName = useAxisName();
  const initiatives = useStore((s) => s.initiatives);
  const regions = useStore((s) => s.regions);
  const clusters = useStore((s) => s.clusters);
  const write = useStore((s) => s.write);
  const [regionId, setRegionId] = useState('');
  const [axis, setAxis] = useState(0);
  const [status, setStatus] = useState('');
  const [search, setSearch] = useState('');
  const [page, setPage] = useState(0);
  const [rowsPerPage, setRowsPerPage] = useState(25);
  const [editing, setEditing] = useState<Initiative | 'new' | null>(null);
  const [deleting, setDeleting] = useState<Initiative | null>(null);

  const clusterById = useMemo(() => new Map(clusters.map((c) => [c.id, c])), [clusters]);
  const regionById = useMemo(() => new Map(regions.map((r) => [r.id, r])), [regions]);
  const filtered = useMemo(() => {
    const q = normalizeArabic(search);
    return initiatives.filter(
      (i) =>
        (!regionId || i.regionId === regionId) &&
        (!axis || i.axes.includes(axis)) &&
        (!status || i.status === status) &&
        (!q || normalizeArabic(`${i.code} ${i.title} ${i.leadBody}`).includes(q)),
    );
  }, [initiatives, regionId, axis, status, search]);
  const pageRows = filtered.slice(page * rowsPerPage, (page + 1) * rowsPerPage);
  const resetPage =
    <T,>(setter: (v: T) => void) =>
    (v: T) => {
      setter(v);
      setPage(0);
    };

  return (
    <Stack spacing={2}>
      <Box sx={{ display: 'flex', alignItems: 'center' }}>
        <Typography variant="h5" component="h2" sx={{ flexGrow: 1 }}>
          {t('initiatives.title')}
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
      <Paper variant="outlined" sx={{ p: 2 }}>
        <Stack direction={{ xs: 'column', md: 'row' }} spacing={2}>
          <TextField
            label={t('initiatives.search')}
            value={search}
            onChange={(e) => resetPage(setSearch)(e.target.value)}
            type="search"
            name="search"
          />
          <TextField
            select
            label={t('initiatives.filterRegion')}
            value={regionId}
            onChange={(e) => resetPage(setRegionId)(e.target.value)}
            sx={{ minWidth: 180 }}
          >
            <MenuItem value="">{t('common.all')}</MenuItem>
            {regions.map((r) => (
              <MenuItem key={r.id} value={r.id}>
                {localName(r)}
              </MenuItem>
            ))}
          </TextField>
          <TextField
            select
            label={t('initiatives.filterAxis')}
            value={axis}
            onChange={(e) => resetPage(setAxis)(Number(e.target.value))}
            sx={{ minWidth: 180 }}
          >
            <MenuItem value={0}>{t('common.all')}</MenuItem>
            {[1, 2, 3, 4, 5, 6, 7].map((a) => (
              <MenuItem key={a} value={a}>
                {fmt.number(a)}. {axisName(a)}
              </MenuItem>
            ))}
          </TextField>
          <TextField
            select
            label={t('initiatives.filterStatus')}
            value={status}
            onChange={(e) => resetPage(setStatus)(e.target.value)}
            sx={{ minWidth: 150 }}
          >
            <MenuItem value="">{t('common.all')}</MenuItem>
            {INITIATIVE_STATUSES.map((s) => (
              <MenuItem key={s} value={s}>
                {t(`enums.status.${s}`)}
              </MenuItem>
            ))}
          </TextField>
        </Stack>
      </Paper>
      <Paper variant="outlined">
        <TableContainer>
          <Table size="small" data-testid="initiative-table">
            <TableHead>
              <TableRow>
                <TableCell>{t('common.code')}</TableCell>
                <TableCell>{t('initiatives.titleField')}</TableCell>
                <TableCell>{t('initiatives.cluster')}</TableCell>
                <TableCell>{t('initiatives.axes')}</TableCell>
                <TableCell>{t('initiatives.status')}</TableCell>
                <TableCell align="right">{t('initiatives.plannedBudget')}</TableCell>
                <TableCell align="right">{t('initiatives.progress')}</TableCell>
                <TableCell>{t('common.actions')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {pageRows.map((i) => {
                const cluster = i.clusterId ? clusterById.get(i.clusterId) : undefined;
                const region = regionById.get(i.regionId);
                return (
                  <TableRow key={i.id} hover>
                    <TableCell dir="ltr" sx={{ whiteSpace: 'nowrap' }}>
                      {i.code}
                    </TableCell>
                    <TableCell>{i.title}</TableCell>
                    <TableCell>
                      {cluster
                        ? localName(cluster)
                        : region
                          ? `${t('initiatives.regionWide')} — ${localName(region)}`
                          : ''}
                    </TableCell>
                    <TableCell>
                      <Stack direction="row" spacing={0.5}>
                        {i.axes.map((a) => (
                          <Chip
                            key={a}
                            size="small"
                            title={axisName(a, true)}
                            label={fmt.number(a)}
                            color={a === i.primaryAxis ? 'primary' : 'default'}
                          />
                        ))}
                      </Stack>
                    </TableCell>
                    <TableCell>{t(`enums.status.${i.status}`)}</TableCell>
                    <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>
                      {fmt.money(i.plannedBudget)}
                    </TableCell>
                    <TableCell align="right">{fmt.percent(i.progress)}</TableCell>
                    <TableCell sx={{ whiteSpace: 'nowrap' }}>
                      <IconButton aria-label={`${t('common.edit')} ${i.title}`} onClick={() => setEditing(i)}>
                        <EditIcon fontSize="small" />
                      </IconButton>
                      <IconButton aria-label={`${t('common.delete')} ${i.title}`} onClick={() => setDeleting(i)}>
                        <DeleteIcon fontSize="small" />
                      </IconButton>
                    </TableCell>
                  </TableRow>
                );
              })}
            </TableBody>
          </Table>
        </TableContainer>
        {filtered.length === 0 && (
          <Typography sx={{ p: 2 }} color="text.secondary">
            {t('common.empty')}
          </Typography>
        )}
        <TablePagination
          component="div"
          count={filtered.length}
          page={page}
          rowsPerPage={rowsPerPage}
          rowsPerPageOptions={[25, 50, 100]}
          onPageChange={(_e, p) => setPage(p)}
          onRowsPerPageChange={(e) => {
            setRowsPerPage(Number(e.target.value));
            setPage(0);
          }}
          labelRowsPerPage=""
          labelDisplayedRows={({ from, to, count }) =>
            t('initiatives.shown', { shown: `${fmt.number(from)}–${fmt.number(to)}`, total: fmt.number(count) })
          }
        />
      </Paper>
      {editing && <InitiativeDialog initiative={editing} onClose={() => setEditing(null)} />}
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
