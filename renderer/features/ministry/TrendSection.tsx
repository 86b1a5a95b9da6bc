import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AXIS_IDS } from '../../../db/core/axes';
import { periodName } from '../../../db/core/report-text';
import type { TrendPoint } from '../../../db/core/results';
import { call } from '../../api';
import { Section } from '../../components/Section';
import { useAxisName, useFormatter } from '../../components/useFormatter';
import { useStore } from '../../stores';

/**
 * The nation period by period, over the accepted packages: each axis's planned budget, and the
 * share of selected clusters it covers (a cell not a gap), as the national matrix computes them.
 */
export function TrendSection() {
  const { t } = useTranslation();
  const fmt = useFormatter();
  const language = useStore((s) => s.language);
  const fiscal = useStore((s) => s.settings.fiscalYearStartMonth);
  const fail = useStore((s) => s.fail);
  const [points, setPoints] = useState<TrendPoint[] | null>(null);
  useEffect(() => {
    call('ministry.stats').then(setPoints).catch(fail);
  }, [fail]);
  if (!points || points.length === 0) return null;
  return (
    <Section title={t('ministry.trendTitle')} body={t('ministry.trendBody')} testId="nation-trend">
      <Table size="small">
        <TableHead>
          <TableRow>
            <TableCell>{t('ministry.colPeriod')}</TableCell>
            <AxisHeads />
          </TableRow>
        </TableHead>
        <TableBody>
          {points.map((p) => (
            <TableRow key={p.period} data-period={p.period}>
              <TableCell>
                {periodName(p.period, language, fiscal)}
                <Typography variant="caption" display="block" color="text.secondary">
                  {t('ministry.trendOffices', { count: p.offices, formatted: fmt.number(p.offices) })}
                </Typography>
              </TableCell>
              {AXIS_IDS.map((a, i) => (
                <TableCell key={a} align="center">
                  {fmt.money(p.budget[i]!)}
                  <Typography variant="caption" display="block" color="text.secondary">
                    {p.selected ? fmt.percent((100 * p.covered[i]!) / p.selected) : '—'}
                  </Typography>
                </TableCell>
              ))}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Section>
  );
}

/** The seven axes as column heads: number and short name, the full name on hover. */
export function AxisHeads() {
  const fmt = useFormatter();
  const axisName = useAxisName();
  return (
    <>
      {AXIS_IDS.map((a) => (
        <TableCell key={a} align="center" title={axisName(a, true)}>
          {fmt.number(a)}. {axisName(a)}
        </TableCell>
      ))}
    </>
  );
}
