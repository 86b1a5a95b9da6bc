import Alert from '@mui/material/Alert';
import Snackbar from '@mui/material/Snackbar';
import { useTranslation } from 'react-i18next';
import { useStore } from '../../stores';

/** API errors arrive bilingual; the user reads the message in the current language. */
export function NoticeBar() {
  const { t } = useTranslation();
  const notice = useStore((s) => s.notice);
  const clear = useStore((s) => s.clearNotice);
  const language = useStore((s) => s.language);
  if (!notice) return null;
  const isError = notice.kind === 'error';
  return (
    <Snackbar
      open
      autoHideDuration={isError ? null : 3000}
      onClose={(_e, reason) => reason !== 'clickaway' && clear()}
      anchorOrigin={{ vertical: 'bottom', horizontal: 'center' }}
    >
      <Alert
        severity={isError ? 'error' : 'success'}
        onClose={clear}
        variant="filled"
        role="alert"
        data-testid="notice"
      >
        {isError ? notice.error.message[language] : t(notice.key, notice.vars)}
      </Alert>
    </Snackbar>
  );
}
