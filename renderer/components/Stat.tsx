import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import { useFormatter } from './useFormatter';

/**
 * One figure of a dashboard, in its tile; an amount's currency goes under it (on one line with
 * the figure it wrapped the tile onto three at 1366 px).
 */
export function Stat(props: { label: string; value: string; testId: string; unit?: string }) {
  return (
    <Card variant="outlined" sx={{ minWidth: 180, flex: '1 1 180px' }}>
      <CardContent>
        <Typography variant="body2" color="text.secondary">
          {props.label}
        </Typography>
        <Typography variant="h5" component="p" sx={{ fontWeight: 700 }} data-testid={props.testId}>
          {props.value}
        </Typography>
        {props.unit && (
          <Typography variant="caption" color="text.secondary">
            {props.unit}
          </Typography>
        )}
      </CardContent>
    </Card>
  );
}

/** The initiatives, planned budget and spending of a sum of matrix rows, as the office's and the nation's dashboards show them. */
export function FigureStats(props: { figures: { n: number; budget: number; spent: number }; testPrefix: string }) {
  const { t } = useTranslation();
  const fmt = useFormatter();
  const { figures, testPrefix } = props;
  return (
    <>
      <Stat label={t('dashboard.initiatives')} value={fmt.number(figures.n)} testId={`${testPrefix}initiatives`} />
      <Stat
        label={t('dashboard.plannedBudget')}
        value={fmt.amount(figures.budget)}
        unit={fmt.currency}
        testId={`${testPrefix}budget`}
      />
      <Stat
        label={t('dashboard.spent')}
        value={fmt.amount(figures.spent)}
        unit={fmt.currency}
        testId={`${testPrefix}spent`}
      />
    </>
  );
}
