import CalendarMonthIcon from '@mui/icons-material/CalendarMonth';
import IconButton from '@mui/material/IconButton';
import InputAdornment from '@mui/material/InputAdornment';
import TextField from '@mui/material/TextField';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { toWesternDigits } from '../../db/core/normalize';

/** ISO date ↔ the Date a grid's date column works with (local midnight, as the user sees it). */
export const toDate = (iso: string | null): Date | null => (iso ? new Date(`${iso}T00:00:00`) : null);
export const fromDate = (d: Date | null): string | null =>
  d && !Number.isNaN(d.getTime())
    ? `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`
    : null;

/** An ISO date as the office writes it: day/month/year. */
export const dayMonthYear = (iso: string | null): string =>
  iso ? `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}` : '';

/**
 * What was typed as an ISO date: day/month/year (with / - or . between, either digit set), or
 * year-month-day; null when empty, undefined when it is no date.
 */
export function parseDayMonthYear(text: string): string | null | undefined {
  const s = toWesternDigits(text).trim();
  if (s === '') return null;
  const dmy = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(s);
  const ymd = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s);
  const [y, m, d] = dmy ? [dmy[3], dmy[2], dmy[1]] : ymd ? [ymd[1], ymd[2], ymd[3]] : [];
  if (!y || !m || !d) return undefined;
  const iso = `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
  const date = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === iso ? iso : undefined;
}

/**
 * A date typed as day/month/year in both languages, whatever the system's regional format (the
 * browser's own date input follows Windows' and showed mm/dd/yyyy in the Arabic UI), with the
 * system's calendar a click away.
 */
export function DateField(props: {
  label: string;
  name: string;
  value: string | null;
  onChange(iso: string | null): void;
  error?: boolean;
  helperText?: string;
  /** Told whether the text typed is a date: a form must not save over one it cannot read. */
  onValidity?(ok: boolean): void;
}) {
  const { t } = useTranslation();
  const [text, setText] = useState(dayMonthYear(props.value));
  const picker = useRef<HTMLInputElement>(null);
  // A value set from outside (the calendar, a reset) shows as the office writes it.
  useEffect(() => {
    setText((now) => (parseDayMonthYear(now) === props.value ? now : dayMonthYear(props.value)));
  }, [props.value]);
  const bad = parseDayMonthYear(text) === undefined;
  const { onValidity } = props;
  useEffect(() => onValidity?.(!bad), [bad, onValidity]);
  return (
    <TextField
      label={props.label}
      name={props.name}
      value={text}
      placeholder={t('common.datePlaceholder')}
      error={bad || props.error}
      helperText={bad ? t('common.dateHint') : props.helperText}
      onChange={(e) => {
        setText(e.target.value);
        const iso = parseDayMonthYear(e.target.value);
        if (iso !== undefined) props.onChange(iso);
      }}
      slotProps={{
        inputLabel: { shrink: true },
        htmlInput: { dir: 'ltr', inputMode: 'numeric' },
        input: {
          endAdornment: (
            <InputAdornment position="end">
              <IconButton
                size="small"
                edge="end"
                aria-label={t('common.calendar')}
                title={t('common.calendar')}
                onClick={() => picker.current?.showPicker()}
              >
                <CalendarMonthIcon fontSize="small" />
              </IconButton>
              <input
                ref={picker}
                type="date"
                tabIndex={-1}
                aria-hidden
                value={props.value ?? ''}
                onChange={(e) => props.onChange(e.target.value || null)}
                style={{ position: 'absolute', opacity: 0, width: 0, height: 0, pointerEvents: 'none' }}
              />
            </InputAdornment>
          ),
        },
      }}
    />
  );
}
