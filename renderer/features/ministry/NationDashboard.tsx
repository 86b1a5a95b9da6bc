import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { sumRows } from '../../../db/core/measures';
import { issueDay } from '../../../db/core/report-text';
import type { MatrixRow, Office, ReportState } from '../../../db/core/results';
import { call } from '../../api';
import { FigureStats, Stat } from '../../components/Stat';
import { useFormatter } from '../../components/useFormatter';
import { useStore } from '../../stores';
import { AxisCoverage } from '../dashboard/AxisCoverage';
import { AxisBudgetChart, BudgetBars, ChartCard } from '../dashboard/Charts';

/**
 * The nation at a glance for a period: who reported, and the figures, charts and axis coverage of
 * the office's dashboard, all sums of the same national matrix rows the table below shows.
 */
export function NationDashboard(props: {
  rows: (MatrixRow & { office: string })[];
  period: string;
  office: string;
  offices: Office[];
}) {
  const { t } = useTranslation();
  const fmt = useFormatter();
  const fail = useStore((s) => s.fail);
  const [states, setStates] = useState<Record<ReportState, number> | null>(null);
  const { rows, period, office, offices } = props;
  useEffect(() => {
    let current = true;
    call('ministry.status', { today: issueDay(new Date()), ...(period ? { period } : {}) })
      .then((grid) => {
        if (!current) return;
        const counted = { missing: 0, on_time: 0, late: 0, accepted: 0, returned: 0 };
        for (const r of grid.rows) if (r.period === period && (!office || r.office === office)) counted[r.state]++;
        setStates(counted);
      })
      .catch(fail);
    return () => {
      current = false;
    };
  }, [period, office, fail]);
  const all = sumRows(rows, null);
  const names = new Map(offices.map((o) => [o.code, o.name]));
  const byOffice = [...new Set(rows.map((r) => r.office))].map((code) => {
    const b = sumRows(
      rows.filter((r) => r.office === code),
      null,
    );
    return { label: `${code} — ${names.get(code) ?? ''}`, planned: b.budget, spent: b.spent };
  });
  return (
    <Stack spacing={2} data-testid="nation-dashboard">
      {period && (
        <Stack direction="row" useFlexGap flexWrap="wrap" spacing={2} data-testid="nation-reported">
          {(
            [
              ['dashAccepted', states?.accepted],
              ['dashWaiting', states && states.on_time + states.late],
              ['dashReturned', states?.returned],
              ['dashMissing', states?.missing],
            ] as const
          ).map(([key, n]) => (
            <Stat
              key={key}
              label={t(`ministry.${key}`)}
              value={n === undefined || n === null ? '…' : fmt.number(n)}
              testId={`nation-${key}`}
            />
          ))}
        </Stack>
      )}
      <Stack direction="row" useFlexGap flexWrap="wrap" spacing={2}>
        <Stat
          label={t('dashboard.clusters')}
          value={fmt.number(rows.filter((r) => r.clusterId !== null).length)}
          testId="nation-stat-clusters"
        />
        <FigureStats figures={all} testPrefix="nation-stat-" />
      </Stack>
      <Typography variant="body2" color="text.secondary">
        {t('ministry.dashRule')}
      </Typography>
      <Stack direction="row" useFlexGap flexWrap="wrap" spacing={2}>
        <AxisBudgetChart rows={rows} testId="nation-chart-axes" />
        <ChartCard title={t('ministry.budgetByOffice')} testId="nation-chart-offices">
          <BudgetBars groups={byOffice} />
        </ChartCard>
      </Stack>
      <AxisCoverage rows={rows} />
    </Stack>
  );
}
