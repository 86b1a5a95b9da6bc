import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Snackbar from '@mui/material/Snackbar';
import { useTranslation } from 'react-i18next';
import { useStore } from '../../stores';

/** API errors arrive bilingual; the user reads the message in the current language. */
export function NoticeBar() {
  const { t } = useTranslation();
  const notice = useStore((s) => s.notice);
  const clear = useStore((s) => s.clearNotice);
  const language = useStore((s) => s.language);
  const go = useStore((s) => s.go);
  if (!notice) return null;
  const isError = notice.kind === 'error';
  // The open file went away: its data is still open in the program, and Settings saves a copy.
  const gone = isError && notice.error.code === 'FILE_GONE';
  return (
    <Snackbar
      open
      autoHideDuration={isError ? null : 3000}
      onClose={(_e, reason) => reason !== 'clickaway' && clear()}
      // On the reading side's start, away from a dialog's buttons (they stand at its end): a
      // notice in the middle covered them. ('left' is turned to the right in right-to-left, as
      // every style of the page is.)
      anchorOrigin={{ vertical: 'bottom', horizontal: 'left' }}
    >
      <Alert
        severity={isError ? 'error' : 'success'}
        onClose={clear}
        variant="filled"
        role="alert"
        data-testid="notice"
        action={
          gone ? (
            <Button
              color="inherit"
              size="small"
              sx={{ whiteSpace: 'nowrap' }}
              data-testid="notice-save-copy"
              onClick={() => {
                clear();
                go('settings');
              }}
            >
              {t('files.saveCopy')}
            </Button>
          ) : undefined
        }
      >
        {isError ? notice.error.message[language] : t(notice.key, notice.vars)}
      </Alert>
    </Snackbar>
  );
}
