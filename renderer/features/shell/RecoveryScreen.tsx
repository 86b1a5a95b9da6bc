import RestoreIcon from '@mui/icons-material/Restore';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../api';
import { Confirm } from '../../components/ConfirmDialog';
import { useFormatter } from '../../components/useFormatter';
import { useStore } from '../../stores';
import { backupReason } from '../settings/BackupsSection';
import { FileActions } from '../settings/FileActions';
import type { FileState } from '../../../db/core/results';

type Diff = NonNullable<FileState['damage']>['offer']['differences'][number];
const KINDS = ['onlyInFile', 'onlyInBackup', 'changed'] as const;

/**
 * What the office sees when its portfolio file failed the check on open: the file is left as it
 * is, the newest good backup is offered, and the records the two disagree on are listed so the
 * work done since can be entered again.
 */
export function RecoveryScreen({ file }: { file: FileState }) {
  const { t } = useTranslation();
  const fmt = useFormatter();
  const language = useStore((s) => s.language);
  const switched = useStore((s) => s.switched);
  const notify = useStore((s) => s.notify);
  const fail = useStore((s) => s.fail);
  const [confirming, setConfirming] = useState(false);
  const damage = file.damage!;
  const { backup, differences, unreadable } = damage.offer;

  const recover = async () => {
    setConfirming(false);
    try {
      await call('backups.recover', { path: backup!.path });
      await switched();
      notify({ kind: 'success', key: 'recovery.recovered' });
    } catch (e) {
      fail(e);
    }
  };

  const names = (d: Diff, kind: (typeof KINDS)[number]) => {
    const more = d.counts[kind] - d[kind].length;
    return (
      <>
        <strong>{fmt.number(d.counts[kind])}</strong>
        {d[kind].length > 0 && ` — ${fmt.list(d[kind])}`}
        {more > 0 && ` ${t('recovery.more', { n: fmt.number(more) })}`}
      </>
    );
  };

  return (
    <Stack spacing={2} sx={{ maxWidth: 1000 }} data-testid="recovery">
      <Typography variant="h5" component="h2">
        {t('recovery.title')}
      </Typography>
      <Alert severity="error">
        <div>{damage.message[language]}</div>
        <div>{t('recovery.intro')}</div>
      </Alert>
      <Paper variant="outlined" sx={{ p: 2 }} component="section" aria-labelledby="recovery-backup">
        {backup ? (
          <Stack spacing={1.5}>
            <Typography variant="h6" component="h3" id="recovery-backup">
              {t('recovery.backupTitle')}
            </Typography>
            <Typography data-testid="recovery-backup">
              {fmt.moment(backup.takenAt)} — {backupReason(t, backup.reason)}
              {backup.counts &&
                ` — ${fmt.list(
                  (['regions', 'clusters', 'initiatives'] as const).map(
                    (k) => `${t(`backups.${k}`)}: ${fmt.number(backup.counts![k])}`,
                  ),
                )}`}
            </Typography>
            <Typography variant="subtitle1" component="h4">
              {t('recovery.differTitle')}
            </Typography>
            {differences.length === 0 && unreadable.length === 0 && <Typography>{t('recovery.same')}</Typography>}
            {differences.length > 0 && (
              <Table size="small" data-testid="recovery-differences">
                <TableHead>
                  <TableRow>
                    <TableCell>{t('recovery.table')}</TableCell>
                    {KINDS.map((k) => (
                      <TableCell key={k}>{t(`recovery.${k}`)}</TableCell>
                    ))}
                  </TableRow>
                </TableHead>
                <TableBody>
                  {differences.map((d) => (
                    <TableRow key={d.table}>
                      <TableCell component="th" scope="row">
                        {t(`recovery.tables.${d.table}`)}
                      </TableCell>
                      {KINDS.map((k) => (
                        <TableCell key={k}>{names(d, k)}</TableCell>
                      ))}
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            )}
            {unreadable.length > 0 && (
              <Alert severity="warning">
                {t('recovery.unreadable', {
                  tables: fmt.list(unreadable.map((u) => t(`recovery.tables.${u}`))),
                })}
              </Alert>
            )}
            <Typography variant="body2" color="text.secondary">
              {t('recovery.keep')}
            </Typography>
            <div>
              <Button
                variant="contained"
                startIcon={<RestoreIcon />}
                onClick={() => setConfirming(true)}
                data-testid="recovery-restore"
              >
                {t('recovery.restore')}
              </Button>
            </div>
          </Stack>
        ) : (
          <Typography id="recovery-backup">{t('recovery.noBackup')}</Typography>
        )}
      </Paper>
      <Paper variant="outlined" sx={{ p: 2 }} component="section" aria-labelledby="recovery-files">
        <Typography variant="h6" component="h3" id="recovery-files" sx={{ mb: 1 }}>
          {t('files.section')}
        </Typography>
        <FileActions file={file} />
      </Paper>
      <Confirm
        open={confirming}
        title={t('backups.restoreTitle')}
        text={t('recovery.confirmText', { when: backup ? fmt.moment(backup.takenAt) : '' })}
        action={t('recovery.restore')}
        color="primary"
        testId="confirm-recover"
        onCancel={() => setConfirming(false)}
        onConfirm={() => void recover()}
      />
    </Stack>
  );
}
