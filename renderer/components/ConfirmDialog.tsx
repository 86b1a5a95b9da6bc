import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import { useTranslation } from 'react-i18next';

export function ConfirmDelete(props: { name: string | null; onCancel(): void; onConfirm(): void }) {
  const { t } = useTranslation();
  return (
    <Dialog open={props.name !== null} onClose={props.onCancel} aria-labelledby="confirm-delete-title">
      <DialogTitle id="confirm-delete-title">{t('common.deleteTitle')}</DialogTitle>
      <DialogContent>
        <DialogContentText>{t('common.confirmDelete', { name: props.name ?? '' })}</DialogContentText>
      </DialogContent>
      <DialogActions>
        <Button onClick={props.onCancel} autoFocus>
          {t('common.cancel')}
        </Button>
        <Button color="error" variant="contained" onClick={props.onConfirm} data-testid="confirm-delete">
          {t('common.delete')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
