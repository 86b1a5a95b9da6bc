import DeleteIcon from '@mui/icons-material/Delete';
import EditIcon from '@mui/icons-material/Edit';
import HistoryIcon from '@mui/icons-material/History';
import IconButton from '@mui/material/IconButton';
import TableCell from '@mui/material/TableCell';
import { useTranslation } from 'react-i18next';

/** A table row's edit and delete buttons, each named with what it acts on for screen readers. */
export function RowActions(props: { name: string; onEdit(): void; onDelete(): void; onHistory?(): void }) {
  const { t } = useTranslation();
  return (
    <TableCell sx={{ whiteSpace: 'nowrap' }}>
      <IconButton aria-label={`${t('common.edit')} ${props.name}`} onClick={props.onEdit}>
        <EditIcon fontSize="small" />
      </IconButton>
      <IconButton aria-label={`${t('common.delete')} ${props.name}`} onClick={props.onDelete}>
        <DeleteIcon fontSize="small" />
      </IconButton>
      {props.onHistory && (
        <IconButton aria-label={t('history.open', { name: props.name })} onClick={props.onHistory}>
          <HistoryIcon fontSize="small" />
        </IconButton>
      )}
    </TableCell>
  );
}
