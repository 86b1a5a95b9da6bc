import AddIcon from '@mui/icons-material/Add';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import ExpandLessIcon from '@mui/icons-material/ExpandLess';
import ExpandMoreIcon from '@mui/icons-material/ExpandMore';
import IconButton from '@mui/material/IconButton';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemButton from '@mui/material/ListItemButton';
import ListItemText from '@mui/material/ListItemText';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Cluster, Region } from '../../../db/core/model';
import { regionTree } from '../../../db/core/region-tree';
import { HistoryDialog } from '../../components/HistoryDialog';
import { ActionIcons, RowActions } from '../../components/RowActions';
import { ConfirmDelete } from '../../components/ConfirmDialog';
import { useFormatter, useLocalName } from '../../components/useFormatter';
import { useStore } from '../../stores';
import { ClusterDialog } from './ClusterDialog';
import { RegionDialog } from './RegionDialog';
import { counts } from '../../../db/core/measures';

/** Regions in tree order (a governorate under its region), each with its depth. */
type Pending = { kind: 'region'; item: Region } | { kind: 'cluster'; item: Cluster };

export function RegionsScreen() {
  const { t } = useTranslation();
  const fmt = useFormatter();
  const localName = useLocalName();
  const regions = useStore((s) => s.regions);
  const clusters = useStore((s) => s.clusters);
  const sectors = useStore((s) => s.sectors);
  const initiatives = useStore((s) => s.initiatives);
  const write = useStore((s) => s.write);
  const [selectedId, setSelectedId] = useState<string | null>(regions[0]?.id ?? null);
  const [regionDialog, setRegionDialog] = useState<Region | 'new' | null>(null);
  const [clusterDialog, setClusterDialog] = useState<Cluster | { regionId: string } | null>(null);
  const [pendingDelete, setPendingDelete] = useState<Pending | null>(null);
  const [history, setHistory] = useState<{ entity: string; id: string; name: string } | null>(null);

  const selected = regions.find((r) => r.id === selectedId) ?? regions[0] ?? null;
  const shown = clusters.filter((c) => c.regionId === selected?.id);
  // Under the rule of figures, as the matrix counts them: cancelled ones stay in the register only.
  const initiativeCount = (clusterId: string) =>
    initiatives.filter((i) => i.clusterId === clusterId && counts(i)).length;

  const confirmDelete = async () => {
    if (!pendingDelete) return;
    const { kind, item } = pendingDelete;
    setPendingDelete(null);
    if (kind === 'region') {
      if (await write('regions.delete', { id: item.id }, 'common.deleted')) setSelectedId(null);
    } else {
      await write('clusters.delete', { id: item.id }, 'common.deleted');
    }
  };

  // The regions as a tree: a region's governorates under it, hidden while it is closed.
  const [closed, setClosed] = useState<ReadonlySet<string>>(new Set());
  const toggle = (id: string) =>
    setClosed((c) => {
      const next = new Set(c);
      if (!next.delete(id)) next.add(id);
      return next;
    });
  const parents = new Set(regions.flatMap((r) => (r.parentId ? [r.parentId] : [])));
  const parentOf = new Map(regions.map((r) => [r.id, r.parentId]));
  const hidden = (id: string): boolean => {
    const up = parentOf.get(id);
    return !!up && (closed.has(up) || hidden(up));
  };
  const visible = regionTree(regions).filter(({ region }) => !hidden(region.id));

  return (
    <Stack direction={{ xs: 'column', md: 'row' }} spacing={2} alignItems="flex-start">
      <Paper variant="outlined" sx={{ width: { xs: '100%', md: 300 }, flexShrink: 0 }}>
        <Box sx={{ display: 'flex', alignItems: 'center', p: 1.5 }}>
          <Typography variant="h6" component="h2" sx={{ flexGrow: 1 }}>
            {t('regions.title')}
          </Typography>
          <Button startIcon={<AddIcon />} onClick={() => setRegionDialog('new')} data-testid="add-region">
            {t('common.add')}
          </Button>
        </Box>
        <List dense aria-label={t('regions.title')} data-testid="region-list">
          {visible.map(({ region, depth }) => (
            <ListItem
              key={region.id}
              disablePadding
              secondaryAction={
                <ActionIcons
                  name={localName(region)}
                  onEdit={() => setRegionDialog(region)}
                  onDelete={() => setPendingDelete({ kind: 'region', item: region })}
                  onHistory={() => setHistory({ entity: 'region', id: region.id, name: localName(region) })}
                />
              }
            >
              {/* A region with governorates opens and closes; one without keeps the same indent. */}
              <Box sx={{ width: 32, flexShrink: 0, ml: depth * 3.5, display: 'flex', justifyContent: 'center' }}>
                {parents.has(region.id) && (
                  <IconButton
                    size="small"
                    onClick={() => toggle(region.id)}
                    aria-expanded={!closed.has(region.id)}
                    aria-label={t(closed.has(region.id) ? 'matrix.expand' : 'matrix.collapse', {
                      region: localName(region),
                    })}
                    data-testid={`region-toggle-${region.code}`}
                  >
                    {closed.has(region.id) ? <ExpandMoreIcon fontSize="small" /> : <ExpandLessIcon fontSize="small" />}
                  </IconButton>
                )}
              </Box>
              <ListItemButton
                selected={region.id === selectedId}
                onClick={() => setSelectedId(region.id)}
                sx={{ pl: 0.5, pr: 10 }}
              >
                <ListItemText
                  primary={localName(region)}
                  secondary={t('counts.clusters', {
                    count: clusters.filter((c) => c.regionId === region.id).length,
                    formatted: fmt.number(clusters.filter((c) => c.regionId === region.id).length),
                  })}
                />
              </ListItemButton>
            </ListItem>
          ))}
        </List>
      </Paper>

      <Paper variant="outlined" sx={{ flexGrow: 1, minWidth: 0, width: '100%' }}>
        <Box sx={{ display: 'flex', alignItems: 'center', p: 1.5 }}>
          <Typography variant="h6" component="h2" sx={{ flexGrow: 1 }}>
            {selected ? `${t('clusters.title')} — ${localName(selected)}` : t('regions.select')}
          </Typography>
          <Button
            variant="contained"
            startIcon={<AddIcon />}
            disabled={!selected}
            onClick={() => selected && setClusterDialog({ regionId: selected.id })}
            data-testid="add-cluster"
          >
            {t('clusters.add')}
          </Button>
        </Box>
        {selected && shown.length === 0 && (
          <Typography sx={{ p: 2 }} color="text.secondary">
            {t('clusters.noneInRegion')}
          </Typography>
        )}
        {shown.length > 0 && (
          <TableContainer>
            <Table size="small" data-testid="cluster-table">
              <TableHead>
                <TableRow>
                  <TableCell>{t('clusters.title')}</TableCell>
                  <TableCell>{t('sectors.label')}</TableCell>
                  <TableCell>{t('clusters.formality')}</TableCell>
                  <TableCell align="right">{t('clusters.microCount')}</TableCell>
                  <TableCell align="right">{t('clusters.smallCount')}</TableCell>
                  <TableCell>{t('initiatives.title')}</TableCell>
                  <TableCell>{t('common.actions')}</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {shown.map((c) => {
                  const sector = sectors.find((s) => s.id === c.sectorId);
                  const n = initiativeCount(c.id);
                  return (
                    <TableRow key={c.id} hover>
                      <TableCell>
                        <Typography variant="body2" sx={{ fontWeight: 600 }}>
                          {localName(c)}
                        </Typography>
                        <Stack direction="row" useFlexGap flexWrap="wrap" spacing={0.5} sx={{ mt: 0.5 }}>
                          {c.heritage && <Chip size="small" label={t('clusters.heritage')} />}
                          {c.selected && (
                            <Chip size="small" color="primary" variant="outlined" label={t('clusters.selected')} />
                          )}
                        </Stack>
                      </TableCell>
                      <TableCell>{sector ? localName(sector) : t('common.none')}</TableCell>
                      <TableCell>{t(`enums.formality.${c.formality}`)}</TableCell>
                      <TableCell align="right">{fmt.number(c.microCount)}</TableCell>
                      <TableCell align="right">{fmt.number(c.smallCount)}</TableCell>
                      <TableCell>{t('counts.initiatives', { count: n, formatted: fmt.number(n) })}</TableCell>
                      <RowActions
                        name={localName(c)}
                        onEdit={() => setClusterDialog(c)}
                        onDelete={() => setPendingDelete({ kind: 'cluster', item: c })}
                        onHistory={() => setHistory({ entity: 'cluster', id: c.id, name: localName(c) })}
                      />
                    </TableRow>
                  );
                })}
              </TableBody>
            </Table>
          </TableContainer>
        )}
      </Paper>

      {regionDialog && (
        <RegionDialog
          region={regionDialog}
          onClose={(saved) => {
            setRegionDialog(null);
            if (saved) setSelectedId(saved.id);
          }}
        />
      )}
      {clusterDialog && <ClusterDialog cluster={clusterDialog} onClose={() => setClusterDialog(null)} />}
      {history && (
        <HistoryDialog
          entity={history.entity}
          entityId={history.id}
          name={history.name}
          onClose={() => setHistory(null)}
        />
      )}
      <ConfirmDelete
        name={pendingDelete ? localName(pendingDelete.item) : null}
        onCancel={() => setPendingDelete(null)}
        onConfirm={() => void confirmDelete()}
      />
    </Stack>
  );
}
