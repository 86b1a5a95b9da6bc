import Box from '@mui/material/Box';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import { useAxisName, useFormatter, useLocalName } from '../../components/useFormatter';
import type { MatrixRow } from '../../../db/core/results';

const AXES = [1, 2, 3, 4, 5, 6, 7];
const SHOWN = 40;

/** Each selected cluster's seven axes as a row of squares, the clusters with most gaps first. */
export function CoverageStrip(props: { rows: MatrixRow[] }) {
  const { t } = useTranslation();
  const fmt = useFormatter();
  const axisName = useAxisName();
  const localName = useLocalName();
  const gaps = (r: MatrixRow) => r.covered.filter((c) => !c).length;
  const rows = props.rows.filter((r) => r.selected).sort((a, b) => gaps(b) - gaps(a));
  return (
    <Card variant="outlined" data-testid="coverage-strip">
      <CardContent>
        <Typography variant="h6" component="h3">
          {t('dashboard.strip')}
        </Typography>
        <Typography variant="body2" color="text.secondary" gutterBottom>
          {t('dashboard.stripHint')}
        </Typography>
        <Box sx={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(300px, 1fr))', columnGap: 4 }}>
          {rows.slice(0, SHOWN).map((r) => (
            <Box
              key={r.clusterId}
              sx={{ display: 'flex', alignItems: 'center', gap: 1, py: 0.5 }}
              data-testid="strip-row"
            >
              <Typography
                variant="body2"
                noWrap
                sx={{ flex: 1, minWidth: 0 }}
                title={localName({ nameAr: r.clusterNameAr, nameEn: r.clusterNameEn })}
              >
                {localName({ nameAr: r.clusterNameAr, nameEn: r.clusterNameEn })}
              </Typography>
              {AXES.map((a) => {
                const covered = r.covered[a - 1];
                const label = t(covered ? 'dashboard.axisCovered' : 'dashboard.axisGap', {
                  axis: `${fmt.number(a)}. ${axisName(a)}`,
                });
                return (
                  <Box
                    key={a}
                    role="img"
                    aria-label={label}
                    title={label}
                    data-gap={!covered || undefined}
                    sx={{
                      width: 16,
                      height: 16,
                      flexShrink: 0,
                      borderRadius: 0.5,
                      ...(covered
                        ? { bgcolor: 'primary.main' }
                        : { border: '2px dashed', borderColor: 'error.main', bgcolor: 'rgba(211,47,47,0.08)' }),
                    }}
                  />
                );
              })}
            </Box>
          ))}
        </Box>
        {rows.length > SHOWN && (
          <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
            {t('dashboard.stripMore', { count: rows.length - SHOWN, formatted: fmt.number(rows.length - SHOWN) })}
          </Typography>
        )}
      </CardContent>
    </Card>
  );
}
