/**
 * The report's two charts as SVG text: planned budget by axis, and axis coverage of the selected
 * clusters. Pure, so the print view draws the same SVG in the browser and the workbook writer
 * turns it into a PNG in Node; Arabic charts are mirrored (labels on the right, bars growing
 * to the left).
 */
import { AXES } from './axes';
import { fill, type Lang, MESSAGES } from './messages';
import type { ReportData } from './results';

export const CHART_FONT = 'Noto Sans Arabic';
export const CHART_SIZE = { width: 760, height: 330 };

export interface BarChart {
  title: string;
  lang: Lang;
  digits: 'latn' | 'arab';
  /** One bar per axis, in axis order. */
  values: number[];
  /** Bar lengths are value / max; for coverage the number of selected clusters. */
  max?: number;
  /** The text beside a bar; the grouped value when absent. */
  labels?: string[];
  note?: string;
}

const escape = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** A horizontal bar chart of the seven axes. */
export function barChartSvg(c: BarChart): string {
  const { width, height } = CHART_SIZE;
  const rtl = c.lang === 'ar';
  const num = new Intl.NumberFormat(`${rtl ? 'ar-EG' : 'en-GB'}-u-nu-${c.digits}`, { maximumFractionDigits: 0 });
  const max = Math.max(c.max ?? 0, ...c.values, 0);
  const top = 48;
  const rowHeight = (height - top - (c.note ? 34 : 12)) / AXES.length;
  const labelWidth = 250;
  const valueWidth = 110;
  const barSpace = width - labelWidth - valueWidth - 40;
  // Positions measured from the chart's reading start: the right edge in Arabic, the left in English.
  // The anchors are physical (direction="ltr" on the root): inside an Arabic page the browser
  // would otherwise read "start" as the right edge, as resvg does not.
  const x = (fromStart: number) => (rtl ? width - fromStart : fromStart);
  const anchor = (toward: 'start' | 'end') => ((toward === 'start') !== rtl ? 'start' : 'end');
  // Arabic words in a right-to-left embedding (RLE … PDF), so «1. التنمية» keeps its number on the right.
  const words = (t: string) => escape(rtl ? `\u202b${t}\u202c` : t);
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${CHART_FONT}" direction="ltr">`,
    `<rect width="${width}" height="${height}" fill="#ffffff"/>`,
    `<text x="${x(16)}" y="28" font-size="17" font-weight="700" fill="#0b5d5a" text-anchor="${anchor('start')}">${words(c.title)}</text>`,
  ];
  AXES.forEach((a, i) => {
    const value = c.values[i] ?? 0;
    const y = top + i * rowHeight;
    const mid = y + rowHeight / 2;
    const length = max > 0 ? (Math.min(value, max) / max) * barSpace : 0;
    const barStart = labelWidth + 24;
    const name = `${a.id}. ${rtl ? a.shortAr : a.shortEn}`;
    parts.push(
      `<text x="${x(16)}" y="${mid + 5}" font-size="13" fill="#1f2a2a" text-anchor="${anchor('start')}">${words(name)}</text>`,
      `<rect x="${rtl ? width - barStart - barSpace : barStart}" y="${y + 5}" width="${barSpace}" height="${rowHeight - 10}" fill="#eef3f2"/>`,
      `<rect x="${rtl ? width - barStart - length : barStart}" y="${y + 5}" width="${length.toFixed(1)}" height="${rowHeight - 10}" fill="#0b5d5a"/>`,
      `<text x="${x(barStart + barSpace + 10)}" y="${mid + 5}" font-size="13" fill="#1f2a2a" text-anchor="${anchor('start')}">${escape(c.labels?.[i] ?? num.format(value))}</text>`,
    );
  });
  if (c.note) {
    parts.push(
      `<text x="${x(16)}" y="${height - 12}" font-size="11" fill="#5b6b6a" text-anchor="${anchor('start')}">${words(c.note)}</text>`,
    );
  }
  parts.push('</svg>');
  return parts.join('\n');
}

/** The two charts of a report as SVG: the same drawing in the workbook and in the print view. */
export function reportCharts(data: ReportData, lang: Lang): [string, string] {
  const m = MESSAGES[lang].report;
  const s = data.settings;
  const major = (minor: number) => minor / 10 ** s.currencyDigits;
  const num = new Intl.NumberFormat(`${lang === 'ar' ? 'ar-EG' : 'en-GB'}-u-nu-${s.digits}`);
  return [
    barChartSvg({
      title: fill(m.chartBudget, { currency: s.currencyCode }),
      lang,
      digits: s.digits,
      values: data.axes.map((a) => Math.round(major(a.budget))),
      note: m.chartNote,
    }),
    barChartSvg({
      title: fill(m.chartCoverage, { n: num.format(data.selected) }),
      lang,
      digits: s.digits,
      values: data.axes.map((a) => a.selectedCovered),
      max: data.selected,
      labels: data.axes.map((a) => `${num.format(a.selectedCovered)} / ${num.format(data.selected)}`),
    }),
  ];
}
