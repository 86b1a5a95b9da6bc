import DeleteIcon from '@mui/icons-material/Delete';
import EditIcon from '@mui/icons-material/Edit';
import HistoryIcon from '@mui/icons-material/History';
import MoreVertIcon from '@mui/icons-material/MoreVert';
import IconButton from '@mui/material/IconButton';
import ListItemIcon from '@mui/material/ListItemIcon';
import Menu from '@mui/material/Menu';
import MenuItem from '@mui/material/MenuItem';
import TableCell from '@mui/material/TableCell';
import Tooltip from '@mui/material/Tooltip';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

interface Actions {
  name: string;
  onEdit(): void;
  onDelete(): void;
  onHistory?(): void;
}

/**
 * A record's actions in little room: editing one click away, deleting and the history in a menu
 * (three icons in a row pushed the last ones off a 1366-pixel screen), each named on hover.
 */
export function ActionIcons(props: Actions) {
  const { t } = useTranslation();
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const run = (fn: () => void) => () => {
    setAnchor(null);
    fn();
  };
  return (
    <>
      <Tooltip title={t('common.edit')}>
        <IconButton size="small" aria-label={`${t('common.edit')} ${props.name}`} onClick={props.onEdit}>
          <EditIcon fontSize="small" />
        </IconButton>
      </Tooltip>
      <Tooltip title={t('common.more')}>
        <IconButton
          size="small"
          aria-label={`${t('common.more')}: ${props.name}`}
          aria-haspopup="menu"
          onClick={(e) => setAnchor(e.currentTarget)}
        >
          <MoreVertIcon fontSize="small" />
        </IconButton>
      </Tooltip>
      <Menu anchorEl={anchor} open={anchor !== null} onClose={() => setAnchor(null)}>
        {props.onHistory && (
          <MenuItem onClick={run(props.onHistory)}>
            <ListItemIcon>
              <HistoryIcon fontSize="small" />
            </ListItemIcon>
            {t('history.open', { name: props.name })}
          </MenuItem>
        )}
        <MenuItem onClick={run(props.onDelete)} sx={{ color: 'error.main' }}>
          <ListItemIcon>
            <DeleteIcon fontSize="small" color="error" />
          </ListItemIcon>
          {`${t('common.delete')} ${props.name}`}
        </MenuItem>
      </Menu>
    </>
  );
}

/** The actions of a table's row, in its last cell. */
export function RowActions(props: Actions) {
  return (
    <TableCell sx={{ whiteSpace: 'nowrap', width: 1 }}>
      <ActionIcons {...props} />
    </TableCell>
  );
}
