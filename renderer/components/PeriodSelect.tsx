import ListSubheader from '@mui/material/ListSubheader';
import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import { periodOf } from '../../db/core/period';
import { issueDay, periodName } from '../../db/core/report-text';
import { useStore } from '../stores';

/**
 * The period a report covers, picked from one list: everything, then by year (newest first) the
 * year, the fiscal year ending in it, its halves and its quarters, named as the cover names them.
 */
export function PeriodSelect(props: {
  label: string;
  value: string;
  onChange(period: string): void;
  /** The choice of every period, when there is one (a submission is always of one period). */
  allLabel?: string;
}) {
  const language = useStore((s) => s.language);
  const fiscalStart = useStore((s) => s.settings.fiscalYearStartMonth);
  const today = issueDay(new Date());
  const thisYear = Number(today.slice(0, 4));
  const years = [thisYear, thisYear - 1, thisYear - 2];
  // The fiscal year running now may end next year (from July on, with a July start): listed first.
  const runningFiscal = periodOf(today, 'fiscal', fiscalStart);
  const name = (p: string) => periodName(p, language, fiscalStart);
  const items = props.allLabel
    ? [
        <MenuItem key="all" value="">
          {props.allLabel}
        </MenuItem>,
      ]
    : [];
  for (const y of years) {
    items.push(<ListSubheader key={`h${y}`}>{y}</ListSubheader>);
    const fiscal = y === thisYear && runningFiscal !== `FY${y}` ? [runningFiscal, `FY${y}`] : [`FY${y}`];
    for (const p of [`${y}`, ...fiscal, `${y}-H1`, `${y}-H2`, `${y}-Q1`, `${y}-Q2`, `${y}-Q3`, `${y}-Q4`]) {
      items.push(
        <MenuItem key={p} value={p} data-period={p}>
          {name(p)}
        </MenuItem>,
      );
    }
  }
  return (
    <TextField
      select
      label={props.label}
      value={props.value}
      onChange={(e) => props.onChange(e.target.value)}
      sx={{ minWidth: 240, maxWidth: 320 }}
      slotProps={{ htmlInput: { 'data-testid': 'report-period' } }}
    >
      {items}
    </TextField>
  );
}
