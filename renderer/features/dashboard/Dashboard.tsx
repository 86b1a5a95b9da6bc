import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import CardActions from '@mui/material/CardActions';
import CardContent from '@mui/material/CardContent';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemText from '@mui/material/ListItemText';
import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DueLine, useReporting } from '../reporting/DueLine';
import { counts, sumRows } from '../../../db/core/measures';
import { regionTree, withGovernorates } from '../../../db/core/region-tree';
import { FindingsPanel } from '../../components/FindingsPanel';
import { useFormatter, useLocalName } from '../../components/useFormatter';
import { useStore } from '../../stores';
import { AxisBudgetChart, BudgetBars, ChartCard, StatusPie } from './Charts';
import { AxisCoverage } from './AxisCoverage';
import { CoverageStrip } from './CoverageStrip';
import { FigureStats, Stat } from '../../components/Stat';

function FirstStart() {
  const { t } = useTranslation();
  const write = useStore((s) => s.write);
  const go = useStore((s) => s.go);
  return (
    <Card variant="outlined" sx={{ maxWidth: 640 }} data-testid="first-start">
      <CardContent>
        <Typography variant="h6" component="h3" gutterBottom>
          {t('dashboard.emptyTitle')}
        </Typography>
        <Typography>{t('dashboard.emptyBody')}</Typography>
      </CardContent>
      <CardActions sx={{ flexWrap: 'wrap', gap: 1 }}>
        {/* An office with a register in Excel wants it in first: the import reads it as it is. */}
        <Button variant="contained" onClick={() => go('exchange')} data-testid="first-import">
          {t('dashboard.importRegister')}
        </Button>
        <Button variant="outlined" onClick={() => void write('portfolio.loadDemo', undefined, 'dashboard.demoLoaded')}>
          {t('dashboard.loadDemo')}
        </Button>
        <Button onClick={() => go('regions')}>{t('dashboard.startEmpty')}</Button>
      </CardActions>
    </Card>
  );
}

export function Dashboard() {
  const { t } = useTranslation();
  const fmt = useFormatter();
  const localName = useLocalName();
  const stats = useStore((s) => s.stats);
  const matrix = useStore((s) => s.matrix);
  const regions = useStore((s) => s.regions);
  const clusters = useStore((s) => s.clusters);
  const initiatives = useStore((s) => s.initiatives);
  const findings = useStore((s) => s.findings);
  const officeName = useStore((s) => s.settings.officeName);
  const [reporting] = useReporting();
  const [regionId, setRegionId] = useState('');
  const scope = useMemo(() => (regionId ? withGovernorates(regions, regionId) : null), [regions, regionId]);
  if (!stats) return null;
  const empty = stats.regions + stats.clusters + stats.initiatives === 0;
  const inScope = (id: string) => !scope || scope.has(id);
  const mine = initiatives.filter((i) => inScope(i.regionId));
  const rows = matrix.filter((r) => inScope(r.regionId));
  // Every figure is a sum of matrix rows (the counting rule, region-wide rows included).
  const office = sumRows(rows, null);
  const counted = mine.filter(counts);
  const cancelled = mine.length - counted.length;
  // By top-level region for the whole office; by governorate (and the region itself) within one.
  const tree = regionTree(regions);
  const groups = scope ? tree.filter((n) => scope.has(n.region.id)) : tree.filter((n) => n.depth === 0);
  const byRegion = groups.map(({ region }) => {
    const ids = scope ? new Set([region.id]) : withGovernorates(regions, region.id);
    const b = sumRows(
      rows.filter((r) => ids.has(r.regionId)),
      null,
    );
    return { label: localName(region), planned: b.budget, spent: b.spent };
  });
  const overdue = findings.filter((f) => f.kind === 'overdue' && inScope(f.regionId));
  const endOf = new Map(initiatives.map((i) => [i.id, i.endDate]));

  return (
    <Stack spacing={3}>
      <Box sx={{ display: 'flex', alignItems: 'flex-end', flexWrap: 'wrap', gap: 2 }}>
        <Box sx={{ flexGrow: 1 }}>
          <Typography variant="h5" component="h2">
            {t('dashboard.title')}
          </Typography>
          <Typography color="text.secondary">{officeName || t('dashboard.noOffice')}</Typography>
          {reporting && reporting.officeCode && <DueLine state={reporting} />}
        </Box>
        {!empty && (
          <TextField
            select
            fullWidth={false}
            label={t('dashboard.scope')}
            value={regionId}
            onChange={(e) => setRegionId(e.target.value)}
            sx={{ minWidth: 220 }}
            data-testid="dashboard-scope"
          >
            <MenuItem value="">{t('dashboard.wholeOffice')}</MenuItem>
            {tree.map(({ region, depth }) => (
              <MenuItem key={region.id} value={region.id} sx={{ pl: 2 + depth * 2 }}>
                {localName(region)}
              </MenuItem>
            ))}
          </TextField>
        )}
      </Box>
      {empty ? (
        <FirstStart />
      ) : (
        <>
          <Stack direction="row" useFlexGap flexWrap="wrap" spacing={2}>
            <Stat
              label={t('dashboard.regions')}
              value={fmt.number(scope ? scope.size : stats.regions)}
              testId="stat-regions"
            />
            <Stat
              label={t('dashboard.clusters')}
              value={fmt.number(clusters.filter((c) => inScope(c.regionId)).length)}
              testId="stat-clusters"
            />
            <FigureStats figures={office} testPrefix="stat-" />
          </Stack>
          <Typography variant="body2" color="text.secondary" data-testid="figures-rule">
            {t('figures.rule')}
            {cancelled > 0 && ` ${t('figures.cancelled', { formatted: fmt.number(cancelled) })}`}
          </Typography>
          <Stack direction="row" useFlexGap flexWrap="wrap" spacing={2}>
            <AxisBudgetChart rows={rows} testId="chart-axes" />
            <ChartCard title={t('dashboard.budgetByRegion')} testId="chart-regions">
              <BudgetBars groups={byRegion} />
            </ChartCard>
          </Stack>
          <Stack direction="row" useFlexGap flexWrap="wrap" spacing={2}>
            <ChartCard title={t('dashboard.byStatus')} testId="chart-status">
              <StatusPie initiatives={counted} />
            </ChartCard>
            <AxisCoverage rows={rows} />
          </Stack>
          <CoverageStrip rows={rows} />
          <Card variant="outlined" data-testid="overdue">
            <CardContent>
              <Typography variant="h6" component="h3">
                {t('dashboard.overdue')}
              </Typography>
              {overdue.length === 0 ? (
                <Typography color="success.main">{t('dashboard.noOverdue')}</Typography>
              ) : (
                <List dense disablePadding>
                  {overdue.slice(0, 15).map((f) => (
                    <ListItem key={f.initiativeId} divider data-testid="overdue-item">
                      <ListItemText
                        primary={`${f.initiativeCode} — ${f.initiativeTitle}`}
                        secondary={t('dashboard.endedOn', { date: fmt.date(endOf.get(f.initiativeId!) ?? null) })}
                      />
                    </ListItem>
                  ))}
                </List>
              )}
            </CardContent>
          </Card>
          <FindingsPanel {...(regionId ? { regionId } : {})} />
        </>
      )}
    </Stack>
  );
}
