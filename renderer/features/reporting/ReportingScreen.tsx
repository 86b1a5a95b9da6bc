import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
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
import { call } from '../../api';
import { FileButton } from '../../components/FileButton';
import { PeriodSelect } from '../../components/PeriodSelect';
import { useFormatter } from '../../components/useFormatter';
import { useStore } from '../../stores';
import { downloadFile, readAsBase64 } from '../../components/files';
import { Section } from '../../components/Section';
import { ChangesView } from './ChangesView';
import { DueLine, useReporting } from './DueLine';

/**
 * The office's reporting to the ministry: the period due, submitting it, what changed since the
 * last submission, and every submission with the ministry's reply.
 */
export function ReportingScreen() {
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
      <Stack spacing={2} sx={{ maxWidth: 1200 }}>
        <Typography variant="h5" component="h2">
          {t('reporting.title')}
        </Typography>
        <Typography color="text.secondary">{t('reporting.body')}</Typography>
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
      </Stack>
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
  return (
    <Stack spacing={2} sx={{ maxWidth: 1200 }}>
      <Typography variant="h5" component="h2">
        {t('reporting.title')}
      </Typography>
      <Section title={t('reporting.submitTitle')} body={t('reporting.body')} testId="reporting-section">
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
        </Stack>
      </Section>
      {c && (
        <Section title={t('reporting.changesTitle')} body={t('reporting.changesBody')} testId="reporting-changes">
          <ChangesView changes={c} comments={returned?.reply?.comments ?? []} />
        </Section>
      )}
      <Section title={t('reporting.list')} body={t('reporting.listBody')} testId="submissions-section">
        <Stack spacing={2}>
          <div>
            <FileButton
              label={t('reporting.openReply')}
              accept=".xlsx"
              testId="reply-input"
              onFile={(f) => void openReply(f)}
            />
          </div>
          {state.submissions.length === 0 ? (
            <Typography variant="body2" color="text.secondary">
              {t('reporting.none')}
            </Typography>
          ) : (
            <Table size="small" data-testid="submissions">
              <TableHead>
                <TableRow>
                  {(['colPeriod', 'colVersion', 'colDate', 'colInitiatives', 'colStatus', 'colHash'] as const).map(
                    (k) => (
                      <TableCell key={k}>{t(`reporting.${k}`)}</TableCell>
                    ),
                  )}
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
      </Section>
    </Stack>
  );
}
