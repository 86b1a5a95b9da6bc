import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Confirm } from './ConfirmDialog';

/** The frame every create/edit form shares: title, scrolling body, cancel and save. */
export function EntityDialog(props: {
  open: boolean;
  title: string;
  testId: string;
  canSave: boolean;
  wide?: boolean;
  /** Whether the form holds edits not saved yet: closing it then asks first. */
  dirty?: boolean;
  onClose(): void;
  onSave(): void;
  /** Saving asked while the form has errors: the form shows them all (it showed none before). */
  onInvalid?(): void;
  /** The save button's words, when not plain "save" (a draft). */
  saveLabel?: string;
  /** A line above the form that says what it is (a draft of a planning session). */
  banner?: ReactNode;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const [asking, setAsking] = useState(false);
  // Cancel, Escape and a click beside the dialog all come here: unsaved edits are not thrown away unasked.
  const close = () => (props.dirty ? setAsking(true) : props.onClose());
  return (
    <Dialog
      open={props.open}
      onClose={close}
      fullWidth
      maxWidth={props.wide ? 'md' : 'sm'}
      aria-labelledby={`${props.testId}-title`}
      data-testid={props.testId}
    >
      <DialogTitle id={`${props.testId}-title`}>{props.title}</DialogTitle>
      <DialogContent dividers>
        {props.banner}
        <form
          id={`${props.testId}-form`}
          // The form's own messages, in the user's language, not the browser's bubble over one field.
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            // A dialog opened from this one (an indicator in an initiative) submits its own form;
            // React passes that event up through the portal, and it is not this form's.
            if (e.target !== e.currentTarget) return;
            if (props.canSave) props.onSave();
            else props.onInvalid?.();
          }}
        >
          {props.children}
        </form>
      </DialogContent>
      <DialogActions>
        <Button onClick={close}>{t('common.cancel')}</Button>
        <Button
          type="submit"
          form={`${props.testId}-form`}
          variant="contained"
          disabled={!props.canSave && !props.onInvalid}
          data-testid="dialog-save"
        >
          {props.saveLabel ?? t('common.save')}
        </Button>
      </DialogActions>
      <Confirm
        open={asking}
        title={t('common.discardTitle')}
        text={t('common.discardText')}
        action={t('common.discard')}
        cancel={t('common.keepEditing')}
        testId="confirm-discard"
        onCancel={() => setAsking(false)}
        onConfirm={() => {
          setAsking(false);
          props.onClose();
        }}
      />
    </Dialog>
  );
}

/** Whether a form's value differs from what it opened with. */
export function useDirty(value: unknown): boolean {
  const json = JSON.stringify(value);
  const [start] = useState(json);
  return json !== start;
}
