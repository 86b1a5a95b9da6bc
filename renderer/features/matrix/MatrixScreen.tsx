import Box from '@mui/material/Box';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';
import Typography from '@mui/material/Typography';
import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MatrixRow } from '../../../db/queries/matrix';
import { useAxisName, useFormatter, useLocalName } from '../../components/useFormatter';
import { useStore } from '../../stores';

type Measure = 'count' | 'budget';
const AXES = [1, 2, 3, 4, 5, 6, 7];

const valuesOf = (r: MatrixRow, m: Measure) => (m === 'count' ? r.initiatives : r.budget);
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

/** Teal heat: the share of the largest cell sets the fill; text stays dark or white for contrast. */
function heat(value: number, max: number): { bgcolor: string; color: string } {
  if (value <= 0 || max <= 0) return { bgcolor: 'transparent', color: 'text.primary' };
  const share = Math.min(1, value / max);
  const alpha = 0.12 + share * 0.78;
  return { bgcolor: `rgba(11, 93, 90, ${alpha.toFixed(2)})`, color: alpha > 0.5 ? '#fff' : 'text.primary' };
}

export function MatrixScreen() {
  const { t } = useTranslation();
  const fmt = useFormatter();
  const axisName = useAxisName();
  const localName = useLocalName();
  const rows = useStore((s) => s.matrix);
  const [measure, setMeasure] = useState<Measure>('count');
  const show = (n: number) => (measure === 'count' ? fmt.number(n) : fmt.money(n));
  const max = Math.max(0, ...rows.flatMap((r) => valuesOf(r, measure)));
  const regions = [
    ...new Map(
      rows.map((r) => [r.regionId, { id: r.regionId, nameAr: r.regionNameAr, nameEn: r.regionNameEn }]),
    ).values(),
  ];
  const axisTotals = AXES.map((a) => sum(rows.map((r) => valuesOf(r, measure)[a - 1]!)));

  return (
    <Stack spacing={2}>
      <Box sx={{ display: 'flex', alignItems: 'center', flexWrap: 'wrap', gap: 2 }}>
        <Typography variant="h5" component="h2" sx={{ flexGrow: 1 }}>
          {t('matrix.title')}
        </Typography>
        <ToggleButtonGroup
          exclusive
          size="small"
          value={measure}
          onChange={(_e, v: Measure | null) => v && setMeasure(v)}
          aria-label={t('matrix.measure')}
        >
          <ToggleButton value="count">{t('matrix.count')}</ToggleButton>
          <ToggleButton value="budget">{t('matrix.budget')}</ToggleButton>
        </ToggleButtonGroup>
      </Box>
      <Stack direction="row" spacing={1} alignItems="center">
        <Box
          sx={{
            width: 18,
            height: 18,
            border: '2px dashed',
            borderColor: 'error.main',
            bgcolor: 'rgba(211,47,47,0.08)',
          }}
        />
        <Typography variant="body2">{t('matrix.legendGap')}</Typography>
      </Stack>
      {rows.length === 0 ? (
        <Typography color="text.secondary">{t('matrix.empty')}</Typography>
      ) : (
        <Paper variant="outlined">
          <TableContainer sx={{ maxHeight: 'calc(100vh - 220px)' }}>
            <Table stickyHeader size="small" data-testid="matrix-table">
              <TableHead>
                <TableRow>
                  <TableCell sx={{ minWidth: 220 }}>{t('matrix.cluster')}</TableCell>
                  {AXES.map((a) => (
                    <TableCell key={a} align="center" title={axisName(a, true)} sx={{ minWidth: 96 }}>
                      <Typography variant="caption" component="div" sx={{ fontWeight: 700 }}>
                        {fmt.number(a)}
                      </Typography>
                      <Typography variant="caption" component="div">
                        {axisName(a)}
                      </Typography>
                    </TableCell>
                  ))}
                  <TableCell align="center">{t('matrix.total')}</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {regions.map((region) => (
                  <Fragment key={region.id}>
                    <TableRow>
                      <TableCell colSpan={9} sx={{ bgcolor: 'grey.100', fontWeight: 700 }}>
                        {localName(region)}
                      </TableCell>
                    </TableRow>
                    {rows
                      .filter((r) => r.regionId === region.id)
                      .map((r) => {
                        const values = valuesOf(r, measure);
                        return (
                          <TableRow key={r.clusterId} data-testid={`matrix-row-${r.clusterCode}`}>
                            <TableCell>
                              {localName({ nameAr: r.clusterNameAr, nameEn: r.clusterNameEn })}
                              {!r.selected && (
                                <Typography variant="caption" color="text.secondary" component="div">
                                  {t('matrix.notSelected')}
                                </Typography>
                              )}
                            </TableCell>
                            {AXES.map((a) => {
                              const v = values[a - 1]!;
                              const gap = r.selected && r.initiatives[a - 1] === 0;
                              return (
                                <TableCell
                                  key={a}
                                  align="center"
                                  data-axis={a}
                                  data-gap={gap || undefined}
                                  title={gap ? t('matrix.gap') : axisName(a, true)}
                                  sx={
                                    gap
                                      ? {
                                          outline: '2px dashed',
                                          outlineColor: 'error.main',
                                          outlineOffset: -4,
                                          bgcolor: 'rgba(211,47,47,0.08)',
                                          color: 'error.main',
                                        }
                                      : heat(v, max)
                                  }
                                >
                                  {gap ? '—' : show(v)}
                                </TableCell>
                              );
                            })}
                            <TableCell align="center" sx={{ fontWeight: 700 }}>
                              {show(sum(values))}
                            </TableCell>
                          </TableRow>
                        );
                      })}
                  </Fragment>
                ))}
                <TableRow>
                  <TableCell sx={{ fontWeight: 700 }}>{t('matrix.total')}</TableCell>
                  {axisTotals.map((v, i) => (
                    <TableCell key={i} align="center" sx={{ fontWeight: 700 }}>
                      {show(v)}
                    </TableCell>
                  ))}
                  <TableCell align="center" sx={{ fontWeight: 700 }}>
                    {show(sum(axisTotals))}
                  </TableCell>
                </TableRow>
              </TableBody>
            </Table>
          </TableContainer>
        </Paper>
      )}
    </Stack>
  );
}
