import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';

/**
 * A drop-down inside a table row: a first, empty choice that means "none" (ignore the column,
 * create a new place…), then the options. Labelled for screen readers and tests by `label`.
 */
export function ChoiceSelect(props: {
  label: string;
  value: string;
  none: string;
  options: { value: string; label: string }[];
  onChange(value: string): void;
  minWidth?: number;
}) {
  return (
    <TextField
      select
      size="small"
      value={props.value}
      onChange={(e) => props.onChange(e.target.value)}
      slotProps={{ htmlInput: { 'aria-label': props.label } }}
      sx={{ minWidth: props.minWidth ?? 240 }}
    >
      <MenuItem value="">
        <em>{props.none}</em>
      </MenuItem>
      {props.options.map((o) => (
        <MenuItem key={`${o.value}|${o.label}`} value={o.value}>
          {o.label}
        </MenuItem>
      ))}
    </TextField>
  );
}
