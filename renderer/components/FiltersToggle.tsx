import FilterListIcon from '@mui/icons-material/FilterList';
import Button from '@mui/material/Button';
import { useTranslation } from 'react-i18next';
import { useFormatter } from './useFormatter';

/** Opens and closes a screen's bar of filters, and says how many are set (closed, the table has their room). */
export function FiltersToggle(props: { open: boolean; active: number; onToggle(): void; testId: string }) {
  const { t } = useTranslation();
  const fmt = useFormatter();
  return (
    <Button
      size="small"
      variant={props.open ? 'contained' : 'outlined'}
      startIcon={<FilterListIcon />}
      onClick={props.onToggle}
      aria-expanded={props.open}
      data-testid={props.testId}
    >
      {props.active > 0 ? t('matrix.filtersCount', { formatted: fmt.number(props.active) }) : t('matrix.filters')}
    </Button>
  );
}
