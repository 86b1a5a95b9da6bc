import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { periodName } from '../../../db/core/report-text';
import type { CellInitiative, MatrixRow, Received } from '../../../db/core/results';
import { call } from '../../api';
import { useAxisName, useFormatter, useRowName } from '../../components/useFormatter';
import { useStore } from '../../stores';

/**
 * A national figure opened: the office's initiatives in that cell, and the package they came
 * from (office, period, version, when it was sent and received, the file and its fingerprint).
 */
export function NationCellDialog(props: {
  row: MatrixRow & { office: string };
  axis: number;
  period: string;
  onClose(): void;
}) {
  const { t } = useTranslation();
  const fmt = useFormatter();
  const axisName = useAxisName();
  const rowName = useRowName();
  const language = useStore((s) => s.language);
  const fiscal = useStore((s) => s.settings.fiscalYearStartMonth);
  const fail = useStore((s) => s.fail);
  const [cell, setCell] = useState<{ initiatives: CellInitiative[]; source: Received | null } | null>(null);
  const { row, axis } = props;
  useEffect(() => {
    call('ministry.cell', {
      ...(props.period ? { period: props.period } : {}),
      regionId: row.regionId,
      clusterId: row.clusterId,
      axis,
    })
      .then(setCell)
      .catch(fail);
  }, [row, axis, props.period, fail]);
  const s = cell?.source;
  return (
    <Dialog open onClose={props.onClose} fullWidth maxWidth="md" data-testid="nation-cell">
      <DialogTitle>
        <bdi dir="ltr">{row.office}</bdi> — {rowName(row)} — {fmt.number(axis)}. {axisName(axis)}
      </DialogTitle>
      <DialogContent>
        {s && (
          <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }} data-testid="nation-cell-source">
            {t('ministry.source', {
              office: s.officeCode,
              period: periodName(s.period, language, fiscal),
              version: fmt.number(s.version),
              sent: s.submittedAt ? fmt.moment(s.submittedAt) : '—',
              received: fmt.moment(s.receivedAt),
            })}
            <br />
            {t('ministry.sourceFile')}: <bdi dir="ltr">{s.fileName}</bdi> · {t('ministry.fingerprint')}:{' '}
            <bdi dir="ltr" style={{ fontFamily: 'monospace' }} title={s.sha256}>
              {s.sha256.slice(0, 12)}…
            </bdi>
          </Typography>
        )}
        <Table size="small">
          <TableHead>
            <TableRow>
              <TableCell>{t('register.code')}</TableCell>
              <TableCell>{t('register.title')}</TableCell>
              <TableCell>{t('register.status')}</TableCell>
              <TableCell align="right">{t('matrix.budget')}</TableCell>
              <TableCell align="right">{t('register.progress')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {(cell?.initiatives ?? []).map((i) => (
              <TableRow key={i.id}>
                <TableCell>
                  <bdi dir="ltr">{i.code}</bdi>
                </TableCell>
                <TableCell>{i.title}</TableCell>
                <TableCell>{t(`enums.status.${i.status}`)}</TableCell>
                <TableCell align="right">{fmt.money(i.plannedBudget)}</TableCell>
                <TableCell align="right">{fmt.percent(i.progress)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </DialogContent>
      <DialogActions>
        <Button onClick={props.onClose}>{t('common.close')}</Button>
      </DialogActions>
    </Dialog>
  );
}
