import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import CardActions from '@mui/material/CardActions';
import CardContent from '@mui/material/CardContent';
import LinearProgress from '@mui/material/LinearProgress';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { FindingsPanel } from '../../components/FindingsPanel';
import { useTranslation } from 'react-i18next';
import { useAxisName, useFormatter } from '../../components/useFormatter';
import { useStore } from '../../stores';

function Stat(props: { label: string; value: string; testId: string }) {
  return (
    <Card variant="outlined" sx={{ minWidth: 180, flex: '1 1 180px' }}>
      <CardContent>
        <Typography variant="body2" color="text.secondary">
          {props.label}
        </Typography>
        <Typography variant="h5" component="p" sx={{ fontWeight: 700 }} data-testid={props.testId}>
          {props.value}
        </Typography>
      </CardContent>
    </Card>
  );
}

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
      <CardActions>
        <Button variant="contained" onClick={() => void write('portfolio.loadDemo', undefined, 'dashboard.demoLoaded')}>
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
  const axisName = useAxisName();
  const stats = useStore((s) => s.stats);
  const matrix = useStore((s) => s.matrix);
  const officeName = useStore((s) => s.settings.officeName);
  if (!stats) return null;
  const empty = stats.regions + stats.clusters + stats.initiatives === 0;
  const selected = matrix.filter((r) => r.selected);

  return (
    <Stack spacing={3}>
      <Box>
        <Typography variant="h5" component="h2">
          {t('dashboard.title')}
        </Typography>
        <Typography color="text.secondary">{officeName || t('dashboard.noOffice')}</Typography>
      </Box>
      {empty ? (
        <FirstStart />
      ) : (
        <>
          <Stack direction="row" useFlexGap flexWrap="wrap" spacing={2}>
            <Stat label={t('dashboard.regions')} value={fmt.number(stats.regions)} testId="stat-regions" />
            <Stat label={t('dashboard.clusters')} value={fmt.number(stats.clusters)} testId="stat-clusters" />
            <Stat label={t('dashboard.initiatives')} value={fmt.number(stats.initiatives)} testId="stat-initiatives" />
            <Stat label={t('dashboard.plannedBudget')} value={fmt.money(stats.plannedBudget)} testId="stat-budget" />
            <Stat label={t('dashboard.spent')} value={fmt.money(stats.spent)} testId="stat-spent" />
          </Stack>
          <Card variant="outlined">
            <CardContent>
              <Typography variant="h6" component="h3">
                {t('dashboard.axesCovered')}
              </Typography>
              <Typography variant="body2" color="text.secondary" gutterBottom>
                {t('dashboard.coverageHint')}
              </Typography>
              {[1, 2, 3, 4, 5, 6, 7].map((axis) => {
                const covered = selected.filter((r) => r.initiatives[axis - 1]! > 0).length;
                const share = selected.length ? (covered / selected.length) * 100 : 0;
                return (
                  <Box key={axis} sx={{ display: 'flex', alignItems: 'center', gap: 2, my: 1 }}>
                    <Typography sx={{ width: 260, flexShrink: 0 }} title={axisName(axis, true)}>
                      {fmt.number(axis)}. {axisName(axis)}
                    </Typography>
                    <LinearProgress
                      variant="determinate"
                      value={share}
                      sx={{ flexGrow: 1, height: 10, borderRadius: 5 }}
                    />
                    <Typography sx={{ width: 110, textAlign: 'end' }}>
                      {t('dashboard.coveredOf', { covered: fmt.number(covered), total: fmt.number(selected.length) })}
                    </Typography>
                  </Box>
                );
              })}
            </CardContent>
          </Card>
          <FindingsPanel />
        </>
      )}
    </Stack>
  );
}
