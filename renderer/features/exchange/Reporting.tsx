import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Link from '@mui/material/Link';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { issueDay, periodName } from '../../../db/core/report-text';
import type { ReportingState } from '../../../db/core/results';
import { call } from '../../api';
import { FileButton } from '../../components/FileButton';
import { PeriodSelect } from '../../components/PeriodSelect';
import { useFormatter } from '../../components/useFormatter';
import { useStore } from '../../stores';
import { ChangesDetails } from './ChangesDetails';
import { downloadFile, readAsBase64 } from './files';

/** The office's reporting as it stands: read on demand (it takes a look at the whole register). */
export function useReporting(): [ReportingState | null, () => void] {
  const fail = useStore((s) => s.fail);
  const file = useStore((s) => s.file?.file);
  const [state, setState] = useState<ReportingState | null>(null);
  const load = useCallback(() => {
    call('submissions.list', { today: issueDay(new Date()) })
      .then(setState)
      .catch(fail);
  }, [fail]);
  useEffect(load, [load, file]);
  return [state, load];
}

/** What is due and whether it went: one line, for the dashboard and the exchange screen. */
export function DueLine({ state }: { state: ReportingState }) {
  const { t } = useTranslation();
  const go = useStore((s) => s.go);
  const fmt = useFormatter();
  const language = useStore((s) => s.language);
  const fiscal = useStore((s) => s.settings.fiscalYearStartMonth);
  const { due } = state;
  return (
    <Stack direction="row" spacing={1} alignItems="center" flexWrap="wrap" useFlexGap data-testid="reporting-due">
      <Typography>
        {t('reporting.due', { period: periodName(due.period, language, fiscal), due: fmt.date(due.due) })}
      </Typography>
      {due.submitted?.status === 'returned' ? (
        <Chip color="warning" size="small" label={t('reporting.returnedShort')} />
      ) : due.submitted ? (
        <Chip
          color="success"
          size="small"
          label={t('reporting.submittedOn', {
            date: fmt.date(due.submitted.submittedAt.slice(0, 10)),
            version: fmt.number(due.submitted.version),
          })}
        />
      ) : (
        <Chip
          color={due.overdue ? 'error' : 'warning'}
          size="small"
          label={due.overdue ? t('reporting.overdue') : t('reporting.notSubmitted')}
        />
      )}
      {state.changes && (
        // The count leads to the changes themselves (the reporting section of the exchange screen).
        <Link
          component="button"
          variant="body2"
          color="text.secondary"
          onClick={() => go('exchange')}
          data-testid="reporting-changes-count"
        >
          {t('reporting.changesCount', {
            count: state.changes.created.length + state.changes.deleted.length + state.changes.changed.length,
          })}
        </Link>
      )}
    </Stack>
  );
}

/** Submit a period, see what changed since the last submission, and the list of what was sent. */
export function ReportingSection() {
  const { t } = useTranslation();
  const fmt = useFormatter();
  const language = useStore((s) => s.language);
  const fiscal = useStore((s) => s.settings.fiscalYearStartMonth);
  const go = useStore((s) => s.go);
  const fail = useStore((s) => s.fail);
  const notify = useStore((s) => s.notify);
  const [state, reload] = useReporting();
  const [period, setPeriod] = useState('');
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const chosen = period || state?.due.period || '';
  const again = !!state?.submissions.some((s) => s.period === chosen);

  if (!state) return null;
  if (!state.officeCode) {
    return (
      <Alert
        severity="info"
        action={
          <Button color="inherit" onClick={() => go('settings')}>
            {t('reporting.toSettings')}
          </Button>
        }
      >
        {t('reporting.noCode')}
      </Alert>
    );
  }
  const submit = async () => {
    setBusy(true);
    try {
      const result = await call('submissions.submit', {
        period: chosen,
        lang: language,
        ...(again ? { reason } : {}),
      });
      downloadFile(result);
      notify({
        kind: 'success',
        key: 'reporting.submitted',
        vars: { period: periodName(chosen, language, fiscal), version: result.submission.version },
      });
      setReason('');
      reload();
    } catch (e) {
      fail(e);
    } finally {
      setBusy(false);
    }
  };
  const openReply = async (chosenFile: File) => {
    try {
      const data = await readAsBase64(chosenFile);
      const s = await call('submissions.reply', { data, fileName: chosenFile.name });
      notify({
        kind: 'success',
        key: 'reporting.replyOpened',
        vars: { period: periodName(s.period, language, fiscal), status: t(`reporting.status.${s.status}`) },
      });
      reload();
    } catch (e) {
      fail(e);
    }
  };
  const c = state.changes;
  // The latest reply that returned a period still standing: its comments, until it is submitted again.
  const returned = [...state.submissions]
    .reverse()
    .find(
      (x) => x.status === 'returned' && !state.submissions.some((y) => y.period === x.period && y.version > x.version),
    );
  const commentOf = new Map((returned?.reply?.comments ?? []).map((x) => [x.code, x.comment]));
  return (
    <Stack spacing={2}>
      <DueLine state={state} />
      {returned && (
        <Alert severity="warning" data-testid="reply-returned">
          <Typography sx={{ fontWeight: 600 }}>
            {t('reporting.returned', {
              period: periodName(returned.period, language, fiscal),
              version: fmt.number(returned.version),
            })}
          </Typography>
          {returned.reply?.comment && <Typography variant="body2">{returned.reply.comment}</Typography>}
          {returned.reply?.comments.map((x) => (
            <Typography variant="body2" key={x.code}>
              <bdi dir="ltr">{x.code}</bdi>: {x.comment}
            </Typography>
          ))}
        </Alert>
      )}
      <Stack direction="row" spacing={2} alignItems="flex-start" flexWrap="wrap" useFlexGap>
        <PeriodSelect label={t('reporting.period')} value={chosen} onChange={setPeriod} />
        {again && (
          <TextField
            label={t('reporting.reason')}
            helperText={t('reporting.reasonHint')}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            slotProps={{ htmlInput: { name: 'reason', maxLength: 500 } }}
            sx={{ minWidth: 320, maxWidth: 480, flexGrow: 1 }}
          />
        )}
        <Button
          variant="contained"
          disabled={busy || !chosen || (again && reason.trim() === '')}
          onClick={() => void submit()}
          data-testid="submit-period"
          sx={{ whiteSpace: 'nowrap', mt: 1 }}
        >
          {t('reporting.submit')}
        </Button>
      </Stack>
      {c && (
        <Stack spacing={0.5} data-testid="reporting-changes">
          <Typography variant="subtitle2">
            {t('reporting.changes', {
              period: periodName(c.since.period, language, fiscal),
              version: fmt.number(c.since.version),
            })}
          </Typography>
          {c.created.length + c.deleted.length + c.changed.length === 0 ? (
            <Typography variant="body2">{t('reporting.noChanges')}</Typography>
          ) : (
            <>
              <Typography variant="body2">
                {t('reporting.created', { count: c.created.length })}:{' '}
                <bdi dir="ltr">{c.created.slice(0, 20).join(', ')}</bdi>
              </Typography>
              <Typography variant="body2">
                {t('reporting.deleted', { count: c.deleted.length })}:{' '}
                <bdi dir="ltr">{c.deleted.slice(0, 20).join(', ')}</bdi>
              </Typography>
              <Typography variant="body2">{t('reporting.changed', { count: c.changed.length })}</Typography>
              {c.changed.slice(0, 20).map((x) => (
                <Typography variant="body2" key={x.code} sx={{ ps: 2 }}>
                  <bdi dir="ltr">{x.code}</bdi>:{' '}
                  {fmt.list(
                    x.fields.map((f) => t(`register.${f}`, { currency: '', defaultValue: f }).replace(' ()', '')),
                  )}
                  {commentOf.has(x.code) && ` — ${t('reporting.ministrySaid')}: ${commentOf.get(x.code)}`}
                </Typography>
              ))}
            </>
          )}
        </Stack>
      )}
      {c && <ChangesDetails key={`${c.since.period}#${c.since.version}`} />}
      <Stack direction="row" spacing={2} alignItems="center">
        <Typography variant="subtitle2">{t('reporting.list')}</Typography>
        <FileButton
          label={t('reporting.openReply')}
          accept=".xlsx"
          testId="reply-input"
          onFile={(f) => void openReply(f)}
        />
      </Stack>
      {state.submissions.length === 0 ? (
        <Typography variant="body2" color="text.secondary">
          {t('reporting.none')}
        </Typography>
      ) : (
        <Table size="small" data-testid="submissions">
          <TableHead>
            <TableRow>
              {(['colPeriod', 'colVersion', 'colDate', 'colInitiatives', 'colStatus', 'colHash'] as const).map((k) => (
                <TableCell key={k}>{t(`reporting.${k}`)}</TableCell>
              ))}
              <TableCell />
            </TableRow>
          </TableHead>
          <TableBody>
            {[...state.submissions].reverse().map((s) => (
              <TableRow key={s.id}>
                <TableCell>{periodName(s.period, language, fiscal)}</TableCell>
                <TableCell>{fmt.number(s.version)}</TableCell>
                <TableCell>{fmt.moment(s.submittedAt)}</TableCell>
                <TableCell>{fmt.number(s.initiatives)}</TableCell>
                <TableCell>{t(`reporting.status.${s.status}`)}</TableCell>
                <TableCell>
                  <bdi dir="ltr" style={{ fontFamily: 'monospace' }} title={s.sha256}>
                    {s.sha256.slice(0, 12)}…
                  </bdi>
                </TableCell>
                <TableCell>
                  <Button
                    size="small"
                    sx={{ whiteSpace: 'nowrap' }}
                    data-testid={`save-again-${s.version}`}
                    onClick={() =>
                      void call('submissions.export', { id: s.id, lang: language }).then(downloadFile).catch(fail)
                    }
                  >
                    {t('reporting.saveAgain')}
                  </Button>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </Stack>
  );
}
