import AddIcon from '@mui/icons-material/Add';
import DeleteIcon from '@mui/icons-material/Delete';
import Button from '@mui/material/Button';
import Grid from '@mui/material/Grid';
import IconButton from '@mui/material/IconButton';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EntityDialog, useDirty } from '../../components/EntityDialog';
import { fieldBinder } from '../../components/fields';
import { useStore } from '../../stores';
import {
  checkIndicator,
  type EditedIndicator,
  draftOfIndicator,
  type IndicatorDraft,
  type IndicatorInput,
  indicatorInput,
  nextPeriod,
} from './indicators';

/**
 * One indicator of an initiative: what it measures, from where to where, and its actual values
 * per period. It goes back to the initiative's editor, and is saved with the initiative.
 */
export function IndicatorDialog(props: {
  indicator: EditedIndicator | 'new';
  onClose(): void;
  onSave(input: IndicatorInput): void;
}) {
  const { t } = useTranslation();
  const kind = useStore((s) => s.settings.reportingPeriod);
  const existing = props.indicator === 'new' ? null : props.indicator;
  const [d, setD] = useState<IndicatorDraft>(() => draftOfIndicator(existing));
  const dirty = useDirty(d);
  const set = <K extends keyof IndicatorDraft>(k: K, v: IndicatorDraft[K]) => setD((x) => ({ ...x, [k]: v }));
  const errors = checkIndicator(d);
  const example = kind === 'year' ? '2025' : '2025-Q3';
  const help = (k: string) =>
    errors[k] ? { error: true, helperText: t(errors[k], { example }) } : { error: false, helperText: undefined };
  const { text } = fieldBinder(t, d, set, (k) => help(String(k)));
  const setValue = (n: number, patch: Partial<IndicatorDraft['values'][number]>) =>
    setD((x) => ({ ...x, values: x.values.map((v, i) => (i === n ? { ...v, ...patch } : v)) }));
  const figure = { htmlInput: { inputMode: 'decimal' as const, dir: 'ltr' } };

  return (
    <EntityDialog
      open
      title={t(existing ? 'indicators.edit' : 'indicators.add')}
      testId="indicator-dialog"
      dirty={dirty}
      canSave={Object.keys(errors).length === 0}
      onClose={props.onClose}
      onSave={() => props.onSave(indicatorInput(d))}
    >
      <Grid container spacing={2} sx={{ pt: 1 }}>
        <Grid size={{ xs: 12, sm: 8 }}>
          <TextField {...text('name', 'indicators.name')} required autoFocus />
        </Grid>
        <Grid size={{ xs: 12, sm: 4 }}>
          <TextField {...text('unit', 'indicators.unit')} />
        </Grid>
        <Grid size={6}>
          <TextField {...text('baseline', 'indicators.baseline')} slotProps={figure} />
        </Grid>
        <Grid size={6}>
          <TextField {...text('target', 'indicators.target')} slotProps={figure} />
        </Grid>
      </Grid>
      <Typography variant="subtitle1" component="h3" sx={{ mt: 3, mb: 1 }}>
        {t('indicators.values')}
      </Typography>
      <Stack spacing={1.5}>
        {d.values.map((v, n) => (
          <Stack key={n} direction="row" spacing={1} alignItems="flex-start">
            <TextField
              label={t('indicators.period')}
              name={`period${n}`}
              value={v.period}
              placeholder={example}
              onChange={(e) => setValue(n, { period: e.target.value })}
              slotProps={{ htmlInput: { dir: 'ltr' } }}
              {...help(`period${n}`)}
            />
            <TextField
              label={t('indicators.value')}
              name={`value${n}`}
              value={v.value}
              onChange={(e) => setValue(n, { value: e.target.value })}
              slotProps={figure}
              {...help(`value${n}`)}
            />
            <IconButton
              aria-label={t('indicators.removeValue', { period: v.period })}
              onClick={() =>
                set(
                  'values',
                  d.values.filter((_, i) => i !== n),
                )
              }
              sx={{ mt: 0.5 }}
            >
              <DeleteIcon fontSize="small" />
            </IconButton>
          </Stack>
        ))}
        <div>
          <Button
            startIcon={<AddIcon />}
            data-testid="add-value"
            onClick={() =>
              set('values', [
                ...d.values,
                {
                  period: nextPeriod(
                    d.values
                      .map((v) => v.period)
                      .sort()
                      .at(-1),
                    kind,
                  ),
                  value: '',
                },
              ])
            }
          >
            {t('indicators.addValue')}
          </Button>
        </div>
      </Stack>
    </EntityDialog>
  );
}
