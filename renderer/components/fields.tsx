import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';

/**
 * A drop-down of one of the model's fixed value lists, labelled from `enums.<group>`, or by
 * message keys of its own (`labels`) where the values are not an enum of the portfolio.
 */
export function EnumSelect<T extends string>(props: {
  label: string;
  name?: string;
  value: T;
  options: readonly T[];
  group?: 'status' | 'formality' | 'quality' | 'marketing' | 'unido';
  labels?: Record<T, string>;
  onChange(value: T): void;
}) {
  const { t } = useTranslation();
  return (
    <TextField
      select
      label={props.label}
      name={props.name}
      value={props.value}
      onChange={(e) => props.onChange(e.target.value as T)}
    >
      {props.options.map((v) => (
        <MenuItem key={v} value={v}>
          {t(props.labels ? props.labels[v] : `enums.${props.group}.${v}`)}
        </MenuItem>
      ))}
    </TextField>
  );
}

/**
 * Props for the text and whole-number fields of a form over a draft object, so every form binds,
 * labels and reports errors the same way. `help` adds an error or warning text per field.
 */
export function fieldBinder<D extends object>(
  t: TFunction,
  draft: D,
  set: <K extends keyof D>(k: K, v: D[K]) => void,
  help: (k: keyof D) => { error?: boolean; helperText?: string } = () => ({}),
) {
  return {
    text: (k: keyof D & string, label: string, multiline = false) => ({
      label: t(label),
      name: k,
      value: String(draft[k] ?? ''),
      multiline,
      minRows: multiline ? 2 : undefined,
      onChange: (e: { target: { value: string } }) => set(k, e.target.value as D[typeof k]),
      ...help(k),
    }),
    count: (k: keyof D & string, label: string, max?: number) => ({
      label: t(label),
      name: k,
      type: 'number',
      value: draft[k] as number,
      slotProps: { htmlInput: { min: 0, max } },
      onChange: (e: { target: { value: string } }) =>
        set(k, Math.max(0, Math.floor(Number(e.target.value) || 0)) as D[typeof k]),
      ...help(k),
    }),
    /** A record's code: typed left to right; the hint says an empty one is given by the program. */
    code: (k: keyof D & string) => {
      const shown = help(k);
      return {
        label: t('common.code'),
        name: k,
        value: String(draft[k] ?? ''),
        onChange: (e: { target: { value: string } }) => set(k, e.target.value as D[typeof k]),
        slotProps: { htmlInput: { dir: 'ltr' } },
        ...shown,
        helperText: shown.helperText ?? t('common.codeHint'),
      };
    },
    /** A calendar date for a DateField, stored as an ISO date or null when cleared. */
    date: (k: keyof D & string, label: string) => ({
      label: t(label),
      name: k,
      value: (draft[k] as string | null) ?? null,
      onChange: (iso: string | null) => set(k, iso as D[typeof k]),
      ...help(k),
    }),
  };
}
