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
import { readAsBase64 } from '../../components/files';
import type { PreviewOptions } from './PreviewChoices';
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
  // The preview's results and its import button open below the fold on a 768-pixel screen: shown.
  const results = useRef<HTMLDivElement>(null);
  // Once, when the results first show: a re-preview from a correction below keeps the user's place.
  const shown = preview !== null;
  useEffect(() => {
    if (shown) results.current?.scrollIntoView({ behavior: 'smooth', block: 'start' });
  }, [shown]);

  const [options, setOptions] = useState<PreviewOptions>({});
  /** Previews the file with the choices so far and `patch`; a new file starts from none. */
  const runPreview = async (patch: PreviewOptions = {}, fresh = false) => {
    if (!file) return;
    const data = await readAsBase64(file);
    const saved = profiles.find((p) => p.name === profile);
    const base: PreviewOptions = fresh
      ? { ...(saved ? { mapping: saved.mapping as Mapping, ...(saved.values ? { values: saved.values } : {}) } : {}) }
      : options;
    const next = { ...base, ...patch };
    setOptions(next);
    if (preview) void call('import.discard', { previewId: preview.previewId });
    setPreview(null);
    setDone(null);
    const result = await job.run(() => call('import.preview', { fileName: file.name, data, ...next }));
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
            accept=".xlsx,.xls,.ods,.csv,.txt,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,application/vnd.ms-excel,application/vnd.oasis.opendocument.spreadsheet,text/csv"
            data-testid="import-file"
            onChange={(e) => {
              setFile(e.target.files?.[0] ?? null);
              setPreview(null);
              setDone(null);
            }}
          />
        </Button>
        {/* A file name is read left to right as a whole: «سجل 2026.csv» must not show as «csv.2026». */}
        <Typography sx={{ minWidth: 160 }} dir={file ? 'ltr' : undefined}>
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
          onClick={() => void runPreview({}, true)}
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
        <div ref={results} style={{ scrollMarginTop: 64 }}>
          <PreviewView
            preview={preview}
            options={options}
            onRepreview={(patch) => void runPreview(patch)}
            onCommit={(skip) => void commit(skip)}
            onDiscard={reset}
            onProfileSaved={() => void loadProfiles()}
          />
        </div>
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
