import Button from '@mui/material/Button';
import CheckBoxIcon from '@mui/icons-material/CheckBox';
import CheckBoxOutlineBlankIcon from '@mui/icons-material/CheckBoxOutlineBlank';
import ListItemIcon from '@mui/material/ListItemIcon';
import ListItemText from '@mui/material/ListItemText';
import Menu from '@mui/material/Menu';
import MenuItem from '@mui/material/MenuItem';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RuleId } from '../../../db/core/model';
import type { Finding } from '../../../db/core/results';
import { useFormatter } from '../../components/useFormatter';

/** The rules a dot on the matrix can stand for (R1's gaps are the dashed cells themselves). */
const MARKING: readonly RuleId[] = ['R2', 'R3', 'R4', 'R5', 'R6'];
/**
 * Marked unless the user says otherwise: the findings that call for action now, in execution
 * (work overdue, over budget or behind its indicators). With every rule on, the demo's findings
 * put a dot on most cells and the dots stopped meaning anything.
 */
export const ACTION_RULES: ReadonlySet<RuleId> = new Set<RuleId>(['R6']);

/** Which rules mark the matrix, and how many findings that puts on it. */
export function MarksChoice(props: {
  findings: readonly Finding[];
  rules: ReadonlySet<RuleId>;
  onChange(rules: ReadonlySet<RuleId>): void;
}) {
  const { t } = useTranslation();
  const fmt = useFormatter();
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const shown = props.findings.filter((f) => f.rule !== 'R1' && props.rules.has(f.rule)).length;
  const all = props.findings.filter((f) => f.rule !== 'R1').length;
  return (
    <>
      <Button
        size="small"
        onClick={(e) => setAnchor(e.currentTarget)}
        aria-haspopup="menu"
        data-testid="matrix-marks"
        sx={{ textTransform: 'none' }}
      >
        {t('matrix.marks', { shown: fmt.number(shown), all: fmt.number(all) })}
      </Button>
      <Menu anchorEl={anchor} open={anchor !== null} onClose={() => setAnchor(null)}>
        {MARKING.map((rule) => (
          <MenuItem
            key={rule}
            dense
            role="menuitemcheckbox"
            aria-checked={props.rules.has(rule)}
            onClick={() => {
              const next = new Set(props.rules);
              if (!next.delete(rule)) next.add(rule);
              props.onChange(next);
            }}
            data-testid={`marks-${rule}`}
          >
            {/* Drawn only: the item itself is the checkbox a reader hears (a real one inside would be a control in a control). */}
            <ListItemIcon>
              {props.rules.has(rule) ? <CheckBoxIcon color="primary" /> : <CheckBoxOutlineBlankIcon />}
            </ListItemIcon>
            <ListItemText
              primary={`${rule} — ${t(`findings.rules.${rule}`)}`}
              secondary={fmt.number(props.findings.filter((f) => f.rule === rule).length)}
            />
          </MenuItem>
        ))}
      </Menu>
    </>
  );
}
