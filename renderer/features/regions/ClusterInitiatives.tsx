import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import type { Cluster } from '../../../db/core/model';
import { AXIS_IDS } from '../../../db/core/axes';
import { counts, isGap } from '../../../db/core/measures';
import { useAxisName, useFormatter } from '../../components/useFormatter';
import { useStore } from '../../stores';

/**
 * A cluster's initiatives under each of the seven axes (an initiative on two axes shows under
 * both); an axis without one is marked, as a gap when the cluster is selected for development.
 */
export function ClusterInitiatives(props: { cluster: Cluster }) {
  const { t } = useTranslation();
  const fmt = useFormatter();
  const axisName = useAxisName();
  const all = useStore((s) => s.initiatives);
  const mine = all.filter((i) => i.clusterId === props.cluster.id && counts(i));
  return (
    <Box data-testid="cluster-initiatives">
      <Typography variant="subtitle1" component="h3" sx={{ fontWeight: 700 }}>
        {t('clusters.byAxis')}
      </Typography>
      <Typography variant="body2" color="text.secondary" gutterBottom>
        {t('clusters.byAxisHint')}
      </Typography>
      {[1, 2, 3, 4, 5, 6, 7].map((a) => {
        const on = mine.filter((i) => i.axes.includes(a));
        const gap = isGap(
          { selected: props.cluster.selected, covered: AXIS_IDS.map((x) => mine.some((i) => i.axes.includes(x))) },
          a,
        );
        return (
          <Stack
            key={a}
            direction="row"
            spacing={2}
            alignItems="flex-start"
            data-axis={a}
            data-gap={gap || undefined}
            sx={{
              py: 1,
              px: 1,
              borderBottom: 1,
              borderColor: 'divider',
              ...(gap
                ? {
                    outline: '2px dashed',
                    outlineColor: 'error.main',
                    outlineOffset: -2,
                    bgcolor: 'rgba(211,47,47,0.05)',
                  }
                : {}),
            }}
          >
            <Typography sx={{ width: 220, flexShrink: 0, fontWeight: 600 }} title={axisName(a, true)}>
              {fmt.number(a)}. {axisName(a)}
            </Typography>
            {on.length === 0 ? (
              <Typography color={gap ? 'error.main' : 'text.secondary'}>
                {t(gap ? 'clusters.axisGap' : 'clusters.axisEmpty')}
              </Typography>
            ) : (
              <Stack direction="row" useFlexGap flexWrap="wrap" spacing={1}>
                {on.map((i) => (
                  <Chip
                    key={i.id}
                    size="small"
                    variant={i.primaryAxis === a ? 'filled' : 'outlined'}
                    label={`${i.code} · ${i.title.length > 40 ? `${i.title.slice(0, 40)}…` : i.title} · ${t(`enums.status.${i.status}`)}`}
                    title={i.title}
                  />
                ))}
              </Stack>
            )}
          </Stack>
        );
      })}
    </Box>
  );
}
