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
import { useTranslation } from 'react-i18next';
import type { Finding } from '../../../db/queries/health';
import type { MatrixRow } from '../../../db/queries/matrix';
import { inMatrixView } from '../../../db/queries/period';
import type { Initiative } from '../../../db/model';
import { useAxisName, useFormatter, useLocalName } from '../../components/useFormatter';
import { useStore } from '../../stores';

/** The initiatives behind one matrix cell, under the view's filters, and a way to add one. */
export function CellDialog(props: {
  row: MatrixRow;
  axis: number;
  filter: { status?: string; period?: string };
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
  const localName = useLocalName();
  const all = useStore((s) => s.initiatives);
  const { row, axis } = props;
  const list = all.filter(
    (i) => i.clusterId === row.clusterId && i.axes.includes(axis) && inMatrixView(i, props.filter),
  );
  const cluster = localName({ nameAr: row.clusterNameAr, nameEn: row.clusterNameEn });
  const notes = props.findings.filter((f) => f.clusterId === row.clusterId && f.axis === axis);

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
        {list.length === 0 ? (
          <Typography color="text.secondary">{t('matrix.cellEmpty')}</Typography>
        ) : (
          <List dense>
            {list.map((i) => (
              <ListItemButton key={i.id} onClick={() => props.onOpen(i)} data-testid="cell-initiative">
                <ListItemText
                  primary={`${i.code} — ${i.title}`}
                  secondary={`${fmt.money(i.plannedBudget)} · ${fmt.percent(i.progress)}`}
                />
                <Chip size="small" label={t(`enums.status.${i.status}`)} />
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
