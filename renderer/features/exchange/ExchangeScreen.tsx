import PrintIcon from '@mui/icons-material/Print';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import FormControlLabel from '@mui/material/FormControlLabel';
import LinearProgress from '@mui/material/LinearProgress';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../api';
import { PeriodSelect } from '../../components/PeriodSelect';
import { Section } from '../../components/Section';
import { useFormatter, useLocalName } from '../../components/useFormatter';
import { useStore } from '../../stores';
import { downloadFile, type FilePayload } from '../../components/files';
import { ImportWizard } from './ImportWizard';
import { useJob } from './useJob';

function LanguageField(props: { value: 'ar' | 'en'; onChange(v: 'ar' | 'en'): void; label: string }) {
  const { t } = useTranslation();
  return (
    <TextField
      select
      label={props.label}
      value={props.value}
      onChange={(e) => props.onChange(e.target.value as 'ar' | 'en')}
      sx={{ maxWidth: 200 }}
    >
      <MenuItem value="ar">{t('settings.languageAr')}</MenuItem>
      <MenuItem value="en">{t('settings.languageEn')}</MenuItem>
    </TextField>
  );
}

export function ExchangeScreen() {
  const { t } = useTranslation();
  const fmt = useFormatter();
  const localName = useLocalName();
  const language = useStore((s) => s.language);
  const regions = useStore((s) => s.regions);
  const fail = useStore((s) => s.fail);
  const print = useStore((s) => s.print);
  const [reportLang, setReportLang] = useState<'ar' | 'en'>(language);
  const [templateLang, setTemplateLang] = useState<'ar' | 'en'>(language);
  const [regionId, setRegionId] = useState('');
  const [period, setPeriod] = useState('');
  const [withChanges, setWithChanges] = useState(false);
  const exportJob = useJob<FilePayload>();

  const exportReport = async () => {
    const file = await exportJob.run(() =>
      call('exchange.export', {
        lang: reportLang,
        ...(regionId ? { regionId } : {}),
        ...(period ? { period } : {}),
        ...(withChanges && !regionId ? { withChanges } : {}),
      }),
    );
    if (file) downloadFile(file);
  };
  const downloadTemplate = async () => {
    try {
      downloadFile(await call('exchange.template', { lang: templateLang }));
    } catch (e) {
      fail(e);
    }
  };

  return (
    <Stack spacing={2} sx={{ maxWidth: 1100 }}>
      <Typography variant="h5" component="h2">
        {t('exchange.title')}
      </Typography>
      <Section title={t('exchange.exportTitle')} body={t('exchange.exportBody')} testId="export-section">
        <Stack
          direction={{ xs: 'column', sm: 'row' }}
          spacing={2}
          useFlexGap
          flexWrap="wrap"
          alignItems="center"
          sx={{ '& .MuiButton-root': { whiteSpace: 'nowrap' } }}
        >
          <LanguageField label={t('exchange.language')} value={reportLang} onChange={setReportLang} />
          <TextField
            select
            label={t('exchange.region')}
            value={regionId}
            onChange={(e) => setRegionId(e.target.value)}
            sx={{ maxWidth: 260 }}
          >
            <MenuItem value="">{t('exchange.allRegions')}</MenuItem>
            {regions.map((r) => (
              <MenuItem key={r.id} value={r.id}>
                {localName(r)}
              </MenuItem>
            ))}
          </TextField>
          <PeriodSelect
            label={t('exchange.reportPeriod')}
            allLabel={t('exchange.periodAll')}
            value={period}
            onChange={setPeriod}
          />
          <FormControlLabel
            disabled={!!regionId}
            control={<Checkbox checked={withChanges && !regionId} onChange={(e) => setWithChanges(e.target.checked)} />}
            label={t('exchange.withChanges')}
          />
          <Button
            variant="contained"
            onClick={() => void exportReport()}
            disabled={exportJob.running}
            data-testid="export-report"
          >
            {t('exchange.export')}
          </Button>
          <Button
            variant="outlined"
            startIcon={<PrintIcon />}
            data-testid="print-report"
            onClick={() =>
              print({ lang: reportLang, ...(period ? { period } : {}), ...(regionId ? { regionId } : {}) })
            }
          >
            {t('exchange.exportPdf')}
          </Button>
          {exportJob.running && <Button onClick={exportJob.cancel}>{t('exchange.cancel')}</Button>}
        </Stack>
        {exportJob.running && (
          <Stack spacing={1} sx={{ mt: 2 }}>
            <LinearProgress />
            <Typography variant="body2">
              {t('exchange.exporting')} {t('exchange.rowsWritten', { rows: fmt.number(exportJob.rows) })}
            </Typography>
          </Stack>
        )}
      </Section>
      <Section title={t('exchange.templateTitle')} body={t('exchange.templateBody')} testId="template-section">
        <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2} alignItems="center">
          <LanguageField label={t('exchange.templateLanguage')} value={templateLang} onChange={setTemplateLang} />
          <Button variant="outlined" onClick={() => void downloadTemplate()} data-testid="download-template">
            {t('exchange.template')}
          </Button>
        </Stack>
      </Section>
      <Section title={t('exchange.importTitle')} body={t('exchange.importBody')} testId="import-section">
        <ImportWizard />
      </Section>
    </Stack>
  );
}
