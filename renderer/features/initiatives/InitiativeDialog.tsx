import Alert from '@mui/material/Alert';
import { DateField } from '../../components/DateField';
import Grid from '@mui/material/Grid';
import ListSubheader from '@mui/material/ListSubheader';
import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Initiative, INITIATIVE_STATUSES, MARKETING_HOLDERS } from '../../../db/core/model';
import { EntityDialog, useDirty } from '../../components/EntityDialog';
import { EnumSelect, fieldBinder } from '../../components/fields';
import { useLocalName } from '../../components/useFormatter';
import { useStore } from '../../stores';
import { call } from '../../api';
import { periodName } from '../../../db/core/report-text';
import { AxesField } from './AxesField';
import { IndicatorsSection } from './IndicatorsSection';
import { type EditedIndicator, editedOf } from './indicators';
import { checkDraft, draftOf, type InitiativeDraft, newDraft, toInput } from './draft';

const REGION_WIDE = 'region:';

export function InitiativeDialog(props: {
  initiative: Initiative | 'new';
  /** A new initiative's place (a cluster, or a region when clusterId is null) and axes, e.g. from a matrix cell. */
  preset?: { regionId: string; clusterId: string | null; axes: number[] };
  /** In a planning session: saved as a draft, the portfolio untouched until the session commits. */
  asDraft?: boolean;
  onClose(): void;
}) {
  const { t } = useTranslation();
  const localName = useLocalName();
  const regions = useStore((s) => s.regions);
  const clusters = useStore((s) => s.clusters);
  const digits = useStore((s) => s.settings.currencyDigits);
  const currency = useStore((s) => s.settings.currencyCode);
  const write = useStore((s) => s.write);
  const fail = useStore((s) => s.fail);
  const language = useStore((s) => s.language);
  const fiscal = useStore((s) => s.settings.fiscalYearStartMonth);
  const existing = props.initiative === 'new' ? null : props.initiative;
  const [d, setD] = useState<InitiativeDraft>(() => {
    if (existing) return draftOf(existing, digits);
    const draft =
      props.preset && props.preset.clusterId === null
        ? newDraft(null, props.preset.regionId, digits)
        : (() => {
            const cluster = clusters.find((c) => c.id === props.preset?.clusterId) ?? clusters[0];
            return newDraft(cluster?.id ?? null, cluster?.regionId ?? regions[0]?.id ?? '', digits);
          })();
    if (props.preset) Object.assign(draft, { axes: props.preset.axes, primaryAxis: props.preset.axes[0] ?? 1 });
    return draft;
  });
  // The initiative's indicators as the editor holds them, saved with it in one step (none saved if
  // the editor is cancelled); an existing one's are read first (null until then).
  const [indicators, setIndicators] = useState<EditedIndicator[] | null>(existing ? null : []);
  const [savedIndicators, setSavedIndicators] = useState('[]');
  useEffect(() => {
    if (!existing) return;
    call('indicators.list', { initiativeId: existing.id })
      .then((list) => {
        const edited = list.map(editedOf);
        setSavedIndicators(JSON.stringify(edited));
        setIndicators(edited);
      })
      .catch(fail);
  }, [existing, fail]);
  const indicatorsChanged = indicators !== null && JSON.stringify(indicators) !== savedIndicators;
  // A date typed that is no date (31/02): the form says so and does not save over it.
  const [badDates, setBadDates] = useState<ReadonlySet<string>>(new Set());
  const dateValidity = useCallback(
    (field: string) => (ok: boolean) =>
      setBadDates((b) => {
        if (ok !== b.has(field)) return b;
        const next = new Set(b);
        if (ok) next.delete(field);
        else next.add(field);
        return next;
      }),
    [],
  );
  const [startValidity, endValidity] = useMemo(
    () => [dateValidity('startDate'), dateValidity('endDate')],
    [dateValidity],
  );
  const dirty = useDirty(d) || indicatorsChanged || badDates.size > 0;
  // The ministry's word on this initiative, while the period it returned is not submitted again.
  const [comments, setComments] = useState<{ comment: string; period: string }[]>([]);
  useEffect(() => {
    if (!existing) return;
    call('comments.list', {})
      .then((all) => setComments(all.filter((c) => c.code === existing.code)))
      .catch(() => setComments([]));
  }, [existing]);
  const set = <K extends keyof InitiativeDraft>(k: K, v: InitiativeDraft[K]) => setD((x) => ({ ...x, [k]: v }));
  const { errors, warnings } = checkDraft(d, digits);
  // A field's error shows once the field was changed, or the user tried to save: not in red on a
  // form nobody has typed in yet.
  const [initial] = useState(d);
  const [attempted, setAttempted] = useState(false);
  const shown = (k: keyof InitiativeDraft) => attempted || JSON.stringify(d[k]) !== JSON.stringify(initial[k]);
  const help = (k: keyof InitiativeDraft) => {
    const error = shown(k) ? errors[k] : undefined;
    const m = error ?? warnings[k];
    return { error: Boolean(error), helperText: m ? t(m.key, m.vars) : undefined };
  };
  const { text, count, date, code } = fieldBinder(t, d, set, help);
  const place = d.clusterId ?? `${REGION_WIDE}${d.regionId}`;
  const setPlace = (value: string) => {
    if (value.startsWith(REGION_WIDE))
      setD((x) => ({ ...x, clusterId: null, regionId: value.slice(REGION_WIDE.length) }));
    else
      setD((x) => ({ ...x, clusterId: value, regionId: clusters.find((c) => c.id === value)?.regionId ?? x.regionId }));
  };

  const save = async () => {
    const input = toInput(d, digits);
    const ok = props.asDraft
      ? await write(
          'planning.add',
          existing ? { kind: 'update', input: { ...input, id: existing.id } } : { kind: 'create', input },
          'planning.drafted',
        )
      : existing
        ? indicatorsChanged
          ? await write('initiatives.updateWithIndicators', {
              initiative: { ...input, id: existing.id },
              indicators: indicators ?? [],
            })
          : await write('initiatives.update', { ...input, id: existing.id })
        : indicators && indicators.length > 0
          ? await write('initiatives.createWithIndicators', { initiative: input, indicators })
          : await write('initiatives.create', input);
    if (ok) props.onClose();
  };

  return (
    <EntityDialog
      open
      wide
      title={t(
        props.asDraft
          ? existing
            ? 'planning.editDraft'
            : 'planning.addDraft'
          : existing
            ? 'initiatives.edit'
            : 'initiatives.add',
      )}
      testId="initiative-dialog"
      dirty={dirty}
      canSave={Object.keys(errors).length === 0 && badDates.size === 0}
      onClose={props.onClose}
      onSave={() => void save()}
      onInvalid={() => setAttempted(true)}
      {...(props.asDraft
        ? {
            saveLabel: t('planning.saveDraft'),
            banner: (
              <Alert severity="info" sx={{ mb: 1 }} data-testid="draft-banner">
                {t('planning.draftBanner')}
              </Alert>
            ),
          }
        : {})}
    >
      <Grid container spacing={2} sx={{ pt: 1 }}>
        {comments.map((c) => (
          <Grid size={12} key={c.period}>
            <Alert severity="warning" data-testid="ministry-comment">
              {t('reporting.ministrySaid')} ({periodName(c.period, language, fiscal)}): {c.comment}
            </Alert>
          </Grid>
        ))}
        <Grid size={{ xs: 12, sm: 9 }}>
          <TextField {...text('title', 'initiatives.titleField')} required autoFocus />
        </Grid>
        <Grid size={{ xs: 12, sm: 3 }}>
          <TextField {...code('code')} />
        </Grid>
        <Grid size={12}>
          <TextField {...text('description', 'initiatives.description', true)} />
        </Grid>
        <Grid size={{ xs: 12, sm: 6 }}>
          <TextField
            select
            label={t('initiatives.cluster')}
            value={place}
            onChange={(e) => setPlace(e.target.value)}
            {...help('clusterId')}
            name="place"
          >
            {regions.flatMap((r) => [
              <ListSubheader key={`h${r.id}`}>{localName(r)}</ListSubheader>,
              ...clusters
                .filter((c) => c.regionId === r.id)
                .map((c) => (
                  <MenuItem key={c.id} value={c.id}>
                    {localName(c)}
                  </MenuItem>
                )),
              <MenuItem key={`w${r.id}`} value={`${REGION_WIDE}${r.id}`}>
                <em>
                  {t('initiatives.regionWide')} — {localName(r)}
                </em>
              </MenuItem>,
            ])}
          </TextField>
        </Grid>
        <Grid size={{ xs: 12, sm: 6 }}>
          <EnumSelect
            label={t('initiatives.status')}
            name="status"
            value={d.status}
            options={INITIATIVE_STATUSES}
            group="status"
            onChange={(v) => set('status', v)}
          />
        </Grid>
        <Grid size={12}>
          <AxesField
            axes={d.axes}
            primaryAxis={d.primaryAxis}
            error={errors.axes && shown('axes') ? t(errors.axes.key, errors.axes.vars) : null}
            onChange={(axes, primaryAxis) => setD((x) => ({ ...x, axes, primaryAxis }))}
          />
        </Grid>
        <Grid size={{ xs: 12, sm: 6 }}>
          <TextField {...text('leadBody', 'initiatives.leadBody')} />
        </Grid>
        <Grid size={{ xs: 12, sm: 6 }}>
          <TextField {...text('partners', 'initiatives.partners')} />
        </Grid>
        <Grid size={{ xs: 12, sm: 6 }}>
          <EnumSelect
            label={t('initiatives.marketingHolder')}
            name="marketingHolder"
            value={d.marketingHolder}
            options={MARKETING_HOLDERS}
            group="marketing"
            onChange={(v) => set('marketingHolder', v)}
          />
        </Grid>
        <Grid size={{ xs: 12, sm: 6 }}>
          <TextField
            {...text('marketingBody', 'initiatives.marketingBody')}
            disabled={d.marketingHolder === 'enterprises'}
          />
        </Grid>
        <Grid size={{ xs: 12, sm: 3 }}>
          <DateField {...date('startDate', 'initiatives.startDate')} onValidity={startValidity} />
        </Grid>
        <Grid size={{ xs: 12, sm: 3 }}>
          <DateField {...date('endDate', 'initiatives.endDate')} onValidity={endValidity} />
        </Grid>
        <Grid size={{ xs: 12, sm: 3 }}>
          <TextField
            {...text('plannedBudget', 'initiatives.plannedBudget')}
            slotProps={{ htmlInput: { inputMode: 'decimal' }, input: { endAdornment: currency } }}
          />
        </Grid>
        <Grid size={{ xs: 12, sm: 3 }}>
          <TextField
            {...text('spent', 'initiatives.spent')}
            slotProps={{ htmlInput: { inputMode: 'decimal' }, input: { endAdornment: currency } }}
          />
        </Grid>
        <Grid size={{ xs: 6, sm: 3 }}>
          <TextField {...count('beneficiaries', 'initiatives.beneficiaries')} />
        </Grid>
        <Grid size={{ xs: 6, sm: 3 }}>
          <TextField {...count('jobs', 'initiatives.jobs')} />
        </Grid>
        <Grid size={{ xs: 6, sm: 3 }}>
          <TextField {...count('trainees', 'initiatives.trainees')} />
        </Grid>
        <Grid size={{ xs: 6, sm: 3 }}>
          <TextField {...count('progress', 'initiatives.progress', 100)} />
        </Grid>
        <Grid size={12}>
          <TextField {...text('notes', 'common.notes', true)} />
        </Grid>
      </Grid>
      {!props.asDraft && <IndicatorsSection list={indicators} onChange={setIndicators} />}
    </EntityDialog>
  );
}
