import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';

/**
 * A drop-down filter of a screen's filter bar. A long region or cluster name (89 characters is
 * a real one) neither stretches the bar nor runs under its neighbours: the chosen name ends in an
 * ellipsis and shows whole on hover, and the list wraps long names in a bounded width.
 */
export function FilterSelect(props: {
  label: string;
  value: string;
  onChange(value: string): void;
  /** The empty choice's label: no filter. */
  none: string;
  options: { value: string; label: string; indent?: boolean }[];
  testId: string;
}) {
  const labelOf = (v: unknown) => (v === '' ? props.none : (props.options.find((o) => o.value === v)?.label ?? ''));
  return (
    <TextField
      select
      size="small"
      fullWidth={false}
      label={props.label}
      value={props.value}
      onChange={(e) => props.onChange(e.target.value)}
      sx={{ minWidth: 170, maxWidth: 260 }}
      data-testid={props.testId}
      slotProps={{
        select: {
          displayEmpty: true,
          renderValue: (v) => <span title={labelOf(v)}>{labelOf(v)}</span>,
          MenuProps: { slotProps: { paper: { sx: { maxWidth: 440 } } } },
        },
        inputLabel: { shrink: true },
      }}
    >
      <MenuItem value="">{props.none}</MenuItem>
      {props.options.map((o) => (
        <MenuItem key={o.value} value={o.value} sx={{ whiteSpace: 'normal', ...(o.indent ? { pl: 4 } : {}) }}>
          {o.label}
        </MenuItem>
      ))}
    </TextField>
  );
}
