import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TextField from '@mui/material/TextField';
import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';
import Typography from '@mui/material/Typography';
import { Fragment, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AXIS_IDS } from '../../../db/core/axes';
import { isGap, sumRows } from '../../../db/core/measures';
import { periodDue } from '../../../db/core/period';
import { issueDay } from '../../../db/core/report-text';
import type { Finding, MatrixRow, Office } from '../../../db/core/results';
import { call } from '../../api';
import { downloadFile } from '../../components/files';
import { PeriodSelect } from '../../components/PeriodSelect';
import { Section } from '../../components/Section';
import { useFormatter, useLocalName, useRowName } from '../../components/useFormatter';
import { useStore } from '../../stores';
import { GAP_SX } from '../matrix/MatrixTable';
import { AxisHeads, TrendSection } from './TrendSection';
import { NationCellDialog } from './NationCellDialog';
import { NationDashboard } from './NationDashboard';

type Row = MatrixRow & { office: string };

/**
 * The nation's matrix: office → region → cluster × the seven axes, over each office's latest
 * accepted submission of the period, with the office's own rule of figures (gaps in red); each
 * office's subtotal and the national total are sums of the same rows.
 */
export function NationScreen() {
  const { t } = useTranslation();
  const fmt = useFormatter();
  const localName = useLocalName();
  const rowName = useRowName();
  const fail = useStore((s) => s.fail);
  const language = useStore((s) => s.language);
  const settings = useStore((s) => s.settings);
  // The period last due: the one the offices have just reported on.
  const [period, setPeriod] = useState(
    () =>
      periodDue(issueDay(new Date()), settings.reportingPeriod, settings.fiscalYearStartMonth, settings.deadlineDays)
        .period,
  );
  const [office, setOffice] = useState('');
  const [measure, setMeasure] = useState<'initiatives' | 'budget'>('initiatives');
  const [offices, setOffices] = useState<Office[]>([]);
  const [rows, setRows] = useState<Row[] | null>(null);
  const [findings, setFindings] = useState<(Finding & { office: string })[] | null>(null);
  const [opened, setOpened] = useState<{ row: Row; axis: number } | null>(null);
  useEffect(() => {
    call('offices.list').then(setOffices).catch(fail);
  }, [fail]);
  useEffect(() => {
    // The answer to the latest choice only: an earlier request finishing last is dropped.
    let current = true;
    setRows(null);
    setFindings(null);
    const chosen = { ...(period ? { period } : {}), ...(office ? { office } : {}) };
    call('ministry.matrix', chosen)
      .then((r) => current && setRows(r))
      .then(() => call('ministry.findings', chosen))
      .then((f) => current && setFindings(f))
      .catch(fail);
    return () => {
      current = false;
    };
  }, [period, office, fail]);
  const show = (n: number) => (measure === 'budget' ? fmt.money(n) : fmt.number(n));
  const sums = (rs: Row[]) => AXIS_IDS.map((a) => (measure === 'budget' ? sumRows(rs, a).budget : sumRows(rs, a).n));
  const groups = [...new Set((rows ?? []).map((r) => r.office))];
  return (
    <Stack spacing={2} sx={{ maxWidth: 1400 }}>
      <Typography variant="h5" component="h2">
        {t('ministry.nationTitle')}
      </Typography>
      <Typography color="text.secondary">{t('ministry.nationBody')}</Typography>
      <Stack direction="row" spacing={2} alignItems="center" flexWrap="wrap" useFlexGap>
        <Box sx={{ width: 260 }}>
          <PeriodSelect label={t('ministry.colPeriod')} value={period} onChange={setPeriod} />
        </Box>
        <TextField
          select
          fullWidth={false}
          label={t('ministry.colOffice')}
          value={office}
          onChange={(e) => setOffice(e.target.value)}
          sx={{ width: 260 }}
          slotProps={{ htmlInput: { 'data-testid': 'nation-office' } }}
        >
          <MenuItem value="">{t('ministry.allOffices')}</MenuItem>
          {offices.map((o) => (
            <MenuItem key={o.code} value={o.code}>
              <bdi dir="ltr">{o.code}</bdi>&nbsp;— {o.name}
            </MenuItem>
          ))}
        </TextField>
        <Button
          variant="outlined"
          onClick={() =>
            void call('ministry.export', {
              ...(period ? { period } : {}),
              lang: language,
              today: issueDay(new Date()),
            })
              .then(downloadFile)
              .catch(fail)
          }
          data-testid="nation-export"
        >
          {t('ministry.exportReport')}
        </Button>
        <ToggleButtonGroup size="small" exclusive value={measure} onChange={(_, v) => v && setMeasure(v)}>
          <ToggleButton value="initiatives">{t('matrix.count')}</ToggleButton>
          <ToggleButton value="budget">{t('matrix.budget')}</ToggleButton>
        </ToggleButtonGroup>
      </Stack>
      {rows && rows.length === 0 && <Typography>{t('ministry.noAccepted')}</Typography>}
      {rows && rows.length > 0 && <NationDashboard rows={rows} period={period} office={office} offices={offices} />}
      {rows && rows.length > 0 && (
        <Table size="small" stickyHeader data-testid="nation-matrix">
          <TableHead>
            <TableRow>
              <TableCell>{t('ministry.colOffice')}</TableCell>
              <TableCell>{t('register.region')}</TableCell>
              <TableCell>{t('register.cluster')}</TableCell>
              <AxisHeads />
            </TableRow>
          </TableHead>
          <TableBody>
            {groups.map((g) => {
              const of = rows.filter((r) => r.office === g);
              return (
                <Fragment key={g}>
                  {of.map((r) => (
                    <TableRow key={r.key} data-office={g}>
                      <TableCell>
                        <bdi dir="ltr">{g}</bdi>
                      </TableCell>
                      <TableCell>{localName({ nameAr: r.regionNameAr, nameEn: r.regionNameEn })}</TableCell>
                      <TableCell>{rowName(r)}</TableCell>
                      {AXIS_IDS.map((a) => {
                        // A gap as the office's matrix marks it: a selected cluster left bare on the axis.
                        const gap = isGap(r, a);
                        // A figure with initiatives behind it opens them.
                        const opens = !gap && r.initiatives[a - 1]! > 0;
                        return (
                          <TableCell
                            key={a}
                            align="center"
                            data-gap={gap || undefined}
                            data-axis={a}
                            title={gap ? t('matrix.gap') : undefined}
                            data-opens={opens || undefined}
                            tabIndex={opens ? 0 : undefined}
                            role={opens ? 'button' : undefined}
                            onClick={opens ? () => setOpened({ row: r, axis: a }) : undefined}
                            onKeyDown={(e) => {
                              if (opens && e.key === 'Enter') setOpened({ row: r, axis: a });
                            }}
                            sx={
                              gap
                                ? GAP_SX
                                : opens
                                  ? { cursor: 'pointer', '&:hover': { bgcolor: 'action.hover' } }
                                  : undefined
                            }
                          >
                            {gap ? '—' : show(r[measure][a - 1]!)}
                          </TableCell>
                        );
                      })}
                    </TableRow>
                  ))}
                  <TableRow sx={{ '& td': { fontWeight: 600, bgcolor: 'action.hover' } }}>
                    <TableCell colSpan={3}>{t('ministry.officeTotal', { office: g })}</TableCell>
                    {sums(of).map((n, i) => (
                      <TableCell key={i} align="center">
                        {show(n)}
                      </TableCell>
                    ))}
                  </TableRow>
                </Fragment>
              );
            })}
            <TableRow sx={{ '& td': { fontWeight: 700 } }} data-testid="nation-total">
              <TableCell colSpan={3}>{t('ministry.total')}</TableCell>
              {sums(rows).map((n, i) => (
                <TableCell key={i} align="center">
                  {show(n)}
                </TableCell>
              ))}
            </TableRow>
          </TableBody>
        </Table>
      )}
      {findings && rows && rows.length > 0 && (
        <Section
          title={t('ministry.findingsTitle', { count: findings.length, formatted: fmt.number(findings.length) })}
          testId="nation-findings"
        >
          <Table size="small">
            <TableHead>
              <TableRow>
                <TableCell>{t('ministry.colOffice')}</TableCell>
                <TableCell>{t('ministry.rule')}</TableCell>
                <TableCell>{t('ministry.finding')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {findings.slice(0, 200).map((f, i) => (
                <TableRow key={i}>
                  <TableCell>
                    <bdi dir="ltr">{f.office}</bdi>
                  </TableCell>
                  <TableCell>
                    <bdi dir="ltr">{f.rule}</bdi>
                  </TableCell>
                  <TableCell>{f.message[language]}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
          {findings.length > 200 && (
            <Typography variant="body2" color="text.secondary">
              {t('ministry.moreFindings', { shown: fmt.number(200), count: fmt.number(findings.length) })}
            </Typography>
          )}
        </Section>
      )}
      {opened && (
        <NationCellDialog row={opened.row} axis={opened.axis} period={period} onClose={() => setOpened(null)} />
      )}
      <TrendSection />
    </Stack>
  );
}
