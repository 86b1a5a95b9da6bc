import Button from '@mui/material/Button';
import FormControlLabel from '@mui/material/FormControlLabel';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import Switch from '@mui/material/Switch';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { checkLogo, type Logo } from '../../../db/core/logo';
import { REPORT_FONTS, type Settings } from '../../../db/core/model';
import { call } from '../../api';
import { FileButton } from '../../components/FileButton';
import { useStore } from '../../stores';
import { readAsBase64 } from '../../components/files';

/** What the cover of the ministry report says about who issues it and who signs it. */
export function ReportFields(props: {
  draft: Settings;
  set<K extends keyof Settings>(key: K, value: Settings[K]): void;
}) {
  const { t } = useTranslation();
  const { draft, set } = props;
  const person = (n: number, key: 'name' | 'role', value: string) =>
    set(
      'signatories',
      draft.signatories.map((p, i) => (i === n ? { ...p, [key]: value } : p)),
    );
  return (
    <Stack spacing={2} component="section" aria-labelledby="report-settings">
      <Typography variant="subtitle1" component="h3" id="report-settings">
        {t('settings.reportSection')}
      </Typography>
      <TextField
        label={t('settings.agencyName')}
        value={draft.agencyName}
        onChange={(e) => set('agencyName', e.target.value)}
        slotProps={{ htmlInput: { name: 'agencyName', maxLength: 300 } }}
      />
      <Stack direction="row" spacing={2} alignItems="center">
        <TextField
          select
          label={t('settings.reportFont')}
          value={draft.reportFont}
          onChange={(e) => set('reportFont', e.target.value as Settings['reportFont'])}
          sx={{ minWidth: 220 }}
        >
          {REPORT_FONTS.map((f) => (
            // Each name in its own face, where the PC has it.
            <MenuItem key={f} value={f} sx={{ fontFamily: `"${f}", sans-serif` }}>
              {f}
            </MenuItem>
          ))}
        </TextField>
        <FormControlLabel
          control={<Switch checked={draft.hijriDate} onChange={(e) => set('hijriDate', e.target.checked)} />}
          label={t('settings.hijriDate')}
        />
      </Stack>
      {draft.signatories.map((p, n) => (
        <Stack direction="row" spacing={2} key={n} alignItems="center">
          <Typography sx={{ minWidth: 80, fontWeight: 600 }}>
            {t(`settings.signatory.${n}` as 'settings.signatory.0')}
          </Typography>
          <TextField
            size="small"
            label={t('settings.signatoryName')}
            value={p.name}
            onChange={(e) => person(n, 'name', e.target.value)}
            slotProps={{ htmlInput: { name: `signatory${n}Name`, maxLength: 120 } }}
          />
          <TextField
            size="small"
            label={t('settings.signatoryRole')}
            value={p.role}
            onChange={(e) => person(n, 'role', e.target.value)}
            slotProps={{ htmlInput: { name: `signatory${n}Role`, maxLength: 120 } }}
          />
        </Stack>
      ))}
    </Stack>
  );
}

/** The agency's logo: checked in the page first (type, size, pixels), kept at once. */
export function LogoField() {
  const { t } = useTranslation();
  const write = useStore((s) => s.write);
  const fail = useStore((s) => s.fail);
  const file = useStore((s) => s.file?.file);
  const [logo, setLogo] = useState<Logo | null>(null);
  useEffect(() => {
    call('logo.get', {})
      .then((r) => setLogo(r.logo))
      .catch(fail);
  }, [fail, file]);
  const choose = async (chosen: File) => {
    try {
      const base64 = await readAsBase64(chosen);
      checkLogo(Uint8Array.from(atob(base64), (c) => c.charCodeAt(0)));
      const saved = await write('logo.set', { base64 }, 'settings.logoSaved');
      if (saved) setLogo(saved.logo);
    } catch (e) {
      fail(e);
    }
  };
  const remove = async () => {
    const saved = await write('logo.set', { base64: null }, 'settings.logoRemoved');
    if (saved) setLogo(null);
  };
  return (
    <Stack spacing={1}>
      <Typography>{t('settings.logo')}</Typography>
      <Stack direction="row" spacing={2} alignItems="center" sx={{ '& .MuiButton-root': { whiteSpace: 'nowrap' } }}>
        {logo ? (
          <img
            src={`data:${logo.mime};base64,${logo.base64}`}
            alt={t('settings.logo')}
            data-testid="logo-preview"
            style={{ maxHeight: 56, maxWidth: 160, objectFit: 'contain' }}
          />
        ) : (
          <Typography color="text.secondary">{t('settings.logoNone')}</Typography>
        )}
        <FileButton
          label={t('settings.logoChoose')}
          accept="image/png,image/jpeg"
          testId="logo-input"
          onFile={(f) => void choose(f)}
        />
        {logo && (
          <Button size="small" color="error" onClick={() => void remove()}>
            {t('settings.logoRemove')}
          </Button>
        )}
      </Stack>
      <Typography variant="body2" color="text.secondary">
        {t('settings.logoHint')}
      </Typography>
    </Stack>
  );
}
