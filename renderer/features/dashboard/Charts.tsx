import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import { useTheme } from '@mui/material/styles';
import Typography from '@mui/material/Typography';
import { BarChart } from '@mui/x-charts/BarChart';
import { PieChart } from '@mui/x-charts/PieChart';
import { useTranslation } from 'react-i18next';
import { type Initiative, INITIATIVE_STATUSES } from '../../../db/core/model';
import { AXIS_IDS } from '../../../db/core/axes';
import { sumRows } from '../../../db/core/measures';
import type { MatrixRow } from '../../../db/core/results';
import { useAxisName, useFormatter } from '../../components/useFormatter';
import { useStore } from '../../stores';

/** A chart in its card, named for screen readers (the drawing itself says nothing to them). */
/**
 * The charts library measures its box and takes the axis names' 170 px out of it: a box measured
 * narrower than that while the page is being laid out gives bars of negative width (seen once in
 * CI as a console error from both bar charts at once). Inline, so it holds before the style sheets.
 */
const CHART_MIN_WIDTH = 320;

export function ChartCard(props: { title: string; testId: string; children: React.ReactNode }) {
  const { t } = useTranslation();
  return (
    <Card variant="outlined" sx={{ flex: '1 1 420px', minWidth: 0 }} data-testid={props.testId}>
      <CardContent>
        <Typography variant="h6" component="h3" gutterBottom>
          {props.title}
        </Typography>
        <div
          role="img"
          aria-label={t('dashboard.chartLabel', { title: props.title })}
          style={{ minWidth: CHART_MIN_WIDTH }}
        >
          {props.children}
        </div>
      </CardContent>
    </Card>
  );
}

/**
 * Planned budget beside spending for a list of groups (the axes, the regions), as horizontal bars
 * so that long Arabic names stay readable. In right-to-left the names stand on the right and the
 * bars grow to the left, as the page reads; the charts library does not turn them by itself.
 */
export function BudgetBars(props: { groups: { label: string; planned: number; spent: number }[] }) {
  const { t } = useTranslation();
  const fmt = useFormatter();
  const rtl = useTheme().direction === 'rtl';
  const compact = new Intl.NumberFormat(fmt.locale, { notation: 'compact', maximumFractionDigits: 1 });
  const unit = 10 ** useStore((s) => s.settings.currencyDigits);
  const major = (minor: number) => minor / unit;
  return (
    <BarChart
      layout="horizontal"
      height={Math.max(220, 56 + props.groups.length * 44)}
      yAxis={[
        {
          scaleType: 'band',
          data: props.groups.map((g) => g.label),
          position: rtl ? 'right' : 'left',
          width: 170,
          tickLabelStyle: { fontSize: 12 },
        },
      ]}
      xAxis={[
        {
          reverse: rtl,
          // The default height leaves the tick labels no room: the charts library then drops them all.
          height: 56,
          label: t('dashboard.amountsIn', { currency: fmt.currency }),
          valueFormatter: (v: number) => compact.format(v),
          tickLabelStyle: { fontSize: 11 },
        },
      ]}
      series={[
        {
          label: t('dashboard.plannedBudget'),
          data: props.groups.map((g) => major(g.planned)),
          valueFormatter: (v) => (v === null ? '' : fmt.money(v * unit)),
          color: '#0b5d5a',
        },
        {
          label: t('dashboard.spent'),
          data: props.groups.map((g) => major(g.spent)),
          valueFormatter: (v) => (v === null ? '' : fmt.money(v * unit)),
          color: '#c9a227',
        },
      ]}
    />
  );
}

/** How many initiatives are in each status. */
export function StatusPie(props: { initiatives: Initiative[] }) {
  const { t } = useTranslation();
  const fmt = useFormatter();
  const colors = {
    planned: '#90a4ae',
    active: '#0b5d5a',
    on_hold: '#c9a227',
    completed: '#2e7d32',
    cancelled: '#b71c1c',
  };
  const data = INITIATIVE_STATUSES.map((s, id) => ({
    id,
    label: t(`enums.status.${s}`),
    value: props.initiatives.filter((i) => i.status === s).length,
    color: colors[s],
  })).filter((d) => d.value > 0);
  return (
    <PieChart
      height={260}
      series={[
        { data, innerRadius: 50, valueFormatter: (v) => fmt.number(v.value), arcLabel: (v) => fmt.number(v.value) },
      ]}
    />
  );
}

/** Planned budget and spending by axis over matrix rows (the office's or the nation's), in its card. */
export function AxisBudgetChart(props: { rows: readonly MatrixRow[]; testId: string }) {
  const { t } = useTranslation();
  const fmt = useFormatter();
  const axisName = useAxisName();
  const groups = AXIS_IDS.map((a) => {
    const b = sumRows(props.rows, a);
    return { label: `${fmt.number(a)}. ${axisName(a)}`, planned: b.budget, spent: b.spent };
  });
  return (
    <ChartCard title={t('dashboard.budgetByAxis')} testId={props.testId}>
      <BudgetBars groups={groups} />
    </ChartCard>
  );
}
