import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** The frame every create/edit form shares: title, scrolling body, cancel and save. */
export function EntityDialog(props: {
  open: boolean;
  title: string;
  testId: string;
  canSave: boolean;
  wide?: boolean;
  onClose(): void;
  onSave(): void;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <Dialog
      open={props.open}
      onClose={props.onClose}
      fullWidth
      maxWidth={props.wide ? 'md' : 'sm'}
      aria-labelledby={`${props.testId}-title`}
      data-testid={props.testId}
    >
      <DialogTitle id={`${props.testId}-title`}>{props.title}</DialogTitle>
      <DialogContent dividers>
        <form
          id={`${props.testId}-form`}
          onSubmit={(e) => {
            e.preventDefault();
            // A dialog opened from this one (an indicator in an initiative) submits its own form;
            // React passes that event up through the portal, and it is not this form's.
            if (e.target !== e.currentTarget) return;
            if (props.canSave) props.onSave();
          }}
        >
          {props.children}
        </form>
      </DialogContent>
      <DialogActions>
        <Button onClick={props.onClose}>{t('common.cancel')}</Button>
        <Button
          type="submit"
          form={`${props.testId}-form`}
          variant="contained"
          disabled={!props.canSave}
          data-testid="dialog-save"
        >
          {t('common.save')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
