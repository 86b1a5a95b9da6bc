import Checkbox from '@mui/material/Checkbox';
import Divider from '@mui/material/Divider';
import FormControlLabel from '@mui/material/FormControlLabel';
import Grid from '@mui/material/Grid';
import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Cluster, CLUSTER_DEFAULTS, FORMALITIES, QUALITY_STATUSES, UNIDO_STAGES } from '../../../db/core/model';
import { FindingsPanel } from '../../components/FindingsPanel';
import { ClusterInitiatives } from './ClusterInitiatives';
import { EntityDialog, useDirty } from '../../components/EntityDialog';
import { codeInput } from '../../components/code';
import { EnumSelect, fieldBinder } from '../../components/fields';
import { useLocalName } from '../../components/useFormatter';
import { useStore } from '../../stores';
import { SectorField } from './SectorField';

type Draft = Omit<Cluster, 'id'>;
const QM = [
  ['qmCustomerStatus', 'qmCustomerNote', 'clusters.qmCustomer'],
  ['qmQualityStatus', 'qmQualityNote', 'clusters.qmQuality'],
  ['qmBrandStatus', 'qmBrandNote', 'clusters.qmBrand'],
] as const;

export function ClusterDialog(props: { cluster: Cluster | { regionId: string }; onClose(): void }) {
  const { t } = useTranslation();
  const regions = useStore((s) => s.regions);
  const write = useStore((s) => s.write);
  const localName = useLocalName();
  const existing = 'id' in props.cluster ? props.cluster : null;
  const [d, setD] = useState<Draft>(
    existing ?? { ...CLUSTER_DEFAULTS, code: '', nameAr: '', regionId: props.cluster.regionId },
  );
  const dirty = useDirty(d);
  const set = <K extends keyof Draft>(k: K, v: Draft[K]) => setD((x) => ({ ...x, [k]: v }));
  const { text, count, code } = fieldBinder(t, d, set);

  const save = async () => {
    const { code, ...rest } = d;
    const fields = { ...rest, ...codeInput(code) };
    const ok = existing
      ? await write('clusters.update', { id: existing.id, ...fields })
      : await write('clusters.create', fields);
    if (ok) props.onClose();
  };

  return (
    <EntityDialog
      open
      wide
      title={t(existing ? 'clusters.edit' : 'clusters.add')}
      testId="cluster-dialog"
      dirty={dirty}
      canSave={d.nameAr.trim().length > 0 && d.regionId !== ''}
      onClose={props.onClose}
      onSave={() => void save()}
    >
      <Grid container spacing={2} sx={{ pt: 1 }}>
        <Grid size={{ xs: 12, sm: 6 }}>
          <TextField {...text('nameAr', 'common.nameAr')} required autoFocus />
        </Grid>
        <Grid size={{ xs: 12, sm: 6 }}>
          <TextField {...text('nameEn', 'common.nameEn')} slotProps={{ htmlInput: { dir: 'ltr' } }} />
        </Grid>
        <Grid size={{ xs: 12, sm: 4 }}>
          <TextField
            select
            label={t('clusters.region')}
            value={d.regionId}
            onChange={(e) => set('regionId', e.target.value)}
            required
          >
            {regions.map((r) => (
              <MenuItem key={r.id} value={r.id}>
                {localName(r)}
              </MenuItem>
            ))}
          </TextField>
        </Grid>
        <Grid size={{ xs: 12, sm: 4 }}>
          <SectorField value={d.sectorId} onChange={(v) => set('sectorId', v)} />
        </Grid>
        <Grid size={{ xs: 12, sm: 4 }}>
          <TextField {...code('code')} />
        </Grid>
        <Grid size={12}>
          <TextField {...text('mainProducts', 'clusters.mainProducts')} />
        </Grid>
        <Grid size={{ xs: 12, sm: 4 }}>
          <TextField {...count('microCount', 'clusters.microCount')} />
        </Grid>
        <Grid size={{ xs: 12, sm: 4 }}>
          <TextField {...count('smallCount', 'clusters.smallCount')} />
        </Grid>
        <Grid size={{ xs: 12, sm: 4 }}>
          <TextField {...count('workers', 'clusters.workers')} />
        </Grid>
        <Grid size={{ xs: 12, sm: 4 }}>
          <EnumSelect
            label={t('clusters.formality')}
            value={d.formality}
            options={FORMALITIES}
            group="formality"
            onChange={(v) => set('formality', v)}
          />
        </Grid>
        <Grid size={{ xs: 12, sm: 4 }}>
          <FormControlLabel
            control={<Checkbox checked={d.heritage} onChange={(e) => set('heritage', e.target.checked)} />}
            label={t('clusters.heritage')}
          />
        </Grid>
        <Grid size={{ xs: 12, sm: 4 }}>
          <FormControlLabel
            control={<Checkbox checked={d.selected} onChange={(e) => set('selected', e.target.checked)} />}
            label={t('clusters.selected')}
          />
        </Grid>
        <Grid size={12}>
          <Divider />
          <Typography variant="subtitle1" component="h3" sx={{ mt: 1 }}>
            {t('clusters.advantages')}
          </Typography>
        </Grid>
        <Grid size={{ xs: 12, sm: 4 }}>
          <TextField {...text('advantageAbsolute', 'clusters.advantageAbsolute', true)} />
        </Grid>
        <Grid size={{ xs: 12, sm: 4 }}>
          <TextField {...text('advantageComparative', 'clusters.advantageComparative', true)} />
        </Grid>
        <Grid size={{ xs: 12, sm: 4 }}>
          <TextField {...text('advantageCompetitive', 'clusters.advantageCompetitive', true)} />
        </Grid>
        <Grid size={12}>
          <Divider />
          <Typography variant="subtitle1" component="h3" sx={{ mt: 1 }}>
            {t('clusters.qualityMarketing')}
          </Typography>
        </Grid>
        {QM.map(([statusKey, noteKey, label]) => (
          <Grid container size={12} spacing={2} key={statusKey}>
            <Grid size={{ xs: 12, sm: 5 }}>
              <EnumSelect
                label={t(label)}
                name={statusKey}
                value={d[statusKey]}
                options={QUALITY_STATUSES}
                group="quality"
                onChange={(v) => set(statusKey, v)}
              />
            </Grid>
            <Grid size={{ xs: 12, sm: 7 }}>
              <TextField {...text(noteKey, 'clusters.note')} />
            </Grid>
          </Grid>
        ))}
        <Grid size={{ xs: 12, sm: 6 }}>
          <TextField
            select
            label={t('clusters.unidoStage')}
            value={d.unidoStage ?? ''}
            onChange={(e) => set('unidoStage', (e.target.value || null) as Draft['unidoStage'])}
          >
            <MenuItem value="">{t('enums.unido.none')}</MenuItem>
            {UNIDO_STAGES.map((s) => (
              <MenuItem key={s} value={s}>
                {t(`enums.unido.${s}`)}
              </MenuItem>
            ))}
          </TextField>
        </Grid>
        <Grid size={12}>
          <TextField {...text('notes', 'common.notes', true)} />
        </Grid>
        {existing && (
          <Grid size={12}>
            <ClusterInitiatives cluster={existing} />
          </Grid>
        )}
        {existing && (
          <Grid size={12}>
            <FindingsPanel clusterId={existing.id} testId="cluster-findings-panel" />
          </Grid>
        )}
      </Grid>
    </EntityDialog>
  );
}
