import Box from '@mui/material/Box';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import LinearProgress from '@mui/material/LinearProgress';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import { AXIS_IDS } from '../../../db/core/axes';
import type { MatrixRow } from '../../../db/core/results';
import { useAxisName, useFormatter } from '../../components/useFormatter';

/** How many of the selected clusters each axis reaches, as bars: the office's or the nation's. */
export function AxisCoverage({ rows }: { rows: readonly MatrixRow[] }) {
  const { t } = useTranslation();
  const fmt = useFormatter();
  const axisName = useAxisName();
  const selected = rows.filter((r) => r.selected);
  return (
    <Card variant="outlined" sx={{ flex: '1 1 420px' }} data-testid="axis-coverage">
      <CardContent>
        <Typography variant="h6" component="h3">
          {t('dashboard.axesCovered')}
        </Typography>
        <Typography variant="body2" color="text.secondary" gutterBottom>
          {t('dashboard.coverageHint')}
        </Typography>
        {AXIS_IDS.map((axis) => {
          const covered = selected.filter((r) => r.covered[axis - 1]).length;
          const share = selected.length ? (covered / selected.length) * 100 : 0;
          return (
            <Box key={axis} sx={{ display: 'flex', alignItems: 'center', gap: 2, my: 1 }}>
              <Typography sx={{ width: 200, flexShrink: 0 }} noWrap title={axisName(axis, true)}>
                {fmt.number(axis)}. {axisName(axis)}
              </Typography>
              <LinearProgress
                variant="determinate"
                value={share}
                aria-label={axisName(axis, true)}
                sx={{ flexGrow: 1, height: 10, borderRadius: 5 }}
              />
              <Typography sx={{ width: 90, textAlign: 'end' }}>
                {t('dashboard.coveredOf', {
                  covered: fmt.number(covered),
                  total: fmt.number(selected.length),
                })}
              </Typography>
            </Box>
          );
        })}
      </CardContent>
    </Card>
  );
}
