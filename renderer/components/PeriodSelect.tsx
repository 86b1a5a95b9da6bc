import ListSubheader from '@mui/material/ListSubheader';
import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import { periodName } from '../../db/core/report-text';
import { useStore } from '../stores';

/**
 * The period a report covers, picked from one list: everything, then by year (newest first) the
 * year, the fiscal year ending in it, its halves and its quarters, named as the cover names them.
 */
export function PeriodSelect(props: {
  label: string;
  value: string;
  onChange(period: string): void;
  allLabel: string;
}) {
  const language = useStore((s) => s.language);
  const fiscalStart = useStore((s) => s.settings.fiscalYearStartMonth);
  const thisYear = new Date().getFullYear();
  const years = [thisYear, thisYear - 1, thisYear - 2];
  const name = (p: string) => periodName(p, language, fiscalStart);
  const items = [
    <MenuItem key="all" value="">
      {props.allLabel}
    </MenuItem>,
  ];
  for (const y of years) {
    items.push(<ListSubheader key={`h${y}`}>{y}</ListSubheader>);
    for (const p of [`${y}`, `FY${y}`, `${y}-H1`, `${y}-H2`, `${y}-Q1`, `${y}-Q2`, `${y}-Q3`, `${y}-Q4`]) {
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
      sx={{ minWidth: 240 }}
      slotProps={{ htmlInput: { 'data-testid': 'report-period' } }}
    >
      {items}
    </TextField>
  );
}
