import StarIcon from '@mui/icons-material/Star';
import StarBorderIcon from '@mui/icons-material/StarBorder';
import Checkbox from '@mui/material/Checkbox';
import FormControl from '@mui/material/FormControl';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormHelperText from '@mui/material/FormHelperText';
import FormLabel from '@mui/material/FormLabel';
import IconButton from '@mui/material/IconButton';
import Stack from '@mui/material/Stack';
import Tooltip from '@mui/material/Tooltip';
import { useTranslation } from 'react-i18next';
import { useAxisName, useFormatter } from '../../components/useFormatter';

/** The seven axes as check boxes, with a star to mark the primary one. */
export function AxesField(props: {
  axes: number[];
  /** Null with no axis: the initiative is not yet classified. */
  primaryAxis: number | null;
  error: string | null;
  onChange(axes: number[], primaryAxis: number | null): void;
}) {
  const { t } = useTranslation();
  const fmt = useFormatter();
  const axisName = useAxisName();
  const toggle = (axis: number, on: boolean) => {
    const axes = on ? [...props.axes, axis].sort((a, b) => a - b) : props.axes.filter((a) => a !== axis);
    const primary =
      props.primaryAxis !== null && axes.includes(props.primaryAxis) ? props.primaryAxis : (axes[0] ?? null);
    props.onChange(axes, primary);
  };
  return (
    <FormControl component="fieldset" error={props.error !== null} fullWidth>
      <FormLabel component="legend">{t('initiatives.axes')}</FormLabel>
      {[1, 2, 3, 4, 5, 6, 7].map((axis) => {
        const on = props.axes.includes(axis);
        const primary = on && props.primaryAxis === axis;
        return (
          <Stack key={axis} direction="row" alignItems="center">
            <FormControlLabel
              sx={{ flexGrow: 1 }}
              control={<Checkbox checked={on} onChange={(e) => toggle(axis, e.target.checked)} name={`axis${axis}`} />}
              label={`${fmt.number(axis)}. ${axisName(axis, true)}`}
            />
            <Tooltip title={t('initiatives.primaryAxis')}>
              <span>
                <IconButton
                  size="small"
                  disabled={!on}
                  aria-pressed={primary}
                  aria-label={`${t('initiatives.primaryAxis')}: ${axisName(axis)}`}
                  onClick={() => props.onChange(props.axes, axis)}
                >
                  {primary ? <StarIcon color="secondary" /> : <StarBorderIcon />}
                </IconButton>
              </span>
            </Tooltip>
          </Stack>
        );
      })}
      <FormHelperText>
        {props.error ?? (props.axes.length === 0 ? t('initiatives.noAxesHint') : t('initiatives.axesHint'))}
      </FormHelperText>
    </FormControl>
  );
}
