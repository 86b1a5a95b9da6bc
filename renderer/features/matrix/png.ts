/**
 * The matrix view as a PNG image, drawn on a canvas rather than photographed from the page: the
 * page draws only the rows near the view (a long matrix is windowed), the image needs them all.
 * Same rows, values, heat, gaps and finding markers as the table; mirrored in right-to-left.
 */
import {
  type Bucket,
  cellBucket,
  isGap,
  type Measure,
  rowBucket,
  scaleMax,
  sumRows,
  valueOf,
} from '../../../db/core/measures';
import { AXIS_IDS } from '../../../db/core/axes';
import { groupBy, heat, matrixItems } from './cells';
import type { Finding, MatrixRow } from '../../../db/core/results';

export interface MatrixImageInput {
  rows: MatrixRow[];
  measure: Measure;
  collapsed: ReadonlySet<string>;
  findings: Finding[];
  rtl: boolean;
  font: string;
  /** Title, subtitle (measure and filters) and footer lines, already in the screen's language. */
  lines: { title: string; subtitle: string; footer: string };
  header: { cluster: string; total: string; axis(a: number): string; number(a: number): string };
  name(row: MatrixRow, what: 'region' | 'cluster'): string;
  /** A value as the screen shows it; null is shown as the screen's "no value". */
  text(b: Bucket): string;
  gapMark: string;
  /** The legend's words: the gap mark, the finding dot, the two ends of the heat scale. */
  legend: { gap: string; finding: string; low: string; high: string };
}

const AXES = AXIS_IDS;
const PAD = 24;
const NAME_W = 280;
const CELL_W = 112;
const ROW_H = 30;
const HEAD_H = 64;
const TOP_H = 70;
const FOOT_H = 40;
const LEGEND_H = 44;
/** Chromium refuses canvases taller than 32,767 pixels. */
const MAX_CANVAS = 32_000;

/** The rows an image can hold at one pixel per point. */
export const MAX_IMAGE_ROWS = Math.floor((MAX_CANVAS - TOP_H - HEAD_H - LEGEND_H - FOOT_H - 2 * PAD) / ROW_H) - 1;

/** The image, or null when the view has more rows than one image can hold. */
export function drawMatrixImage(o: MatrixImageInput): HTMLCanvasElement | null {
  const items = matrixItems(o.rows, o.collapsed);
  if (items.length > MAX_IMAGE_ROWS) return null;
  const width = NAME_W + CELL_W * 8 + 2 * PAD;
  const height = TOP_H + HEAD_H + (items.length + 1) * ROW_H + LEGEND_H + FOOT_H + 2 * PAD;
  // Twice the resolution when it fits, so the text stays sharp on a slide or in print.
  const scale = Math.min(2, MAX_CANVAS / height);
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(width * scale);
  canvas.height = Math.round(height * scale);
  const ctx = canvas.getContext('2d')!;
  ctx.scale(scale, scale);
  ctx.direction = o.rtl ? 'rtl' : 'ltr';
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, width, height);

  // Columns laid out in reading order, then mirrored for right-to-left.
  const colX = (col: number) => (col === 0 ? PAD : PAD + NAME_W + (col - 1) * CELL_W);
  const colW = (col: number) => (col === 0 ? NAME_W : CELL_W);
  const left = (col: number) => (o.rtl ? width - colX(col) - colW(col) : colX(col));
  const font = (px: number, bold = false) => `${bold ? '700 ' : ''}${px}px ${o.font}`;
  const fit = (s: string, w: number) => {
    if (ctx.measureText(s).width <= w) return s;
    let cut = s;
    while (cut.length > 1 && ctx.measureText(`${cut}…`).width > w) cut = cut.slice(0, -1);
    return `${cut}…`;
  };
  const wrap = (s: string, w: number): string[] => {
    const lines: string[] = [];
    let line = '';
    for (const word of s.split(/\s+/)) {
      const next = line ? `${line} ${word}` : word;
      if (line && ctx.measureText(next).width > w) {
        lines.push(line);
        line = word;
      } else line = next;
    }
    lines.push(line);
    return lines.length > 2 ? [lines[0]!, lines.slice(1).join(' ')] : lines;
  };
  /** Text at the start of a column (the reading side) or centred in it. */
  const write = (s: string, col: number, y: number, h: number, align: 'start' | 'center') => {
    ctx.textBaseline = 'middle';
    ctx.textAlign = align;
    const x = align === 'center' ? left(col) + colW(col) / 2 : o.rtl ? left(col) + colW(col) - 8 : left(col) + 8;
    ctx.fillText(fit(s, colW(col) - 16), x, y + h / 2);
  };

  ctx.fillStyle = '#1a1a1a';
  ctx.textAlign = 'start';
  ctx.textBaseline = 'alphabetic';
  const startX = o.rtl ? width - PAD : PAD;
  ctx.font = font(20, true);
  ctx.fillText(o.lines.title, startX, PAD + 22);
  ctx.font = font(14);
  ctx.fillStyle = '#555';
  ctx.fillText(o.lines.subtitle, startX, PAD + 50);

  let y = PAD + TOP_H;
  const rule = (yy: number, strong = false) => {
    ctx.strokeStyle = strong ? '#888' : '#ddd';
    ctx.lineWidth = strong ? 2 : 1;
    ctx.beginPath();
    ctx.moveTo(PAD, yy);
    ctx.lineTo(width - PAD, yy);
    ctx.stroke();
  };
  // Header: the axis number above its short name.
  ctx.fillStyle = '#f0f0ee';
  ctx.fillRect(PAD, y, width - 2 * PAD, HEAD_H);
  ctx.fillStyle = '#1a1a1a';
  ctx.font = font(13, true);
  write(o.header.cluster, 0, y, HEAD_H, 'start');
  AXES.forEach((a) => {
    ctx.font = font(12, true);
    write(o.header.number(a), a, y + 2, 18, 'center');
    // The short name on up to two lines, as the table's header wraps it.
    ctx.font = font(11);
    wrap(o.header.axis(a), CELL_W - 16).forEach((line, n) => write(line, a, y + 20 + n * 18, 18, 'center'));
  });
  ctx.font = font(13, true);
  write(o.header.total, 8, y, HEAD_H, 'center');
  y += HEAD_H;
  rule(y, true);

  const max = scaleMax(o.rows, o.measure);
  const marks = groupBy(
    o.findings.filter((f) => f.rule !== 'R1' && f.axis !== null),
    (f) => `${f.clusterId}|${f.axis}`,
  );
  for (const item of items) {
    if ('regionId' in item) {
      ctx.fillStyle = '#f5f5f5';
      ctx.fillRect(PAD, y, width - 2 * PAD, ROW_H);
      ctx.fillStyle = '#1a1a1a';
      ctx.font = font(13, true);
      write(o.name(item.rows[0]!, 'region'), 0, y, ROW_H, 'start');
      AXES.forEach((a) => write(o.text(sumRows(item.rows, a)), a, y, ROW_H, 'center'));
      write(o.text(sumRows(item.rows, null)), 8, y, ROW_H, 'center');
    } else {
      const r = item.row;
      ctx.font = font(13);
      ctx.fillStyle = '#1a1a1a';
      write(o.name(r, 'cluster'), 0, y, ROW_H, 'start');
      for (const a of AXES) {
        const x = left(a);
        const b = cellBucket(r, a);
        const v = valueOf(b, o.measure);
        if (isGap(r, a)) {
          ctx.fillStyle = 'rgba(211,47,47,0.08)';
          ctx.fillRect(x + 3, y + 3, CELL_W - 6, ROW_H - 6);
          ctx.strokeStyle = '#d32f2f';
          ctx.lineWidth = 2;
          ctx.setLineDash([5, 3]);
          ctx.strokeRect(x + 4, y + 4, CELL_W - 8, ROW_H - 8);
          ctx.setLineDash([]);
          ctx.fillStyle = '#d32f2f';
          ctx.font = font(13, true);
          write(o.gapMark, a, y, ROW_H, 'center');
        } else {
          const fill = heat(o.measure, v, max);
          if (fill.bgcolor !== 'transparent') {
            ctx.fillStyle = fill.bgcolor;
            ctx.fillRect(x + 1, y + 1, CELL_W - 2, ROW_H - 2);
          }
          ctx.fillStyle = fill.color === '#fff' ? '#fff' : '#1a1a1a';
          ctx.font = font(13);
          write(o.text(b), a, y, ROW_H, 'center');
        }
        if (r.clusterId && marks.has(`${r.clusterId}|${a}`)) {
          ctx.fillStyle = '#ed6c02';
          ctx.beginPath();
          ctx.arc(o.rtl ? x + 8 : x + CELL_W - 8, y + 8, 4, 0, 2 * Math.PI);
          ctx.fill();
        }
      }
      ctx.fillStyle = '#1a1a1a';
      ctx.font = font(13, true);
      write(o.text(rowBucket(r)), 8, y, ROW_H, 'center');
    }
    y += ROW_H;
    rule(y);
  }
  rule(y, true);
  ctx.fillStyle = '#1a1a1a';
  ctx.font = font(13, true);
  write(o.header.total, 0, y, ROW_H, 'start');
  AXES.forEach((a) => write(o.text(sumRows(o.rows, a)), a, y, ROW_H, 'center'));
  write(o.text(sumRows(o.rows, null)), 8, y, ROW_H, 'center');
  y += ROW_H;

  // The legend, in reading order from the start side: gap, finding, heat scale.
  let at = 0;
  const legendY = y + 14;
  const put = (w: number) => {
    const x = o.rtl ? width - PAD - at - w : PAD + at;
    at += w;
    return x;
  };
  const word = (s: string) => {
    ctx.font = font(12);
    ctx.fillStyle = '#333';
    ctx.textBaseline = 'middle';
    ctx.textAlign = 'left';
    const w = ctx.measureText(s).width;
    ctx.fillText(s, put(w), legendY + 10);
    put(18);
  };
  let x = put(44);
  ctx.strokeStyle = '#d32f2f';
  ctx.lineWidth = 2;
  ctx.setLineDash([5, 3]);
  ctx.strokeRect(x, legendY, 40, 20);
  ctx.setLineDash([]);
  ctx.fillStyle = '#d32f2f';
  ctx.font = font(13, true);
  ctx.textAlign = 'center';
  ctx.fillText(o.gapMark, x + 20, legendY + 11);
  put(8);
  word(o.legend.gap);
  x = put(14);
  ctx.fillStyle = '#ed6c02';
  ctx.beginPath();
  ctx.arc(x + 5, legendY + 10, 5, 0, 2 * Math.PI);
  ctx.fill();
  put(6);
  word(o.legend.finding);
  word(o.legend.low);
  for (const share of [0.2, 0.4, 0.6, 0.8, 1]) {
    x = put(24);
    ctx.fillStyle = heat('count', share * 10, 10).bgcolor;
    ctx.fillRect(x, legendY, 22, 20);
  }
  put(8);
  word(o.legend.high);
  y += LEGEND_H;

  ctx.font = font(12);
  ctx.fillStyle = '#666';
  ctx.textAlign = 'start';
  ctx.textBaseline = 'alphabetic';
  ctx.fillText(o.lines.footer, startX, y + 28);
  return canvas;
}
