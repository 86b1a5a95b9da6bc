import FileDownloadIcon from '@mui/icons-material/FileDownload';
import ImageIcon from '@mui/icons-material/Image';
import PrintIcon from '@mui/icons-material/Print';
import KeyboardIcon from '@mui/icons-material/Keyboard';
import Box from '@mui/material/Box';
import IconButton from '@mui/material/IconButton';
import Tooltip from '@mui/material/Tooltip';
import GlobalStyles from '@mui/material/GlobalStyles';
import Button from '@mui/material/Button';
import FormControlLabel from '@mui/material/FormControlLabel';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Switch from '@mui/material/Switch';
import TextField from '@mui/material/TextField';
import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';
import Typography from '@mui/material/Typography';
import { useEffect, useMemo, useState } from 'react';
import { flushSync } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { PERIOD_PATTERN } from '../../../db/core/period';
import { periodName } from '../../../db/core/report-text';
import { FilterSelect } from '../../components/FilterSelect';
import { type Initiative, INITIATIVE_STATUSES, type InitiativeStatus } from '../../../db/core/model';
import { call } from '../../api';
import { downloadBlob, downloadFile, today } from '../../components/files';
import { useAxisName, useFormatter, useLocalName, useRowName } from '../../components/useFormatter';
import { bothLanguages } from '../../i18n';
import { makeTheme } from '../../theme';
import { useStore } from '../../stores';
import { InitiativeDialog } from '../initiatives/InitiativeDialog';
import { CellDialog } from './CellDialog';
import { MatrixTable } from './MatrixTable';
import { type Measure, MEASURE_UNIT, MEASURES, valueOf } from '../../../db/core/measures';
import { PlanningPanel } from './PlanningPanel';
import { ACTION_RULES, MarksChoice } from './MarksChoice';
import type { RuleId } from '../../../db/core/model';
import { FiltersToggle } from '../../components/FiltersToggle';
import { useFillHeight } from '../../components/useFillHeight';
import { show } from './cells';
import { drawMatrixImage } from './png';
import type { MatrixRow, PlanPreview } from '../../../db/core/results';

interface Filter {
  regionId: string;
  sectorId: string;
  status: '' | InitiativeStatus;
  period: string;
  selectedOnly: boolean;
}
const NO_FILTER: Filter = { regionId: '', sectorId: '', status: '', period: '', selectedOnly: false };

/** Legend swatches, compact: the heat scale, a gap, a finding marker; the long words and the keys on hover. */
function Legend() {
  const { t } = useTranslation();
  const swatch = (sx: object, key?: number) => <Box key={key} sx={{ width: 14, height: 14, flexShrink: 0, ...sx }} />;
  return (
    <Stack direction="row" spacing={1.5} alignItems="center" useFlexGap data-testid="matrix-legend">
      <Stack direction="row" spacing={0.5} alignItems="center">
        <Typography variant="caption">{t('matrix.legendLow')}</Typography>
        {[0.2, 0.45, 0.7, 0.9].map((a) => swatch({ bgcolor: `rgba(11, 93, 90, ${a})` }, a))}
        <Typography variant="caption">{t('matrix.legendHigh')}</Typography>
      </Stack>
      <Stack direction="row" spacing={0.5} alignItems="center" title={t('matrix.legendGap')}>
        {swatch({ border: '2px dashed', borderColor: 'error.main', bgcolor: 'rgba(211,47,47,0.08)' })}
        <Typography variant="caption">{t('matrix.legendGapShort')}</Typography>
      </Stack>
      <Stack direction="row" spacing={0.5} alignItems="center" title={t('matrix.legendFinding')}>
        {swatch({ width: 9, height: 9, borderRadius: '50%', bgcolor: 'warning.main' })}
        <Typography variant="caption">{t('matrix.legendFindingShort')}</Typography>
      </Stack>
      <Tooltip title={t('matrix.keyboardHint')}>
        <IconButton size="small" className="no-print" aria-label={t('matrix.keyboardHint')}>
          <KeyboardIcon fontSize="small" />
        </IconButton>
      </Tooltip>
    </Stack>
  );
}

/**
 * True while the page is being printed. The browser announces printing (the print button or
 * Ctrl+P) with `beforeprint` and lays the page out right after it, so the rows a long, windowed
 * matrix leaves out must be drawn synchronously inside that event.
 */
function usePrinting(): boolean {
  const [printing, setPrinting] = useState(false);
  useEffect(() => {
    const before = () => flushSync(() => setPrinting(true));
    const after = () => setPrinting(false);
    window.addEventListener('beforeprint', before);
    window.addEventListener('afterprint', after);
    return () => {
      window.removeEventListener('beforeprint', before);
      window.removeEventListener('afterprint', after);
    };
  }, []);
  return printing;
}

export function MatrixScreen() {
  const { t } = useTranslation();
  const fmt = useFormatter();
  const localName = useLocalName();
  const rowName = useRowName();
  const regions = useStore((s) => s.regions);
  const sectors = useStore((s) => s.sectors);
  // The whole office's matrix, which the store fetches again whenever a write changes a figure.
  const officeMatrix = useStore((s) => s.matrix);
  const version = useStore((s) => s.version);
  const findings = useStore((s) => s.findings);
  const fail = useStore((s) => s.fail);
  const notify = useStore((s) => s.notify);
  const settings = useStore((s) => s.settings);
  const axisName = useAxisName();
  const language = useStore((s) => s.language);
  const [measure, setMeasure] = useState<Measure>('count');
  const [filter, setFilter] = useState<Filter>(NO_FILTER);
  const [periodText, setPeriodText] = useState('');
  // The rows with the measure they were summed for, so a switch never shows unsummed zeros.
  const [data, setData] = useState<{ rows: MatrixRow[]; measure: Measure } | null>(null);
  const [collapsed, setCollapsed] = useState<Set<string>>(new Set());
  const [cell, setCell] = useState<{ row: MatrixRow; axis: number } | null>(null);
  const [editing, setEditing] = useState<
    Initiative | { regionId: string; clusterId: string | null; axes: number[] } | null
  >(null);
  // A planning session: on while the user plans, and whenever drafts are waiting in the file.
  const [planning, setPlanning] = useState(false);
  const printing = usePrinting();
  // The filters: a bar opened on demand (closed, the table has their room); the button counts those set.
  const [filtersOpen, setFiltersOpen] = useState(false);
  const active = [filter.regionId, filter.sectorId, filter.status, filter.period, filter.selectedOnly].filter(
    Boolean,
  ).length;
  // Which health rules mark the matrix: by default those that call for action.
  const [marked, setMarked] = useState<ReadonlySet<RuleId>>(ACTION_RULES);
  // The findings the matrix marks, the table and its image alike.
  const marks = useMemo(() => findings.filter((f) => marked.has(f.rule)), [findings, marked]);
  const [fillRef, fillHeight] = useFillHeight<HTMLDivElement>(12, [filtersOpen, planning, data === null]);
  const [preview, setPreview] = useState<PlanPreview | null>(null);
  useEffect(() => {
    call('planning.list')
      .then((drafts) => drafts.length > 0 && setPlanning(true))
      .catch(fail);
  }, [fail]);

  /** The view on screen as the API takes it: the matrix, a planning preview and the export. */
  const view = useMemo(
    () => ({
      ...(filter.regionId ? { regionId: filter.regionId } : {}),
      ...(filter.sectorId ? { sectorId: filter.sectorId } : {}),
      ...(filter.status ? { status: filter.status } : {}),
      ...(filter.period ? { period: filter.period } : {}),
      ...(filter.selectedOnly ? { selectedOnly: true } : {}),
      measure,
    }),
    [filter, measure],
  );

  // The office's matrix as the store holds it when the view is unfiltered; otherwise asked again
  // when the view or a figure changes (a planning preview at every write: drafts are writes too).
  const unfiltered = Object.keys(view).length === 1 && !planning;
  const planVersion = planning ? version : 0;
  useEffect(() => {
    let live = true;
    const got = (rows: MatrixRow[]) => {
      if (!live) return;
      performance.mark('matrix-data');
      setData({ rows, measure });
    };
    if (unfiltered) got(officeMatrix);
    else
      (planning
        ? call('planning.preview', view).then((p) => {
            if (live) setPreview(p);
            got(p.after.matrix);
          })
        : call('matrix.get', view).then(got)
      ).catch(fail);
    return () => {
      live = false;
    };
  }, [view, measure, planning, unfiltered, officeMatrix, planVersion, fail]);

  /** The view on screen as an image: same rows, measure, collapsed regions and filters. */
  // The view in words, for the image and the printed page: measure and filters, or "all".
  const filters = [
    // A region or sector gone since (an undo) just drops out of the words.
    ...[regions.find((r) => r.id === filter.regionId), sectors.find((x) => x.id === filter.sectorId)].map(
      (place) => place && localName(place),
    ),
    filter.status && t(`enums.status.${filter.status}`),
    filter.period && periodName(filter.period, language, settings.fiscalYearStartMonth),
    filter.selectedOnly && t('matrix.selectedOnly'),
  ].filter(Boolean);
  const viewTitle = [settings.officeName, t('matrix.pngTitle')].filter(Boolean).join(' — ');
  const viewWords = t('matrix.pngFilters', {
    measure:
      t(`matrix.${data?.measure ?? measure}`) +
      (MEASURE_UNIT[data?.measure ?? measure] === 'money' ? ` (${fmt.currency})` : ''),
    filters: filters.length > 0 ? filters.join(' · ') : t('matrix.pngNoFilter'),
  });

  const savePng = async () => {
    if (!data) return;
    const font = makeTheme('rtl').typography.fontFamily!;
    await document.fonts.load(`13px ${font}`, 'تجمع');
    const canvas = drawMatrixImage({
      rows: data.rows,
      measure: data.measure,
      collapsed,
      findings: marks,
      rtl: language === 'ar',
      font,
      lines: {
        title: viewTitle,
        subtitle: viewWords,
        footer: `${t('app.name')} · ${fmt.date(today())}`,
      },
      header: {
        cluster: t('matrix.cluster'),
        total: t('matrix.total'),
        axis: (a) => axisName(a),
        number: (a) => fmt.number(a),
      },
      name: (r, what) =>
        what === 'region' ? localName({ nameAr: r.regionNameAr, nameEn: r.regionNameEn }) : rowName(r),
      text: (b) => show(fmt, data.measure, valueOf(b, data.measure)) ?? t('matrix.noValue'),
      gapMark: '—',
      legend: {
        gap: t('matrix.legendGap'),
        finding: t('matrix.legendFinding'),
        low: t('matrix.legendLow'),
        high: t('matrix.legendHigh'),
      },
    });
    if (!canvas) {
      const message = bothLanguages('matrix.pngTooLarge', { rows: fmt.number(data.rows.length) });
      notify({ kind: 'error', error: { code: 'TOO_LARGE', message } });
      return;
    }
    canvas.toBlob((blob) => blob && downloadBlob(blob, `${t('matrix.fileName')}-${today()}.png`), 'image/png');
  };

  const set = <K extends keyof Filter>(k: K, v: Filter[K]) => setFilter((f) => ({ ...f, [k]: v }));
  const LABELS = { regionId: 'matrix.region', sectorId: 'matrix.sector', status: 'matrix.status' } as const;
  /** One of the drop-down filters; the empty choice means no filter. */
  const filterSelect = (
    key: keyof typeof LABELS,
    none: string,
    options: { value: string; label: string; indent?: boolean }[],
  ) => (
    <FilterSelect
      label={t(LABELS[key])}
      value={filter[key]}
      onChange={(v) => set(key, v as never)}
      none={none}
      options={options}
      testId={`filter-${key.replace('Id', '')}`}
    />
  );
  const periodBad = periodText !== '' && !PERIOD_PATTERN.test(periodText);

  return (
    <Stack spacing={1}>
      {/* Printing the matrix: A4 across, the table at full length, the program's chrome left out. */}
      <GlobalStyles
        styles={{
          '@page': { size: 'A4 landscape', margin: '10mm' },
          '.print-only': { display: 'none' },
          '@media print': {
            '.no-print': { display: 'none !important' },
            '.print-only': { display: 'block !important' },
            '.matrix-scroll': { maxHeight: 'none !important', overflow: 'visible !important' },
            main: { padding: '0 !important', margin: '0 !important' },
          },
        }}
      />
      <Box sx={{ display: 'flex', alignItems: 'center', flexWrap: 'wrap', gap: 1 }}>
        <Typography variant="h6" component="h2" sx={{ flexGrow: 1 }}>
          {t('matrix.title')}
        </Typography>
        <Stack direction="row" spacing={1} className="no-print" useFlexGap flexWrap="wrap">
          <FiltersToggle
            open={filtersOpen}
            active={active}
            onToggle={() => setFiltersOpen((o) => !o)}
            testId="matrix-filters-toggle"
          />
          {!planning && (
            <Button size="small" variant="outlined" onClick={() => setPlanning(true)} data-testid="planning-start">
              {t('planning.start')}
            </Button>
          )}
          <Tooltip title={t('matrix.exportXlsx')}>
            <Button
              size="small"
              variant="outlined"
              startIcon={<FileDownloadIcon />}
              data-testid="matrix-export"
              onClick={() =>
                void call('exchange.matrix', { ...view, lang: language })
                  .then(downloadFile)
                  .catch(fail)
              }
            >
              Excel
            </Button>
          </Tooltip>
          <Tooltip title={t('matrix.exportPng')}>
            <span>
              <IconButton
                size="small"
                aria-label={t('matrix.exportPng')}
                data-testid="matrix-png"
                disabled={!data || data.rows.length === 0}
                onClick={() => void savePng()}
              >
                <ImageIcon />
              </IconButton>
            </span>
          </Tooltip>
          <Tooltip title={t('matrix.print')}>
            <IconButton size="small" aria-label={t('matrix.print')} onClick={() => window.print()}>
              <PrintIcon />
            </IconButton>
          </Tooltip>
        </Stack>
      </Box>
      {/* On paper the live controls give way to what they are set to: office, measure, filters, date. */}
      <Box className="print-only" data-testid="matrix-print-header">
        <Typography variant="subtitle1" sx={{ fontWeight: 700 }}>
          {viewTitle}
        </Typography>
        <Typography variant="body2">
          {viewWords} · {fmt.date(today())}
        </Typography>
      </Box>
      <Box className="no-print" sx={{ display: 'flex', alignItems: 'center', flexWrap: 'wrap', gap: 2 }}>
        <ToggleButtonGroup
          exclusive
          size="small"
          value={measure}
          onChange={(_e, v: Measure | null) => v && setMeasure(v)}
          aria-label={t('matrix.measure')}
          sx={{ '& .MuiToggleButton-root': { py: 0.25 } }}
        >
          {MEASURES.map((m) => (
            <ToggleButton key={m} value={m} data-testid={`measure-${m}`}>
              {t(`matrix.${m}`)}
            </ToggleButton>
          ))}
        </ToggleButtonGroup>
        <MarksChoice findings={findings} rules={marked} onChange={setMarked} />
        <Legend />
      </Box>
      {filtersOpen && (
        <Stack
          id="matrix-filters"
          className="no-print"
          direction="row"
          spacing={2}
          useFlexGap
          flexWrap="wrap"
          alignItems="center"
          aria-label={t('matrix.filters')}
        >
          {filterSelect(
            'regionId',
            t('common.all'),
            regions.map((r) => ({ value: r.id, label: localName(r), indent: Boolean(r.parentId) })),
          )}
          {filterSelect(
            'sectorId',
            t('common.all'),
            sectors.map((x) => ({ value: x.id, label: localName(x) })),
          )}
          {filterSelect(
            'status',
            t('matrix.allStatuses'),
            INITIATIVE_STATUSES.map((x) => ({ value: x, label: t(`enums.status.${x}`) })),
          )}
          <TextField
            size="small"
            fullWidth={false}
            label={t('matrix.period')}
            value={periodText}
            error={periodBad}
            helperText={periodBad ? t('matrix.periodHint') : undefined}
            placeholder="2025-Q3"
            onChange={(e) => {
              const v = e.target.value.trim().toUpperCase();
              setPeriodText(v);
              if (v === '' || PERIOD_PATTERN.test(v)) set('period', v);
            }}
            sx={{ width: 150 }}
            slotProps={{ htmlInput: { dir: 'ltr' } }}
          />
          <FormControlLabel
            control={<Switch checked={filter.selectedOnly} onChange={(e) => set('selectedOnly', e.target.checked)} />}
            label={t('matrix.selectedOnly')}
          />
        </Stack>
      )}
      {/* The table takes the rest of the window; a planning session's figures stand beside it. */}
      <Box ref={fillRef} sx={{ display: 'flex', gap: 2, alignItems: 'flex-start' }}>
        <Box sx={{ flex: 1, minWidth: 0 }}>
          {data === null ? null : data.rows.length === 0 ? (
            <Typography color="text.secondary">{t('matrix.empty')}</Typography>
          ) : (
            <Paper variant="outlined">
              <MatrixTable
                rows={data.rows}
                measure={data.measure}
                findings={marks}
                collapsed={collapsed}
                onToggle={(id) =>
                  setCollapsed((c) => {
                    const next = new Set(c);
                    if (!next.delete(id)) next.add(id);
                    return next;
                  })
                }
                onOpenCell={(row, axis) => setCell({ row, axis })}
                drawAll={printing}
                height={fillHeight}
                {...(planning && preview ? { baseline: new Map(preview.before.matrix.map((r) => [r.key, r])) } : {})}
              />
            </Paper>
          )}
        </Box>
        {planning && preview && (
          <Box
            className="no-print"
            sx={{ width: 360, flexShrink: 0, overflowY: 'auto', ...(fillHeight ? { maxHeight: fillHeight } : {}) }}
          >
            <PlanningPanel
              preview={preview}
              onEnd={() => {
                setPlanning(false);
                setPreview(null);
              }}
            />
          </Box>
        )}
      </Box>
      {cell && !editing && (
        <CellDialog
          row={cell.row}
          axis={cell.axis}
          filter={view}
          drafts={planning}
          findings={findings}
          onOpen={(i) => setEditing(i)}
          onAdd={() => setEditing({ regionId: cell.row.regionId, clusterId: cell.row.clusterId, axes: [cell.axis] })}
          onClose={() => setCell(null)}
        />
      )}
      {editing && (
        <InitiativeDialog
          initiative={'id' in editing ? editing : 'new'}
          {...('id' in editing ? {} : { preset: editing })}
          asDraft={planning}
          onClose={() => {
            setEditing(null);
            setCell(null);
          }}
        />
      )}
    </Stack>
  );
}
