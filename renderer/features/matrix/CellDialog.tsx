import AddIcon from '@mui/icons-material/Add';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import List from '@mui/material/List';
import ListItemButton from '@mui/material/ListItemButton';
import ListItemText from '@mui/material/ListItemText';
import Typography from '@mui/material/Typography';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Initiative, InitiativeStatus } from '../../../db/core/model';
import type { OutputOf } from '../../../db/core/contract';
import { call } from '../../api';
import { useAxisName, useFormatter, useRowName } from '../../components/useFormatter';
import { useStore } from '../../stores';
import type { Finding, MatrixRow } from '../../../db/core/results';

/**
 * The initiatives behind one matrix cell, exactly those it counts (asked of the same query as
 * the sums, drafts included in a planning session), and a way to add one.
 */
export function CellDialog(props: {
  row: MatrixRow;
  axis: number;
  filter: { status?: InitiativeStatus; period?: string };
  /** In a planning session the cell counts the drafts too. */
  drafts: boolean;
  findings: Finding[];
  onOpen(i: Initiative): void;
  onAdd(): void;
  onClose(): void;
}) {
  const { t } = useTranslation();
  // Messages from the database come in both languages: show the one on screen.
  const lang = useStore((s) => s.language);
  const fmt = useFormatter();
  const axisName = useAxisName();
  const rowName = useRowName();
  const all = useStore((s) => s.initiatives);
  const fail = useStore((s) => s.fail);
  const { row, axis, filter, drafts } = props;
  const [list, setList] = useState<OutputOf<'matrix.cell'> | null>(null);
  useEffect(() => {
    let live = true;
    const { status, period } = filter;
    call('matrix.cell', {
      regionId: row.regionId,
      clusterId: row.clusterId,
      axis,
      ...(status ? { status } : {}),
      ...(period ? { period } : {}),
      drafts,
    })
      .then((got) => live && setList(got))
      .catch(fail);
    return () => {
      live = false;
    };
  }, [row.regionId, row.clusterId, axis, filter, drafts, all, fail]);
  const cluster = rowName(row);
  const notes = row.clusterId ? props.findings.filter((f) => f.clusterId === row.clusterId && f.axis === axis) : [];
  const open = (id: string) => {
    const found = all.find((i) => i.id === id);
    if (found) props.onOpen(found);
  };

  return (
    <Dialog
      open
      onClose={props.onClose}
      fullWidth
      maxWidth="sm"
      aria-labelledby="cell-dialog-title"
      data-testid="cell-dialog"
    >
      <DialogTitle id="cell-dialog-title">
        {t('matrix.cellTitle', { cluster, axis: fmt.number(axis), name: axisName(axis) })}
      </DialogTitle>
      <DialogContent dividers>
        {notes.map((f, n) => (
          <Alert key={n} severity={f.rule === 'R1' ? 'error' : 'warning'} sx={{ mb: 1 }}>
            {f.rule}: {f.message[lang]}
          </Alert>
        ))}
        {list === null ? null : list.length === 0 ? (
          <Typography color="text.secondary">{t('matrix.cellEmpty')}</Typography>
        ) : (
          <List dense>
            {list.map((i) => (
              <ListItemButton
                key={i.id}
                disabled={i.draft}
                onClick={() => open(i.id)}
                data-testid="cell-initiative"
                data-draft={i.draft || undefined}
              >
                <ListItemText
                  primary={`${i.code} — ${i.title}`}
                  secondary={`${fmt.money(i.plannedBudget)} · ${fmt.percent(i.progress)}`}
                />
                <Chip
                  size="small"
                  color={i.draft ? 'info' : 'default'}
                  label={i.draft ? t('matrix.draft') : t(`enums.status.${i.status}`)}
                />
              </ListItemButton>
            ))}
          </List>
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={props.onClose}>{t('common.close')}</Button>
        <Button variant="contained" startIcon={<AddIcon />} onClick={props.onAdd} data-testid="cell-add">
          {t('matrix.addHere')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
