import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import Chip from '@mui/material/Chip';
import FormControlLabel from '@mui/material/FormControlLabel';
import Stack from '@mui/material/Stack';
import Tab from '@mui/material/Tab';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Tabs from '@mui/material/Tabs';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { REGISTER_FIELDS } from '../../../db/core/register';
import type { InputOf } from '../../../db/core/contract';
import { call } from '../../api';
import { ChoiceSelect } from '../../components/ChoiceSelect';
import { useFormatter } from '../../components/useFormatter';
import { useStore } from '../../stores';
import { downloadFile } from '../../components/files';
import type { PreviewSummary } from '../../../db/core/results';
import { CollisionChoice, PlacesTable, type PreviewOptions, SheetChooser } from './PreviewChoices';

type Mapping = NonNullable<InputOf<'import.preview'>['mapping']>;
type FieldName = Mapping[string];
/** The register's columns first, then the list forms a register may use instead. */
const FIELDS: NonNullable<FieldName>[] = [...REGISTER_FIELDS, 'axes', 'serial'];

function ListTable(props: { head: string[]; rows: (string | number)[][]; testId: string }) {
  return (
    <TableContainer sx={{ maxHeight: 360 }}>
      <Table size="small" stickyHeader data-testid={props.testId}>
        <TableHead>
          <TableRow>
            {props.head.map((h) => (
              <TableCell key={h}>{h}</TableCell>
            ))}
          </TableRow>
        </TableHead>
        <TableBody>
          {props.rows.map((r, i) => (
            <TableRow key={i}>
              {r.map((c, j) => (
                <TableCell key={j} dir="auto">
                  {c}
                </TableCell>
              ))}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableContainer>
  );
}

export function PreviewView(props: {
  preview: PreviewSummary;
  /** The choices the preview was made with; a change previews the file again. */
  options: PreviewOptions;
  onRepreview(patch: PreviewOptions): void;
  onCommit(skipInvalid: boolean): void;
  onDiscard(): void;
  onProfileSaved(): void;
}) {
  const { t } = useTranslation();
  const fmt = useFormatter();
  const language = useStore((s) => s.language);
  const currency = useStore((s) => s.settings.currencyCode);
  const notify = useStore((s) => s.notify);
  const fail = useStore((s) => s.fail);
  const p = props.preview;
  const [tab, setTab] = useState(
    p.needsMapping || p.missingColumns.length > 0
      ? 'columns'
      : p.counts.errors > 0
        ? 'errors'
        : p.newRegions.length + p.newClusters.length > 0
          ? 'places'
          : p.warnings.length > 0
            ? 'warnings'
            : 'create',
  );
  const [skip, setSkip] = useState(false);
  const [profileName, setProfileName] = useState('');
  const [mapping, setMapping] = useState<Mapping>(() =>
    Object.fromEntries(p.columns.filter((c) => c.header).map((c) => [c.header, c.field])),
  );
  const label = (f: NonNullable<FieldName>) => {
    const axis = /^axis(\d)$/.exec(f);
    return axis
      ? t('register.axis', { n: axis[1], name: '' }).replace(/[:\s]+$/, '')
      : t(`register.${f}`, { currency });
  };
  const counts: [string, number, 'default' | 'primary' | 'error' | 'success' | 'warning'][] = [
    ['exchange.toCreate', p.counts.create, 'success'],
    ['exchange.toUpdate', p.counts.update, 'primary'],
    ['exchange.unchanged', p.counts.unchanged, 'default'],
    ['exchange.errors', p.counts.errors, p.counts.errors ? 'error' : 'default'],
    ['exchange.regionsToCreate', p.counts.regions, 'default'],
    ['exchange.clustersToCreate', p.counts.clusters, 'default'],
    ['exchange.skipped', p.counts.skipped, 'default'],
    ['exchange.warnings', p.warnings.length, p.warnings.length ? 'warning' : 'default'],
    ['exchange.collisions', p.collisions.length, p.collisions.length ? 'warning' : 'default'],
    ['exchange.unclassified', p.unclassified, 'default'],
  ];
  const saveProfile = async () => {
    try {
      await call('importProfiles.save', {
        name: profileName,
        mapping,
        ...(props.options.values ? { values: props.options.values } : {}),
      });
      notify({ kind: 'success', key: 'exchange.profileSaved' });
      props.onProfileSaved();
    } catch (e) {
      fail(e);
    }
  };
  const saveErrors = async () => {
    try {
      downloadFile(await call('import.errorWorkbook', { previewId: p.previewId, lang: language }));
    } catch (e) {
      fail(e);
    }
  };

  return (
    <Stack spacing={2} data-testid="import-preview-view">
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2} alignItems="center">
        <Typography>{t('exchange.sheetInfo', { sheet: p.sheet, row: fmt.number(p.headerRow) })}</Typography>
        <SheetChooser preview={p} onChoose={(sheet) => props.onRepreview({ sheet })} />
      </Stack>
      <Stack direction="row" useFlexGap flexWrap="wrap" spacing={1}>
        {counts.map(([key, n, color]) => (
          <Chip
            key={key}
            color={color}
            variant={n ? 'filled' : 'outlined'}
            label={`${t(key)}: ${fmt.number(n)}`}
            data-testid={`count-${key.split('.')[1]}`}
          />
        ))}
      </Stack>
      {p.needsMapping && (
        <Alert severity="warning" data-testid="needs-mapping">
          {t('exchange.needsMapping')}
        </Alert>
      )}
      {!p.needsMapping && p.missingColumns.length > 0 && (
        <Alert severity="warning" data-testid="missing-columns">
          {t('exchange.missingColumns', { list: fmt.list(p.missingColumns.map((f) => label(f))) })}
        </Alert>
      )}
      <CollisionChoice preview={p} onChoose={(onCollision) => props.onRepreview({ onCollision })} />
      {!p.needsMapping && p.unmatched.length > 0 && (
        <Alert severity="info">{t('exchange.unmatched', { list: fmt.list(p.unmatched) })}</Alert>
      )}
      <Tabs value={tab} onChange={(_e, v: string) => setTab(v)} variant="scrollable">
        <Tab value="create" label={t('exchange.toCreate')} />
        <Tab value="update" label={t('exchange.toUpdate')} />
        <Tab value="errors" label={t('exchange.errors')} data-testid="tab-errors" />
        <Tab value="warnings" label={t('exchange.warnings')} data-testid="tab-warnings" />
        <Tab value="places" label={t('exchange.places')} data-testid="tab-places" />
        <Tab value="columns" label={t('exchange.columns')} data-testid="tab-columns" />
      </Tabs>
      {tab === 'create' && (
        <ListTable
          testId="preview-creates"
          head={[t('exchange.row'), t('exchange.code'), t('exchange.titleCol')]}
          rows={p.creates.map((c) => [fmt.number(c.row), c.code, c.title])}
        />
      )}
      {tab === 'update' && (
        <ListTable
          testId="preview-updates"
          head={[t('exchange.row'), t('exchange.code'), t('exchange.titleCol'), t('exchange.changes')]}
          rows={p.updates.map((u) => [
            fmt.number(u.row),
            u.code,
            u.title,
            u.changes
              .map(
                (c) =>
                  `${label(c.field as NonNullable<FieldName>)}: ${c.from || '—'} ${language === 'ar' ? '←' : '→'} ${c.to || '—'}`,
              )
              .join(' · '),
          ])}
        />
      )}
      {tab === 'errors' && (
        <Stack spacing={1}>
          <ListTable
            testId="preview-errors"
            head={[t('exchange.sheet'), t('exchange.row'), t('exchange.column'), t('exchange.reason')]}
            rows={p.errors.map((e) => [e.sheet, fmt.number(e.row), e.column, e.message[language]])}
          />
          {p.counts.errors > 0 && (
            <div>
              <Button onClick={() => void saveErrors()} data-testid="save-errors">
                {t('exchange.errorWorkbook')}
              </Button>
            </div>
          )}
        </Stack>
      )}
      {tab === 'warnings' && (
        <Stack spacing={1}>
          <Typography variant="body2">{t('exchange.warningsBody')}</Typography>
          <ListTable
            testId="preview-warnings"
            head={[t('exchange.sheet'), t('exchange.row'), t('exchange.column'), t('exchange.reason')]}
            rows={p.warnings.map((e) => [e.sheet, fmt.number(e.row), e.column, e.message[language]])}
          />
        </Stack>
      )}
      {tab === 'places' && (
        <PlacesTable
          preview={p}
          values={props.options.values ?? {}}
          onApply={(values) => props.onRepreview({ values })}
        />
      )}
      {tab === 'columns' && (
        <Stack spacing={1}>
          <TableContainer>
            <Table size="small" data-testid="preview-columns">
              <TableHead>
                <TableRow>
                  <TableCell>{t('exchange.column')}</TableCell>
                  <TableCell>{t('exchange.field')}</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {Object.keys(mapping).map((header) => (
                  <TableRow key={header}>
                    <TableCell dir="auto">{header}</TableCell>
                    <TableCell>
                      <ChoiceSelect
                        label={header}
                        value={mapping[header] ?? ''}
                        none={t('exchange.ignore')}
                        options={FIELDS.map((f) => ({ value: f, label: label(f) }))}
                        onChange={(v) => setMapping((m) => ({ ...m, [header]: (v || null) as FieldName }))}
                        minWidth={260}
                      />
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </TableContainer>
          <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2} alignItems="center">
            <Button variant="outlined" onClick={() => props.onRepreview({ mapping })} data-testid="repreview">
              {t('exchange.repreview')}
            </Button>
            <TextField
              label={t('exchange.profileName')}
              value={profileName}
              onChange={(e) => setProfileName(e.target.value)}
              sx={{ maxWidth: 240 }}
            />
            <Button disabled={!profileName.trim()} onClick={() => void saveProfile()}>
              {t('exchange.saveProfile')}
            </Button>
          </Stack>
        </Stack>
      )}
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2} alignItems="center">
        {p.counts.errors > 0 && (
          <FormControlLabel
            control={<Checkbox checked={skip} onChange={(e) => setSkip(e.target.checked)} />}
            label={t('exchange.skipInvalid')}
          />
        )}
        <Button
          variant="contained"
          disabled={
            (p.counts.errors > 0 && !skip) || p.collisions.length > 0 || p.counts.create + p.counts.update === 0
          }
          onClick={() => props.onCommit(skip)}
          data-testid="import-commit"
        >
          {t('exchange.commit')}
        </Button>
        <Button onClick={props.onDiscard}>{t('exchange.discard')}</Button>
      </Stack>
    </Stack>
  );
}
