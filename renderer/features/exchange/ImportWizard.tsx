import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import LinearProgress from '@mui/material/LinearProgress';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { InputOf, OutputOf } from '../../../db/core/contract';
import { call } from '../../api';
import { useFormatter } from '../../components/useFormatter';
import { useStore } from '../../stores';
import { readAsBase64 } from './files';
import { PreviewView } from './PreviewView';
import { useJob } from './useJob';
import type { ImportProfile, PreviewSummary } from '../../../db/core/results';

type Preview = PreviewSummary;
type Mapping = NonNullable<InputOf<'import.preview'>['mapping']>;

/** Choose a workbook → read it off-thread with progress → preview → commit, all or nothing. */
export function ImportWizard() {
  const { t } = useTranslation();
  const fmt = useFormatter();
  const fail = useStore((s) => s.fail);
  const refresh = useStore((s) => s.refresh);
  const [file, setFile] = useState<File | null>(null);
  const [profiles, setProfiles] = useState<ImportProfile[]>([]);
  const [profile, setProfile] = useState('');
  const [preview, setPreview] = useState<Preview | null>(null);
  const [done, setDone] = useState<OutputOf<'import.commit'> | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const job = useJob<Preview>();

  const loadProfiles = () => call('importProfiles.list').then(setProfiles, () => undefined);
  useEffect(() => void loadProfiles(), []);

  const runPreview = async (mapping?: Mapping) => {
    if (!file) return;
    const data = await readAsBase64(file);
    const chosen = mapping ?? (profiles.find((p) => p.name === profile)?.mapping as Mapping | undefined);
    if (preview) void call('import.discard', { previewId: preview.previewId });
    setPreview(null);
    setDone(null);
    const result = await job.run(() =>
      call('import.preview', { fileName: file.name, data, ...(chosen ? { mapping: chosen } : {}) }),
    );
    if (result) setPreview(result);
  };

  const commit = async (skipInvalid: boolean) => {
    if (!preview) return;
    try {
      const result = await call('import.commit', { previewId: preview.previewId, skipInvalid });
      setDone(result);
      setPreview(null);
      await refresh();
    } catch (e) {
      fail(e);
    }
  };

  const reset = () => {
    if (preview) void call('import.discard', { previewId: preview.previewId });
    setPreview(null);
    setDone(null);
    setFile(null);
    if (input.current) input.current.value = '';
  };

  return (
    <Stack spacing={2}>
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2} alignItems="center">
        <Button variant="outlined" component="label" disabled={job.running}>
          {t('exchange.chooseFile')}
          <input
            ref={input}
            hidden
            type="file"
            accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            data-testid="import-file"
            onChange={(e) => {
              setFile(e.target.files?.[0] ?? null);
              setPreview(null);
              setDone(null);
            }}
          />
        </Button>
        <Typography sx={{ minWidth: 160 }} dir="auto">
          {file?.name ?? t('exchange.noFile')}
        </Typography>
        <TextField
          select
          label={t('exchange.profile')}
          value={profile}
          onChange={(e) => setProfile(e.target.value)}
          sx={{ maxWidth: 240 }}
        >
          <MenuItem value="">{t('exchange.noProfile')}</MenuItem>
          {profiles.map((p) => (
            <MenuItem key={p.name} value={p.name}>
              {p.name}
            </MenuItem>
          ))}
        </TextField>
        <Button
          variant="contained"
          disabled={!file || job.running}
          onClick={() => void runPreview()}
          data-testid="import-preview"
        >
          {t('exchange.preview')}
        </Button>
      </Stack>
      {job.running && (
        <Stack spacing={1}>
          <LinearProgress />
          <Stack direction="row" spacing={2} alignItems="center">
            <Typography variant="body2">
              {t('exchange.reading')} {t('exchange.rowsRead', { rows: fmt.number(job.rows) })}
            </Typography>
            <Button size="small" onClick={job.cancel} data-testid="import-cancel">
              {t('exchange.cancel')}
            </Button>
          </Stack>
        </Stack>
      )}
      {preview && (
        <PreviewView
          preview={preview}
          onRepreview={(mapping) => void runPreview(mapping)}
          onCommit={(skip) => void commit(skip)}
          onDiscard={reset}
          onProfileSaved={() => void loadProfiles()}
        />
      )}
      {done && (
        <Alert
          severity="success"
          data-testid="import-done"
          action={<Button onClick={reset}>{t('exchange.newImport')}</Button>}
        >
          {t('exchange.committed', {
            created: fmt.number(done.created),
            updated: fmt.number(done.updated),
            unchanged: fmt.number(done.unchanged),
          })}{' '}
          {t('exchange.backupAt')}
        </Alert>
      )}
    </Stack>
  );
}
