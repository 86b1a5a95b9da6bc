import DeleteIcon from '@mui/icons-material/Delete';
import Button from '@mui/material/Button';
import MenuItem from '@mui/material/MenuItem';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { INITIATIVE_STATUSES, type InitiativeStatus } from '../../../db/core/model';
import { Confirm } from '../../components/ConfirmDialog';
import { useFormatter } from '../../components/useFormatter';
import { useStore } from '../../stores';

/** What the register can do to the selected initiatives at once: a new status, or delete. */
export function BulkBar(props: { ids: string[]; onDone(): void }) {
  const { t } = useTranslation();
  const fmt = useFormatter();
  const write = useStore((s) => s.write);
  const [status, setStatus] = useState<InitiativeStatus>('completed');
  const [confirming, setConfirming] = useState(false);
  const n = props.ids.length;
  const plural = { count: n, formatted: fmt.number(n) };

  return (
    <Paper variant="outlined" sx={{ p: 1.5, bgcolor: 'action.selected' }} data-testid="bulk-bar">
      <Stack direction="row" spacing={2} alignItems="center" useFlexGap flexWrap="wrap">
        <Typography sx={{ fontWeight: 700 }}>{t('initiatives.selected', plural)}</Typography>
        <TextField
          select
          label={t('initiatives.setStatus')}
          value={status}
          onChange={(e) => setStatus(e.target.value as InitiativeStatus)}
          sx={{ width: 190 }}
          data-testid="bulk-status"
        >
          {INITIATIVE_STATUSES.map((s) => (
            <MenuItem key={s} value={s}>
              {t(`enums.status.${s}`)}
            </MenuItem>
          ))}
        </TextField>
        <Button
          variant="contained"
          data-testid="bulk-apply"
          onClick={() =>
            void write('initiatives.setStatus', { ids: props.ids, status }, 'initiatives.statusChanged').then(
              (done) => done && props.onDone(),
            )
          }
        >
          {t('initiatives.apply')}
        </Button>
        <Button color="error" startIcon={<DeleteIcon />} onClick={() => setConfirming(true)} data-testid="bulk-delete">
          {t('initiatives.deleteSelected')}
        </Button>
      </Stack>
      <Confirm
        open={confirming}
        title={t('common.deleteTitle')}
        text={t('initiatives.confirmDeleteMany', plural)}
        action={t('common.delete')}
        testId="confirm-delete"
        onCancel={() => setConfirming(false)}
        onConfirm={() => {
          setConfirming(false);
          void write('initiatives.deleteMany', { ids: props.ids }, 'common.deleted').then(
            (done) => done && props.onDone(),
          );
        }}
      />
    </Paper>
  );
}
