import BackupIcon from '@mui/icons-material/Backup';
import RestoreIcon from '@mui/icons-material/Restore';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { call } from '../../api';
import { Confirm } from '../../components/ConfirmDialog';
import { useFormatter } from '../../components/useFormatter';
import { useStore } from '../../stores';
import type { BackupInfo } from '../../../db/core/results';

/** Why a backup was taken, in the user's language (a reason from a later version shows as written). */
export const backupReason = (t: TFunction, reason: string): string =>
  t(`backups.reasons.${reason}`, { defaultValue: reason });

/** The backups folder as the office sees it: when, why, what each holds; back up and restore. */
export function BackupsSection() {
  const { t } = useTranslation();
  const fmt = useFormatter();
  const file = useStore((s) => s.file?.file);
  const notify = useStore((s) => s.notify);
  const fail = useStore((s) => s.fail);
  const switched = useStore((s) => s.switched);
  const [backups, setBackups] = useState<BackupInfo[]>([]);
  const [restoring, setRestoring] = useState<BackupInfo | null>(null);
  const [busy, setBusy] = useState(false);

  const load = useCallback(() => {
    call('backups.list').then(setBackups, fail);
  }, [fail]);
  useEffect(load, [load, file]);

  const act = async (work: () => Promise<void>) => {
    setBusy(true);
    try {
      await work();
    } catch (e) {
      fail(e);
    } finally {
      setBusy(false);
      load();
    }
  };
  const backUp = () =>
    act(async () => {
      await call('backups.create');
      notify({ kind: 'success', key: 'backups.taken' });
    });
  const restore = (b: BackupInfo) =>
    act(async () => {
      await call('backups.restore', { path: b.path });
      await switched();
      notify({ kind: 'success', key: 'backups.restored' });
    });

  const size = (bytes: number) =>
    bytes < 1024 * 1024
      ? t('backups.kb', { n: fmt.number(Math.max(1, Math.round(bytes / 1024))) })
      : t('backups.mb', { n: fmt.number(Math.round((bytes / (1024 * 1024)) * 10) / 10) });

  return (
    <Paper variant="outlined" sx={{ p: 2 }} component="section" aria-labelledby="backups-title">
      <Stack spacing={1.5}>
        <Stack direction="row" sx={{ alignItems: 'center', justifyContent: 'space-between' }}>
          <Typography variant="h6" component="h3" id="backups-title">
            {t('backups.section')}
          </Typography>
          <Button
            variant="contained"
            startIcon={<BackupIcon />}
            disabled={busy}
            onClick={() => void backUp()}
            data-testid="backup-now"
          >
            {t('backups.now')}
          </Button>
        </Stack>
        <Typography variant="body2" color="text.secondary">
          {t('backups.intro')}
        </Typography>
        {backups.length === 0 ? (
          <Typography>{t('backups.none')}</Typography>
        ) : (
          <Table size="small" data-testid="backups-table">
            <TableHead>
              <TableRow>
                <TableCell>{t('backups.when')}</TableCell>
                <TableCell>{t('backups.reason')}</TableCell>
                <TableCell align="right">{t('backups.size')}</TableCell>
                <TableCell align="right">{t('backups.regions')}</TableCell>
                <TableCell align="right">{t('backups.clusters')}</TableCell>
                <TableCell align="right">{t('backups.initiatives')}</TableCell>
                <TableCell />
              </TableRow>
            </TableHead>
            <TableBody>
              {backups.map((b) => (
                <TableRow key={b.path} title={b.path}>
                  <TableCell>{fmt.moment(b.takenAt)}</TableCell>
                  <TableCell>{backupReason(t, b.reason)}</TableCell>
                  <TableCell align="right">{size(b.size)}</TableCell>
                  {b.counts ? (
                    <>
                      <TableCell align="right">{fmt.number(b.counts.regions)}</TableCell>
                      <TableCell align="right">{fmt.number(b.counts.clusters)}</TableCell>
                      <TableCell align="right">{fmt.number(b.counts.initiatives)}</TableCell>
                    </>
                  ) : (
                    <TableCell colSpan={3} align="center">
                      {t('backups.unreadable')}
                    </TableCell>
                  )}
                  <TableCell align="right">
                    <Button
                      size="small"
                      startIcon={<RestoreIcon />}
                      disabled={busy || !b.counts}
                      onClick={() => setRestoring(b)}
                      data-testid="backup-restore"
                    >
                      {t('backups.restore')}
                    </Button>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </Stack>
      <Confirm
        open={restoring !== null}
        title={t('backups.restoreTitle')}
        text={t('backups.restoreText', { when: restoring ? fmt.moment(restoring.takenAt) : '' })}
        action={t('backups.restore')}
        testId="confirm-restore"
        onCancel={() => setRestoring(null)}
        onConfirm={() => {
          const b = restoring!;
          setRestoring(null);
          void restore(b);
        }}
      />
    </Paper>
  );
}
