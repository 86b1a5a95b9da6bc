import ExpandLessIcon from '@mui/icons-material/ExpandLess';
import ExpandMoreIcon from '@mui/icons-material/ExpandMore';
import WarningAmberIcon from '@mui/icons-material/WarningAmber';
import Box from '@mui/material/Box';
import IconButton from '@mui/material/IconButton';
import { useTheme } from '@mui/material/styles';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { type KeyboardEvent, useLayoutEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAxisName, useFormatter, useLocalName, useRowName } from '../../components/useFormatter';
import {
  type Bucket,
  MEASURE_UNIT,
  cellBucket,
  isGap,
  type Measure,
  rowBucket,
  scaleMax,
  sumRows,
  unclassifiedBucket,
  valueOf,
} from '../../../db/core/measures';
import { AXIS_IDS } from '../../../db/core/axes';
import { groupBy, heat, matrixItems, type MatrixItem, show } from './cells';
import { useStore } from '../../stores';
import type { Finding, MatrixRow } from '../../../db/core/results';

const AXES = AXIS_IDS;
/** Rows are drawn only near the view once there are more than WINDOW_FROM (a matrix of 5,000 clusters stays smooth). */
const WINDOW_FROM = 300;
/** A row's height: compact cells (3 px above and below a 20 px line, and the border), so that a 768-pixel screen shows 15 clusters and more. */
const ROW = 27;
/** The header's height: the axis number and its name, one line each; region rows stick just under it. */
const HEAD = 46;
const OVERSCAN = 15;
export const GAP_SX = {
  outline: '2px dashed',
  outlineColor: 'error.main',
  outlineOffset: -4,
  bgcolor: 'rgba(211,47,47,0.08)',
  color: 'error.main',
} as const;
/** A name that may be long: one line, an ellipsis at its end (on the reading side), the rest on hover. */
const NAME = { overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap', minWidth: 0 } as const;
/** The first column stays in view when the table scrolls sideways, on the reading side. */
const STICKY = { position: 'sticky', insetInlineStart: 0, zIndex: 1, bgcolor: 'background.paper' } as const;

export interface MatrixTableProps {
  rows: MatrixRow[];
  measure: Measure;
  findings: Finding[];
  collapsed: Set<string>;
  onToggle(regionId: string): void;
  onOpenCell(row: MatrixRow, axis: number): void;
  /** In a planning session, the rows as they are without the drafts: changed cells are framed. */
  baseline?: Map<string, MatrixRow>;
  /** Every row, not only those near the view: for printing, where the whole table goes on paper. */
  drawAll?: boolean;
  /** The room the table has on screen (it scrolls inside); a default when not measured. */
  height?: number;
}

export function MatrixTable(p: MatrixTableProps) {
  const { t } = useTranslation();
  // Messages from the database come in both languages: show the one on screen.
  const lang = useStore((s) => s.language);
  const fmt = useFormatter();
  const axisName = useAxisName();
  const localName = useLocalName();
  const rowName = useRowName();
  const rtl = useTheme().direction === 'rtl';
  const max = scaleMax(p.rows, p.measure);
  // The "not classified" column shows only while some initiative is on no axis.
  const unclassified = p.rows.some((r) => r.unclassified.initiatives > 0);
  const text = (b: Bucket) => show(fmt, p.measure, valueOf(b, p.measure)) ?? t('matrix.noValue');

  // One flat list of region and cluster rows, so that only the rows in view need rendering.
  const items = matrixItems(p.rows, p.collapsed);
  const container = useRef<HTMLDivElement>(null);
  const [view, setView] = useState({ top: 0, height: 900 });
  const windowed = items.length > WINDOW_FROM && !p.drawAll;
  const first = windowed ? Math.max(0, Math.floor(view.top / ROW) - OVERSCAN) : 0;
  const last = windowed ? Math.min(items.length, Math.ceil((view.top + view.height) / ROW) + OVERSCAN) : items.length;
  // The nearest region row above the drawn window, when the window starts among its clusters.
  const above = (() => {
    if (first === 0 || 'regionId' in items[first]!) return null;
    for (let k = first - 1; k >= 0; k--) if ('regionId' in items[k]!) return items[k]!;
    return null;
  })();
  // The table is one tab stop: the first cell drawn; the arrow keys go on from there.
  const firstDrawn = items.slice(first, last).find((i): i is Extract<MatrixItem, { row: MatrixRow }> => 'row' in i);
  const tabStop = firstDrawn?.index ?? 0;

  // How long the rows took to draw once their data arrived: `npm run bench` reads this measure.
  useLayoutEffect(() => {
    if (performance.getEntriesByName('matrix-data').length === 0) return;
    requestAnimationFrame(() => {
      performance.measure('matrix-render', 'matrix-data');
      performance.clearMarks('matrix-data');
    });
  }, [p.rows]);
  const byCluster = groupBy(p.findings, (f) => f.clusterId);

  // Arrow keys move between cells as they are laid out: in right-to-left, right is backwards.
  const navigate = (e: KeyboardEvent<HTMLElement>) => {
    const cell = (e.target as HTMLElement).closest<HTMLElement>('[data-c]');
    if (!cell) return;
    const [r, c] = [Number(cell.dataset.r), Number(cell.dataset.c)];
    const step: Record<string, [number, number]> = {
      ArrowUp: [-1, 0],
      ArrowDown: [1, 0],
      ArrowRight: [0, rtl ? -1 : 1],
      ArrowLeft: [0, rtl ? 1 : -1],
    };
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      cell.click();
      return;
    }
    const d = step[e.key];
    if (!d) return;
    e.preventDefault();
    const selector = `[data-r="${r + d[0]}"][data-c="${c + d[1]}"]`;
    const next = e.currentTarget.querySelector<HTMLElement>(selector);
    if (next || d[0] === 0 || !container.current) {
      next?.focus();
      return;
    }
    // The row is out of the rendered window: scroll it in, then focus it once drawn.
    const box = container.current;
    box.scrollTop += d[0] * ROW * 2;
    requestAnimationFrame(() => requestAnimationFrame(() => box.querySelector<HTMLElement>(selector)?.focus()));
  };

  // The last rows go with the total when printing (see the second table body).
  const tail = p.drawAll ? Math.min(2, items.length) : 0;
  const drawItem = (item: MatrixItem) => {
    if ('regionId' in item) {
      const { regionId, rows } = item;
      const region = localName({ nameAr: rows[0]!.regionNameAr, nameEn: rows[0]!.regionNameEn });
      const closed = p.collapsed.has(regionId);
      return (
        <TableRow
          key={regionId}
          data-testid={`matrix-region-${regionId}`}
          // The region's row stays under the header while its clusters scroll by (the next region's takes its place).
          sx={{ '& > td': { bgcolor: 'grey.100', fontWeight: 700, position: 'sticky', top: HEAD, zIndex: 1 } }}
        >
          <TableCell sx={{ ...STICKY, bgcolor: 'grey.100', zIndex: '2 !important' }}>
            <Box sx={{ display: 'flex', alignItems: 'center', minWidth: 0 }}>
              <IconButton
                size="small"
                sx={{ p: 0 }}
                onClick={() => p.onToggle(regionId)}
                aria-expanded={!closed}
                aria-label={t(closed ? 'matrix.expand' : 'matrix.collapse', { region })}
              >
                {closed ? <ExpandMoreIcon fontSize="small" /> : <ExpandLessIcon fontSize="small" />}
              </IconButton>
              <Box component="span" sx={NAME} title={`${region} — ${t('matrix.subtotal', { region })}`}>
                {region}
              </Box>
            </Box>
          </TableCell>
          {AXES.map((a) => (
            <TableCell key={a} align="center">
              {text(sumRows(rows, a))}
            </TableCell>
          ))}
          {unclassified && <TableCell align="center">{text(sumRows(rows, 'unclassified'))}</TableCell>}
          <TableCell align="center">{text(sumRows(rows, null))}</TableCell>
        </TableRow>
      );
    }
    const { row: r, index: visible } = item;
    const own = (r.clusterId && byCluster.get(r.clusterId)) || [];
    return (
      <TableRow key={r.key} data-testid={r.clusterId ? `matrix-row-${r.clusterCode}` : `matrix-wide-${r.regionId}`}>
        <TableCell sx={STICKY}>
          <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, minWidth: 0 }}>
            {/* A long name ends in an ellipsis, whole on hover; a cluster not selected is in grey. */}
            <Box
              component="span"
              sx={{ ...NAME, ...(!r.selected && r.clusterId ? { color: 'text.secondary' } : {}) }}
              title={
                r.clusterId
                  ? [rowName(r), !r.selected && t('matrix.notSelected')].filter(Boolean).join(' — ')
                  : t('matrix.regionWideHint')
              }
            >
              {rowName(r)}
            </Box>
            {own.length > 0 && (
              <Box
                component="span"
                data-testid="cluster-findings"
                title={own.map((f) => `${f.rule}: ${f.message[lang]}`).join('\n')}
                aria-label={t('matrix.findingsOn', { count: own.length })}
                sx={{
                  display: 'inline-flex',
                  alignItems: 'center',
                  color: 'warning.dark',
                  fontSize: 12,
                  flexShrink: 0,
                }}
              >
                <WarningAmberIcon sx={{ fontSize: 16 }} />
                {fmt.number(own.length)}
              </Box>
            )}
          </Box>
        </TableCell>
        {AXES.map((a) => {
          const b = cellBucket(r, a);
          const v = valueOf(b, p.measure);
          const gap = isGap(r, a);
          const was = p.baseline?.get(r.key);
          // A row the drafts bring (a region's first region-wide initiative) had nothing before.
          const before = was ? valueOf(cellBucket(was, a), p.measure) : p.baseline ? null : v;
          const changed =
            p.baseline !== undefined &&
            (was ? before !== v || was.covered[a - 1] !== r.covered[a - 1] : v !== null && v !== 0);
          const marks = own.filter((f) => f.axis === a && f.rule !== 'R1');
          return (
            <TableCell
              key={a}
              align="center"
              tabIndex={visible === tabStop && a === 1 ? 0 : -1}
              role="button"
              data-r={visible}
              data-c={a}
              data-axis={a}
              data-gap={gap || undefined}
              data-changed={changed || undefined}
              title={
                changed
                  ? t('planning.changed', {
                      before: show(fmt, p.measure, before) ?? t('matrix.noValue'),
                      after: show(fmt, p.measure, v) ?? t('matrix.noValue'),
                    })
                  : gap
                    ? t('matrix.gap')
                    : axisName(a, true)
              }
              onClick={() => p.onOpenCell(r, a)}
              sx={{
                position: 'relative',
                cursor: 'pointer',
                '&:focus-visible': {
                  outline: '3px solid',
                  outlineColor: 'primary.main',
                  outlineOffset: -3,
                },
                ...(gap ? GAP_SX : heat(p.measure, v, max)),
                ...(changed ? { outline: '3px solid', outlineColor: 'info.main', outlineOffset: -3 } : {}),
              }}
            >
              {gap ? '—' : (show(fmt, p.measure, v) ?? t('matrix.noValue'))}
              {marks.length > 0 && (
                <Box
                  data-testid="cell-finding"
                  title={marks.map((f) => `${f.rule}: ${f.message[lang]}`).join('\n')}
                  sx={{
                    position: 'absolute',
                    top: 3,
                    insetInlineEnd: 3,
                    width: 8,
                    height: 8,
                    borderRadius: '50%',
                    bgcolor: 'warning.main',
                  }}
                />
              )}
            </TableCell>
          );
        })}
        {unclassified && (
          <TableCell align="center" title={t('matrix.unclassifiedHint')}>
            {text(unclassifiedBucket(r))}
          </TableCell>
        )}
        <TableCell align="center" sx={{ fontWeight: 700 }}>
          {text(rowBucket(r))}
        </TableCell>
      </TableRow>
    );
  };

  return (
    <TableContainer
      ref={container}
      className="matrix-scroll"
      // A cell reached with the arrow keys is scrolled clear of the sticky header and region row.
      sx={{ maxHeight: p.height ?? 'calc(100vh - 240px)', scrollPaddingTop: HEAD + ROW }}
      onScroll={(e) => setView({ top: e.currentTarget.scrollTop, height: e.currentTarget.clientHeight })}
    >
      <Table
        stickyHeader
        size="small"
        data-testid="matrix-table"
        onKeyDown={navigate}
        sx={{
          '& td': { py: '3px', lineHeight: '20px' },
          // Eight figures across beside the names: 8 px each side, not 16 (budgets run to eleven characters).
          '& td:not(:first-of-type), & th:not(:first-of-type)': { px: 1 },
          '& td:first-of-type': { maxWidth: 250 },
          '& thead th': { height: HEAD, py: 0.25, lineHeight: 1.3 },
        }}
      >
        <TableHead>
          <TableRow>
            <TableCell sx={{ minWidth: 200, maxWidth: 250, ...STICKY, zIndex: 3 }}>
              {t('matrix.cluster')}
              {MEASURE_UNIT[p.measure] === 'money' && (
                <Typography variant="caption" component="div" color="text.secondary" data-testid="matrix-unit">
                  {t('matrix.amountsIn', { currency: fmt.currency })}
                </Typography>
              )}
            </TableCell>
            {AXES.map((a) => (
              <TableCell key={a} align="center" title={axisName(a, true)} sx={{ minWidth: 84, maxWidth: 120 }}>
                <Typography variant="caption" component="div" sx={{ fontWeight: 700 }}>
                  {fmt.number(a)}
                </Typography>
                {/* At most 96 pixels of name (the English ones are long), whole on hover: nine columns fit 1366. */}
                <Typography variant="caption" component="div" noWrap sx={{ maxWidth: 96, mx: 'auto' }}>
                  {axisName(a)}
                </Typography>
              </TableCell>
            ))}
            {unclassified && (
              <TableCell align="center" title={t('matrix.unclassifiedHint')} data-testid="matrix-unclassified">
                <Typography variant="caption" component="div">
                  {t('matrix.unclassified')}
                </Typography>
              </TableCell>
            )}
            <TableCell align="center">{t('matrix.total')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {/* The region of the first rows drawn stays drawn (its row sticks under the header), in
              place of the last row the spacer stands for: the height is the same. */}
          {first > 0 && <tr aria-hidden style={{ height: (first - (above ? 1 : 0)) * ROW }} />}
          {above && drawItem(above)}
          {items.slice(first, Math.min(last, items.length - tail)).map(drawItem)}
          {last < items.length - tail && <tr aria-hidden style={{ height: (items.length - tail - last) * ROW }} />}
        </TableBody>
        {/* In print, the last rows and the total are one group no page break splits: never a page of totals alone. */}
        <TableBody sx={{ breakInside: 'avoid' }}>
          {items.slice(items.length - tail).map(drawItem)}
          <TableRow sx={{ '& > td': { fontWeight: 700, borderTop: 2 } }}>
            <TableCell sx={STICKY}>{t('matrix.total')}</TableCell>
            {AXES.map((a) => (
              <TableCell key={a} align="center">
                {text(sumRows(p.rows, a))}
              </TableCell>
            ))}
            {unclassified && <TableCell align="center">{text(sumRows(p.rows, 'unclassified'))}</TableCell>}
            <TableCell align="center">{text(sumRows(p.rows, null))}</TableCell>
          </TableRow>
        </TableBody>
      </Table>
    </TableContainer>
  );
}
