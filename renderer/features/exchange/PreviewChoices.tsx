/**
 * What the user decides about a preview before importing: which sheet is the register, what
 * rows carrying other initiatives' codes do, and which existing region or cluster a new place
 * name means. Each choice previews the file again; nothing is written until Import.
 */
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import FormControlLabel from '@mui/material/FormControlLabel';
import MenuItem from '@mui/material/MenuItem';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { InputOf } from '../../../db/core/contract';
import { ON_COLLISION, type OnCollision, type ValueMapping } from '../../../db/core/register';
import type { PreviewSummary } from '../../../db/core/results';
import { ChoiceSelect } from '../../components/ChoiceSelect';
import { useFormatter } from '../../components/useFormatter';
import { useStore } from '../../stores';

/** The choices a preview is made with, beside the file itself. */
export type PreviewOptions = Pick<InputOf<'import.preview'>, 'mapping' | 'values' | 'sheet' | 'onCollision'>;

export function SheetChooser(props: { preview: PreviewSummary; onChoose(sheet: string): void }) {
  const { t } = useTranslation();
  const p = props.preview;
  if (p.otherSheets.length === 0) return null;
  const label = (s: PreviewSummary['otherSheets'][number]) =>
    s.passed === 'hidden'
      ? t('exchange.sheetHidden', { sheet: s.name })
      : s.passed === 'too_wide'
        ? t('exchange.sheetTooWide', { sheet: s.name })
        : s.name;
  return (
    <TextField
      select
      size="small"
      label={t('exchange.chooseSheet')}
      value={p.sheet}
      onChange={(e) => props.onChoose(e.target.value)}
      sx={{ maxWidth: 320 }}
      slotProps={{ htmlInput: { 'data-testid': 'sheet-chooser' } }}
    >
      <MenuItem value={p.sheet}>{p.sheet}</MenuItem>
      {p.otherSheets.map((s) => (
        <MenuItem key={s.name} value={s.name} disabled={s.passed === 'too_wide'}>
          {label(s)}
        </MenuItem>
      ))}
    </TextField>
  );
}

export function CollisionChoice(props: { preview: PreviewSummary; onChoose(choice: OnCollision): void }) {
  const { t } = useTranslation();
  const fmt = useFormatter();
  const p = props.preview;
  if (p.collisions.length === 0 && p.onCollision === 'stop') return null;
  const keys: Record<OnCollision, string> = {
    stop: 'exchange.collisionStop',
    update: 'exchange.collisionUpdate',
    new: 'exchange.collisionNew',
  };
  return (
    <Alert severity={p.collisions.length > 0 ? 'warning' : 'info'} data-testid="collisions">
      {p.collisions.length === 0 && <Typography variant="body2">{t('exchange.collisions')}</Typography>}
      {p.collisions.length > 0 && (
        <Typography variant="body2">
          {t('exchange.collisionsBody', { count: fmt.number(p.collisions.length) })}
        </Typography>
      )}
      {p.collisions.length > 0 && (
        <Table size="small" sx={{ my: 1 }}>
          <TableHead>
            <TableRow>
              <TableCell>{t('exchange.row')}</TableCell>
              <TableCell>{t('exchange.code')}</TableCell>
              <TableCell>{t('exchange.titleCol')}</TableCell>
              <TableCell>{t('exchange.existingTitle')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {p.collisions.map((c) => (
              <TableRow key={c.row}>
                <TableCell>{fmt.number(c.row)}</TableCell>
                <TableCell dir="ltr">{c.code}</TableCell>
                <TableCell dir="auto">{c.title}</TableCell>
                <TableCell dir="auto">{c.existingTitle}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      <RadioGroup value={p.onCollision} onChange={(e) => props.onChoose(e.target.value as OnCollision)}>
        {ON_COLLISION.map((o) => (
          <FormControlLabel key={o} value={o} control={<Radio size="small" />} label={t(keys[o])} />
        ))}
      </RadioGroup>
    </Alert>
  );
}

/** New region and cluster names, each with the existing one it most likely means, to map. */
export function PlacesTable(props: {
  preview: PreviewSummary;
  values: ValueMapping;
  onApply(values: ValueMapping): void;
}) {
  const { t } = useTranslation();
  const language = useStore((s) => s.language);
  const regions = useStore((s) => s.regions);
  const clusters = useStore((s) => s.clusters);
  const p = props.preview;
  const [values, setValues] = useState<ValueMapping>(props.values);
  const rows = [
    ...p.newRegions.map((r) => ({ kind: 'region' as const, ...r })),
    ...p.newClusters.map((c) => ({ kind: 'cluster' as const, ...c })),
  ];
  const local = (x: { nameAr: string; nameEn: string }) => (language === 'ar' ? x.nameAr : x.nameEn || x.nameAr);
  /** Existing places to map to; a cluster names its region, since the same name may be in two. */
  const options = (kind: 'region' | 'cluster') =>
    kind === 'region'
      ? regions.map((r) => ({ value: r.nameAr, label: local(r) }))
      : clusters.map((c) => {
          const region = regions.find((r) => r.id === c.regionId);
          return { value: c.nameAr, label: region ? `${local(c)} — ${local(region)}` : local(c) };
        });
  const set = (kind: 'region' | 'cluster', name: string, target: string) =>
    setValues((v) => {
      const next = { ...(v[kind] ?? {}) };
      if (target) next[name] = target;
      else delete next[name];
      return { ...v, [kind]: next };
    });
  return (
    <Stack spacing={1}>
      <TableContainer sx={{ maxHeight: 360 }}>
        <Table size="small" stickyHeader data-testid="preview-places">
          <TableHead>
            <TableRow>
              <TableCell>{t('exchange.placeKind')}</TableCell>
              <TableCell>{t('exchange.placeName')}</TableCell>
              <TableCell>{t('exchange.placeNearest')}</TableCell>
              <TableCell>{t('exchange.placeTarget')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {rows.map((r) => (
              <TableRow key={`${r.kind}|${r.name}`}>
                <TableCell>{t(`exchange.${r.kind}`)}</TableCell>
                <TableCell dir="auto">{r.name}</TableCell>
                <TableCell dir="auto">{r.nearest ?? '—'}</TableCell>
                <TableCell>
                  <ChoiceSelect
                    label={r.name}
                    value={values[r.kind]?.[r.name] ?? ''}
                    none={t('exchange.placeCreate')}
                    options={[
                      ...(r.nearest ? [{ value: r.nearest, label: r.nearest }] : []),
                      ...options(r.kind).filter((o) => o.value !== r.nearest),
                    ]}
                    onChange={(v) => set(r.kind, r.name, v)}
                  />
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </TableContainer>
      <div>
        <Button variant="outlined" onClick={() => props.onApply(values)} data-testid="apply-places">
          {t('exchange.applyPlaces')}
        </Button>
      </div>
    </Stack>
  );
}
