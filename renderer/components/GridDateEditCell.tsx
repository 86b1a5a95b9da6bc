import InputBase from '@mui/material/InputBase';
import { type GridRenderEditCellParams, useGridApiContext } from '@mui/x-data-grid';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { dayMonthYear, fromDate, parseDayMonthYear, toDate } from './DateField';

/**
 * A date edited in a grid cell as the office writes it, day/month/year, whatever the system's
 * regional format (the grid's own editor is the browser's date input, which follows Windows').
 * The cell's value is a Date at local midnight, as the column's getter gives it; text that is
 * no date is shown in red and is not saved.
 */
export function GridDateEditCell(props: GridRenderEditCellParams) {
  const { t } = useTranslation();
  const api = useGridApiContext();
  const [text, setText] = useState(() => dayMonthYear(props.value instanceof Date ? fromDate(props.value) : null));
  const bad = parseDayMonthYear(text) === undefined;
  return (
    <InputBase
      autoFocus
      fullWidth
      value={text}
      error={bad}
      placeholder={t('common.datePlaceholder')}
      inputProps={{
        dir: 'ltr',
        inputMode: 'numeric',
        'aria-label': String(props.colDef.headerName ?? props.field),
        'aria-invalid': bad,
      }}
      sx={{ px: 1, height: '100%', color: bad ? 'error.main' : undefined }}
      onChange={(e) => {
        setText(e.target.value);
        const next = parseDayMonthYear(e.target.value);
        // Text that is no date is held as an invalid Date, so that the save refuses it rather
        // than keeping what the last readable keystroke made (a cleared date, 03/03 for 32/03).
        void api.current.setEditCellValue({
          id: props.id,
          field: props.field,
          value: next === undefined ? new Date(Number.NaN) : toDate(next),
        });
      }}
    />
  );
}
