import UndoIcon from '@mui/icons-material/Undo';
import Button from '@mui/material/Button';
import Tooltip from '@mui/material/Tooltip';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormatter } from '../../components/useFormatter';
import { useStore } from '../../stores';

/** Fields where Ctrl+Z belongs to the text being typed, not to the portfolio. */
const typing = (el: EventTarget | null) =>
  el instanceof HTMLElement && (el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName));

/** Reads the store when called, so the key listener below can be set up once. */
const undo = () => void useStore.getState().write('history.undo', undefined, 'history.done');

/**
 * Undo of the last change, from the top bar or with Ctrl+Z (⌘Z): it says what it will take back
 * before the user presses it.
 */
export function UndoButton() {
  const { t } = useTranslation();
  const last = useStore((s) => s.lastChange);
  const fmt = useFormatter();
  const what = last ? t(`history.ops.${last.operation.replace('.', '_')}`) : '';
  const time = last ? fmt.moment(last.at, true) : '';
  // Listened to once; it reads the store when pressed rather than the values of a render.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || e.shiftKey || e.key.toLowerCase() !== 'z' || typing(e.target)) return;
      // An open dialog has its own edits in progress: Escape leaves it, then Ctrl+Z undoes.
      if (document.querySelector('[role="dialog"]')) return;
      e.preventDefault();
      if (useStore.getState().lastChange) undo();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  return (
    <Tooltip title={last ? t('history.undoWhat', { what, time }) : t('history.nothing')}>
      <span>
        <Button
          color="inherit"
          startIcon={<UndoIcon />}
          disabled={!last}
          onClick={undo}
          data-testid="undo"
          aria-keyshortcuts="Control+Z"
          aria-label={last ? t('history.undoWhat', { what, time }) : t('history.nothing')}
        >
          {t('history.undo')}
        </Button>
      </span>
    </Tooltip>
  );
}
