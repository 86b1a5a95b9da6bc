import Button from '@mui/material/Button';
import FormControlLabel from '@mui/material/FormControlLabel';
import Switch from '@mui/material/Switch';
import MenuItem from '@mui/material/MenuItem';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { OFFICE_CODE, type Settings } from '../../../db/core/model';
import { EnumSelect } from '../../components/fields';
import { useFormatter } from '../../components/useFormatter';
import { useStore } from '../../stores';
import { BackupsSection } from './BackupsSection';
import { FileActions } from './FileActions';
import { LogoField, ReportFields } from './ReportSettings';

export function SettingsScreen() {
  const { t } = useTranslation();
  const file = useStore((s) => s.file);
  return (
    <Stack spacing={2} sx={{ maxWidth: 900 }}>
      <Typography variant="h5" component="h2">
        {t('settings.title')}
      </Typography>
      {/* Opening another file or restoring a copy reloads the views, so the form starts afresh. */}
      <SettingsForm />
      {file && (
        <Paper variant="outlined" sx={{ p: 2 }} component="section" aria-labelledby="file-title">
          <Stack spacing={1.5}>
            <Typography variant="h6" component="h3" id="file-title">
              {t('files.section')}
            </Typography>
            <Typography variant="body2">
              {t('files.current')}:{' '}
              <bdi dir="ltr" data-testid="current-file">
                {file.file}
              </bdi>
            </Typography>
            <FileActions file={file} />
          </Stack>
        </Paper>
      )}
      <BackupsSection />
    </Stack>
  );
}

function SettingsForm() {
  const { t } = useTranslation();
  const fmt = useFormatter();
  const stored = useStore((s) => s.settings);
  const write = useStore((s) => s.write);
  const setLanguage = useStore((s) => s.setLanguage);
  const [draft, setDraft] = useState<Settings>(stored);
  const set = <K extends keyof Settings>(key: K, value: Settings[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const months = Array.from({ length: 12 }, (_, i) => i + 1);

  const save = async () => {
    const saved = await write(
      'settings.update',
      { ...draft, currencyCode: draft.currencyCode.toUpperCase() },
      'settings.saved',
    );
    if (saved) setLanguage(saved.language);
  };

  return (
    <Paper variant="outlined" sx={{ p: 2 }}>
      <Stack spacing={2} sx={{ maxWidth: 560 }}>
        <Stack direction="row" spacing={2}>
          <TextField
            label={t('settings.officeName')}
            slotProps={{ htmlInput: { name: 'officeName' } }}
            value={draft.officeName}
            onChange={(e) => set('officeName', e.target.value)}
            sx={{ flexGrow: 1 }}
          />
          <TextField
            label={t('settings.officeCode')}
            value={draft.officeCode}
            error={draft.officeCode !== '' && !OFFICE_CODE.test(draft.officeCode)}
            helperText={t('settings.officeCodeHint')}
            onChange={(e) => set('officeCode', e.target.value.toUpperCase().trim())}
            slotProps={{ htmlInput: { name: 'officeCode', maxLength: 8, dir: 'ltr' } }}
            sx={{ width: 200 }}
          />
        </Stack>
        <Stack direction="row" spacing={2}>
          <TextField
            label={t('settings.currencyCode')}
            value={draft.currencyCode}
            slotProps={{ htmlInput: { maxLength: 3, dir: 'ltr' } }}
            onChange={(e) => set('currencyCode', e.target.value.toUpperCase())}
          />
          <TextField
            select
            label={t('settings.currencyDigits')}
            value={draft.currencyDigits}
            onChange={(e) => set('currencyDigits', Number(e.target.value))}
          >
            {[0, 1, 2, 3].map((n) => (
              <MenuItem key={n} value={n}>
                {fmt.number(n)}
              </MenuItem>
            ))}
          </TextField>
        </Stack>
        <Stack direction="row" spacing={2}>
          <EnumSelect
            label={t('settings.reportingPeriod')}
            value={draft.reportingPeriod}
            options={['quarter', 'half', 'year'] as const}
            labels={{ quarter: 'settings.quarter', half: 'settings.half', year: 'settings.year' }}
            onChange={(v) => set('reportingPeriod', v)}
          />
          <TextField
            select
            label={t('settings.fiscalYearStartMonth')}
            value={draft.fiscalYearStartMonth}
            onChange={(e) => set('fiscalYearStartMonth', Number(e.target.value))}
          >
            {months.map((m) => (
              <MenuItem key={m} value={m}>
                {fmt.month(m)}
              </MenuItem>
            ))}
          </TextField>
        </Stack>
        <CountField
          label={t('settings.deadlineDays')}
          value={draft.deadlineDays}
          min={0}
          max={365}
          name="deadlineDays"
          onChange={(n) => set('deadlineDays', n)}
        />
        <Stack direction="row" spacing={2}>
          <EnumSelect
            label={t('settings.digits')}
            value={draft.digits}
            options={['latn', 'arab'] as const}
            labels={{ latn: 'settings.latn', arab: 'settings.arab' }}
            onChange={(v) => set('digits', v)}
          />
          <EnumSelect
            label={t('settings.language')}
            value={draft.language}
            options={['ar', 'en'] as const}
            labels={{ ar: 'settings.languageAr', en: 'settings.languageEn' }}
            onChange={(v) => set('language', v)}
          />
        </Stack>
        <Stack direction="row" spacing={2}>
          <EnumSelect
            label={t('settings.concentrationBasis')}
            value={draft.concentrationBasis}
            options={['count', 'budget'] as const}
            labels={{ count: 'settings.basisCount', budget: 'settings.basisBudget' }}
            onChange={(v) => set('concentrationBasis', v)}
          />
          <TextField
            type="number"
            label={t('settings.concentrationThreshold')}
            value={draft.concentrationThreshold}
            error={!(draft.concentrationThreshold >= 0.15 && draft.concentrationThreshold <= 1)}
            helperText={t('settings.thresholdHint')}
            onChange={(e) => set('concentrationThreshold', Number(e.target.value))}
            slotProps={{
              inputLabel: { shrink: true },
              htmlInput: { min: 0.15, max: 1, step: 0.05, dir: 'ltr', name: 'concentrationThreshold' },
            }}
          />
        </Stack>
        <ReportFields draft={draft} set={set} />
        <LogoField />
        <Typography variant="subtitle1" component="h3">
          {t('backups.automatic')}
        </Typography>
        <FormControlLabel
          control={<Switch checked={draft.backupDaily} onChange={(e) => set('backupDaily', e.target.checked)} />}
          label={t('backups.daily')}
        />
        <Stack direction="row" spacing={2}>
          <CountField
            label={t('backups.keepLast')}
            value={draft.backupKeepLast}
            min={1}
            max={100}
            name="backupKeepLast"
            onChange={(n) => set('backupKeepLast', n)}
          />
          <CountField
            label={t('backups.keepMonths')}
            value={draft.backupKeepMonths}
            min={0}
            max={120}
            name="backupKeepMonths"
            onChange={(n) => set('backupKeepMonths', n)}
          />
        </Stack>
        <div>
          <Button variant="contained" onClick={() => void save()} data-testid="settings-save">
            {t('common.save')}
          </Button>
        </div>
      </Stack>
    </Paper>
  );
}

function CountField(props: {
  label: string;
  value: number;
  min: number;
  max: number;
  name: string;
  onChange(n: number): void;
}) {
  const ok = Number.isInteger(props.value) && props.value >= props.min && props.value <= props.max;
  return (
    <TextField
      type="number"
      label={props.label}
      value={props.value}
      error={!ok}
      onChange={(e) => props.onChange(Number(e.target.value))}
      slotProps={{
        inputLabel: { shrink: true },
        htmlInput: { min: props.min, max: props.max, step: 1, dir: 'ltr', name: props.name },
      }}
    />
  );
}
