import AccountBalanceIcon from '@mui/icons-material/AccountBalance';
import FolderOpenIcon from '@mui/icons-material/FolderOpen';
import NoteAddIcon from '@mui/icons-material/NoteAdd';
import SaveAltIcon from '@mui/icons-material/SaveAlt';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemButton from '@mui/material/ListItemButton';
import ListItemText from '@mui/material/ListItemText';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiFailure, call } from '../../api';
import { Confirm } from '../../components/ConfirmDialog';
import { useStore } from '../../stores';
import type { FileState } from '../../../db/core/results';

type Purpose = 'open' | 'create' | 'ministry' | 'copy';
const TITLES: Record<Purpose, string> = {
  open: 'files.openTitle',
  create: 'files.createTitle',
  ministry: 'files.createMinistryTitle',
  copy: 'files.copyTitle',
};
const ACTIONS: Record<Purpose, string> = {
  open: 'files.doOpen',
  create: 'files.doCreate',
  ministry: 'files.doCreate',
  copy: 'files.doCopy',
};

/**
 * Open another portfolio file, create one, save a copy elsewhere, and the recent five: the same
 * operations as the File menu. The system's file dialog is used where the host has one; the
 * web host has none, so a path is asked for instead.
 */
export function FileActions({ file }: { file: FileState }) {
  const { t } = useTranslation();
  const switched = useStore((s) => s.switched);
  const notify = useStore((s) => s.notify);
  const fail = useStore((s) => s.fail);
  const [asking, setAsking] = useState<Purpose | null>(null);
  const [replace, setReplace] = useState<string | null>(null);

  const run = async (purpose: Purpose, path: string, force = false) => {
    try {
      if (purpose === 'copy') {
        const copy = await call('files.saveCopy', { path, force });
        notify({ kind: 'success', key: 'files.copied', vars: { path: copy.path } });
      } else {
        const state =
          purpose === 'open'
            ? await call('files.open', { path })
            : await call('files.create', { path, ...(purpose === 'ministry' ? { ministry: true } : {}) });
        await switched();
        if (state.warning) notify({ kind: 'error', error: { code: 'BACKUP_FAILED', message: state.warning } });
        else if (state.state === 'open') {
          const key =
            purpose === 'create'
              ? 'files.created'
              : purpose === 'ministry'
                ? 'files.createdMinistry'
                : state.upgradeBackup
                  ? 'files.upgraded'
                  : 'files.opened';
          notify({ kind: 'success', key });
        }
      }
      setAsking(null);
    } catch (e) {
      if (purpose === 'copy' && e instanceof ApiFailure && e.error.code === 'FILE_EXISTS') setReplace(path);
      else fail(e);
    }
  };

  const start = async (purpose: Purpose) => {
    if (!file.canChoose) {
      setAsking(purpose);
      return;
    }
    try {
      const { path } = await call('files.choose', { purpose });
      if (path) await run(purpose, path, purpose === 'copy'); // the system dialog asked about replacing
    } catch (e) {
      fail(e);
    }
  };

  return (
    <Stack spacing={1.5}>
      <Stack direction="row" spacing={1} sx={{ flexWrap: 'wrap', gap: 1 }}>
        <Button
          variant="outlined"
          startIcon={<FolderOpenIcon />}
          onClick={() => void start('open')}
          data-testid="file-open"
        >
          {t('files.open')}
        </Button>
        <Button
          variant="outlined"
          startIcon={<NoteAddIcon />}
          onClick={() => void start('create')}
          data-testid="file-create"
        >
          {t('files.create')}
        </Button>
        <Button
          variant="outlined"
          startIcon={<AccountBalanceIcon />}
          onClick={() => void start('ministry')}
          data-testid="file-create-ministry"
        >
          {t('files.createMinistry')}
        </Button>
        {file.state === 'open' && (
          <Button
            variant="outlined"
            startIcon={<SaveAltIcon />}
            onClick={() => void start('copy')}
            data-testid="file-copy"
          >
            {t('files.saveCopy')}
          </Button>
        )}
      </Stack>
      {file.recent.length > 0 && (
        <div>
          <Typography variant="subtitle2" component="h4">
            {t('files.recent')}
          </Typography>
          <List dense data-testid="recent-files">
            {file.recent.map((path) => (
              <ListItem key={path} disablePadding>
                <ListItemButton disabled={path === file.file} onClick={() => void run('open', path)}>
                  <ListItemText primary={<bdi dir="ltr">{path}</bdi>} />
                  {path === file.file && <Chip size="small" label={t('files.openNow')} />}
                </ListItemButton>
              </ListItem>
            ))}
          </List>
        </div>
      )}
      <PathDialog purpose={asking} onCancel={() => setAsking(null)} onDone={(p) => void run(asking!, p)} />
      <Confirm
        open={replace !== null}
        title={t('files.replaceTitle')}
        text={t('files.replaceText', { path: replace ?? '' })}
        action={t('files.replace')}
        testId="confirm-replace"
        onCancel={() => setReplace(null)}
        onConfirm={() => {
          const path = replace!;
          setReplace(null);
          void run('copy', path, true);
        }}
      />
    </Stack>
  );
}

function PathDialog(props: { purpose: Purpose | null; onCancel(): void; onDone(path: string): void }) {
  const { t } = useTranslation();
  const [path, setPath] = useState('');
  const purpose = props.purpose;
  return (
    <Dialog
      open={purpose !== null}
      onClose={props.onCancel}
      aria-labelledby="path-dialog-title"
      fullWidth
      maxWidth="sm"
      slotProps={{ transition: { onExited: () => setPath('') } }}
    >
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (path.trim()) props.onDone(path.trim());
        }}
      >
        <DialogTitle id="path-dialog-title">{purpose && t(TITLES[purpose])}</DialogTitle>
        <DialogContent>
          <TextField
            autoFocus
            fullWidth
            margin="dense"
            label={t('files.path')}
            helperText={purpose === 'copy' ? `${t('files.pathHint')} ${t('files.copyHint')}` : t('files.pathHint')}
            value={path}
            onChange={(e) => setPath(e.target.value)}
            slotProps={{ htmlInput: { dir: 'ltr', 'data-testid': 'file-path' } }}
          />
        </DialogContent>
        <DialogActions>
          <Button onClick={props.onCancel}>{t('common.cancel')}</Button>
          <Button type="submit" variant="contained" disabled={!path.trim()} data-testid="file-path-go">
            {purpose && t(ACTIONS[purpose])}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
