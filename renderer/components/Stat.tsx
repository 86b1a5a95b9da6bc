import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Typography from '@mui/material/Typography';

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
