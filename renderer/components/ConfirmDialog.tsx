import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import { useTranslation } from 'react-i18next';

/** Asks before an action that cannot be taken back from here; Cancel has the focus. */
export function Confirm(props: {
  open: boolean;
  title: string;
  text: string;
  action: string;
  color?: 'error' | 'primary';
  /** The label of the button that backs out (Cancel by default). */
  cancel?: string;
  testId: string;
  onCancel(): void;
  onConfirm(): void;
}) {
  const { t } = useTranslation();
  return (
    <Dialog open={props.open} onClose={props.onCancel} aria-labelledby={`${props.testId}-title`}>
      <DialogTitle id={`${props.testId}-title`}>{props.title}</DialogTitle>
      <DialogContent>
        <DialogContentText>{props.text}</DialogContentText>
      </DialogContent>
      <DialogActions>
        <Button onClick={props.onCancel} autoFocus>
          {props.cancel ?? t('common.cancel')}
        </Button>
        <Button color={props.color ?? 'error'} variant="contained" onClick={props.onConfirm} data-testid={props.testId}>
          {props.action}
        </Button>
      </DialogActions>
    </Dialog>
  );
}

export function ConfirmDelete(props: { name: string | null; onCancel(): void; onConfirm(): void }) {
  const { t } = useTranslation();
  return (
    <Confirm
      open={props.name !== null}
      title={t('common.deleteTitle')}
      text={t('common.confirmDelete', { name: props.name ?? '' })}
      action={t('common.delete')}
      testId="confirm-delete"
      onCancel={props.onCancel}
      onConfirm={props.onConfirm}
    />
  );
}
