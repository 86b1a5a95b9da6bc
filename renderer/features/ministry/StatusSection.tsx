import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { periodName } from '../../../db/core/report-text';
import type { Office, ReportState, StatusGrid, StatusRow } from '../../../db/core/results';
import { AppError } from '../../../db/core/errors';
import { bilingual } from '../../../db/core/messages';
import { call } from '../../api';
import { downloadFile } from '../../components/files';
import { Section } from '../../components/Section';
import { useFormatter } from '../../components/useFormatter';
import { useStore } from '../../stores';

const COLOR: Record<ReportState, 'default' | 'success' | 'warning' | 'error' | 'info'> = {
  missing: 'error',
  on_time: 'info',
  late: 'warning',
  accepted: 'success',
  returned: 'default',
};

/** Offices × periods, each cell a state; a cell with a package opens the ministry's reply. */
export function StatusSection(props: { grid: StatusGrid; offices: Office[]; onDecided(): void }) {
  const { t } = useTranslation();
  const fmt = useFormatter();
  const language = useStore((s) => s.language);
  const fiscal = useStore((s) => s.settings.fiscalYearStartMonth);
  const [open, setOpen] = useState<StatusRow | null>(null);
  const { grid } = props;
  const cell = (office: string, period: string) => grid.rows.find((r) => r.office === office && r.period === period);
  const shown = props.offices.filter((o) => grid.rows.some((r) => r.office === o.code));
  return (
    <Section title={t('ministry.statusTitle')} body={t('ministry.statusBody')} testId="status-section">
      {shown.length === 0 ? (
        <Typography color="text.secondary">{t('ministry.noOffices')}</Typography>
      ) : (
        <Table size="small" data-testid="status-grid">
          <TableHead>
            <TableRow>
              <TableCell>{t('ministry.colOffice')}</TableCell>
              {grid.periods.map((p) => (
                <TableCell key={p}>{periodName(p, language, fiscal)}</TableCell>
              ))}
            </TableRow>
          </TableHead>
          <TableBody>
            {shown.map((o) => (
              <TableRow key={o.code} data-office={o.code}>
                <TableCell>
                  <bdi dir="ltr">{o.code}</bdi> {o.name}
                </TableCell>
                {grid.periods.map((p) => {
                  const r = cell(o.code, p);
                  if (!r) return <TableCell key={p}>—</TableCell>;
                  const label = `${t(`ministry.status.${r.state}`)}${r.version ? ` · ${fmt.number(r.version)}` : ''}`;
                  return (
                    <TableCell key={p} data-period={p} data-state={r.state}>
                      <Chip
                        size="small"
                        color={COLOR[r.state]}
                        variant={r.state === 'missing' ? 'outlined' : 'filled'}
                        label={label}
                        aria-label={`${o.code} — ${periodName(p, language, fiscal)}: ${label}`}
                        onClick={r.version ? () => setOpen(r) : undefined}
                      />
                    </TableCell>
                  );
                })}
              </TableRow>
            ))}
            <TableRow sx={{ '& td': { fontWeight: 600 } }}>
              <TableCell>{t('ministry.counts')}</TableCell>
              {grid.periods.map((p) => (
                <TableCell key={p}>
                  {(['accepted', 'on_time', 'late', 'returned', 'missing'] as const)
                    .filter((s) => grid.counts[p]![s] > 0)
                    .map((s) => `${t(`ministry.status.${s}`)}: ${fmt.number(grid.counts[p]![s])}`)
                    .join(language === 'ar' ? '، ' : ', ')}
                </TableCell>
              ))}
            </TableRow>
          </TableBody>
        </Table>
      )}
      {open && (
        <DecideDialog
          row={open}
          onClose={(decided) => {
            setOpen(null);
            if (decided) props.onDecided();
          }}
        />
      )}
    </Section>
  );
}

/** Accept, or return with a general comment and comments per initiative: the reply file is saved. */
function DecideDialog(props: { row: StatusRow; onClose(decided: boolean): void }) {
  const { t } = useTranslation();
  const fmt = useFormatter();
  const language = useStore((s) => s.language);
  const fiscal = useStore((s) => s.settings.fiscalYearStartMonth);
  const fail = useStore((s) => s.fail);
  const notify = useStore((s) => s.notify);
  const [comment, setComment] = useState('');
  const [lines, setLines] = useState('');
  const [busy, setBusy] = useState(false);
  const { row } = props;
  const period = periodName(row.period, language, fiscal);
  const decide = async (status: 'accepted' | 'returned') => {
    // "CODE: comment", one a line; a colon in either language's form.
    const written = lines.split('\n').filter((l) => l.trim() !== '');
    const parsed = written.map((l) => /^\s*([^:：]+?)\s*[:：]\s*(.+)$/.exec(l));
    // A line that is not "CODE: comment" is said, not dropped.
    const bad = written.find((_, i) => !parsed[i]);
    if (status === 'returned' && bad) {
      fail(new AppError('INVALID_INPUT', bilingual('ministry.badLine', { line: bad.trim().slice(0, 80) })));
      return;
    }
    const comments = parsed
      .filter((m): m is RegExpExecArray => m !== null)
      .map((m) => ({ code: m[1]!, comment: m[2]! }));
    setBusy(true);
    try {
      const file = await call('ministry.decide', {
        office: row.office,
        period: row.period,
        status,
        ...(row.version ? { version: row.version } : {}),
        lang: language,
        ...(status === 'returned' ? { comment, comments } : {}),
      });
      downloadFile(file);
      notify({ kind: 'success', key: 'ministry.decided', vars: { office: row.office, period } });
      props.onClose(true);
    } catch (e) {
      fail(e);
    } finally {
      setBusy(false);
    }
  };
  const reopenIt = async () => {
    setBusy(true);
    try {
      await call('ministry.reopen', { office: row.office, period: row.period, reason: comment });
      notify({ kind: 'success', key: 'ministry.reopened', vars: { office: row.office, period } });
      props.onClose(true);
    } catch (e) {
      fail(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Dialog open onClose={() => props.onClose(false)} fullWidth maxWidth="sm" data-testid="decide-dialog">
      <DialogTitle>
        {t('ministry.decideTitle', { office: row.office, period, version: fmt.number(row.version ?? 0) })}
      </DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ pt: 1 }}>
          <Typography variant="body2" color="text.secondary">
            {t('ministry.decideBody')}
          </Typography>
          <TextField
            label={t('ministry.comment')}
            value={comment}
            onChange={(e) => setComment(e.target.value)}
            multiline
            minRows={2}
            slotProps={{ htmlInput: { name: 'comment', maxLength: 2000 } }}
          />
          <TextField
            label={t('ministry.comments')}
            value={lines}
            onChange={(e) => setLines(e.target.value)}
            multiline
            minRows={3}
            slotProps={{ htmlInput: { name: 'comments' } }}
          />
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={() => props.onClose(false)}>{t('common.cancel')}</Button>
        {row.state === 'accepted' && (
          // An accepted period is reopened with a reason (the general comment), then decided again.
          <Button disabled={busy || comment.trim() === ''} onClick={() => void reopenIt()} data-testid="decide-reopen">
            {t('ministry.reopen')}
          </Button>
        )}
        <Button color="warning" disabled={busy} onClick={() => void decide('returned')} data-testid="decide-return">
          {t('ministry.return')}
        </Button>
        <Button variant="contained" disabled={busy} onClick={() => void decide('accepted')} data-testid="decide-accept">
          {t('ministry.accept')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
