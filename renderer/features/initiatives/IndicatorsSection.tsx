import AddIcon from '@mui/icons-material/Add';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import { useTheme } from '@mui/material/styles';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { SparkLineChart } from '@mui/x-charts/SparkLineChart';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { periodName } from '../../../db/core/report-text';
import { RowActions } from '../../components/RowActions';
import { useFormatter } from '../../components/useFormatter';
import { useStore } from '../../stores';
import { IndicatorDialog } from './IndicatorDialog';
import { achievement, type EditedIndicator, inPeriodOrder } from './indicators';

const MAX_INDICATORS = 50;

/** An indicator's name, its unit under it. */
function NameCell(props: { name: string; unit: string | null | undefined }) {
  return (
    <TableCell sx={{ minWidth: 200 }}>
      {props.name}
      {props.unit && (
        <Typography variant="caption" color="text.secondary" component="div">
          {props.unit}
        </Typography>
      )}
    </TableCell>
  );
}

/**
 * An initiative's indicators in its editor: baseline, target, the latest actual value, how far
 * it has come, and a small trend of the actual values (read in the direction of the page). They
 * are the editor's until it is saved: added, changed or removed here, all saved with the
 * initiative, and none if the editor is cancelled.
 */
export function IndicatorsSection(props: {
  /** Null while an existing initiative's indicators are being read. */
  list: EditedIndicator[] | null;
  onChange(list: EditedIndicator[]): void;
}) {
  const { t } = useTranslation();
  const fmt = useFormatter();
  const rtl = useTheme().direction === 'rtl';
  const language = useStore((s) => s.language);
  const fiscal = useStore((s) => s.settings.fiscalYearStartMonth);
  const [editing, setEditing] = useState<number | 'new' | null>(null);
  const list = props.list ?? [];
  const period = (p: string) => periodName(p, language, fiscal);
  const figure = (n: number | null) => (n === null ? '—' : fmt.number(n));
  return (
    <Box sx={{ mt: 3 }} data-testid="indicators">
      <Stack direction="row" alignItems="center" sx={{ mb: 1 }}>
        <Typography variant="subtitle1" component="h3" sx={{ flexGrow: 1, fontWeight: 700 }}>
          {t('indicators.title')}
        </Typography>
        <Button
          startIcon={<AddIcon />}
          onClick={() => setEditing('new')}
          // The most one save takes (the contract's limit).
          disabled={props.list === null || list.length >= MAX_INDICATORS}
          data-testid="add-indicator"
        >
          {t('indicators.add')}
        </Button>
      </Stack>
      <Typography variant="caption" color="text.secondary" component="p" sx={{ mb: 1 }}>
        {t('indicators.pendingHint')}
      </Typography>
      {props.list !== null && list.length === 0 ? (
        <Typography color="text.secondary">{t('indicators.none')}</Typography>
      ) : (
        <Table size="small" data-testid="indicator-table">
          <TableHead>
            <TableRow>
              <TableCell>{t('indicators.name')}</TableCell>
              <TableCell align="center">{t('indicators.baseline')}</TableCell>
              <TableCell align="center">{t('indicators.target')}</TableCell>
              <TableCell align="center">{t('indicators.latest')}</TableCell>
              <TableCell align="center" title={t('indicators.achievementHint')}>
                {t('indicators.achievement')}
              </TableCell>
              <TableCell align="center">{t('indicators.trend')}</TableCell>
              <TableCell>{t('common.actions')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {list.map((i, n) => {
              const sorted = inPeriodOrder(i.values);
              const latest = sorted.at(-1);
              const done = achievement(i);
              return (
                <TableRow key={i.id ?? `new#${n}`} data-testid="indicator-row">
                  <NameCell name={i.name} unit={i.unit} />
                  <TableCell align="center">{figure(i.baseline)}</TableCell>
                  <TableCell align="center">{figure(i.target)}</TableCell>
                  <TableCell align="center" sx={{ whiteSpace: 'nowrap' }}>
                    {latest ? figure(latest.value) : '—'}
                    {latest && (
                      <Typography variant="caption" color="text.secondary" component="div">
                        {period(latest.period)}
                      </Typography>
                    )}
                  </TableCell>
                  <TableCell align="center" data-testid="indicator-achievement">
                    {done === null ? '—' : fmt.percent(done)}
                  </TableCell>
                  <TableCell align="center" aria-label={t('indicators.trendLabel', { name: i.name })}>
                    {sorted.length > 1 ? (
                      <SparkLineChart
                        data={sorted.map((v) => v.value)}
                        xAxis={{ scaleType: 'point', data: sorted.map((v) => period(v.period)), reverse: rtl }}
                        width={110}
                        height={32}
                        showHighlight
                        showTooltip
                        valueFormatter={(v) => (v === null ? '' : fmt.number(v))}
                      />
                    ) : (
                      '—'
                    )}
                  </TableCell>
                  <RowActions
                    name={i.name}
                    onEdit={() => setEditing(n)}
                    onDelete={() => props.onChange(list.filter((_, k) => k !== n))}
                  />
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      )}
      {editing !== null && (
        <IndicatorDialog
          indicator={editing === 'new' ? 'new' : list[editing]!}
          onClose={() => setEditing(null)}
          onSave={(input) => {
            // An edited indicator keeps its id, so the save updates it rather than making another.
            props.onChange(
              editing === 'new'
                ? [...list, input]
                : list.map((x, k) => (k === editing ? (x.id ? { id: x.id, ...input } : input) : x)),
            );
            setEditing(null);
          }}
        />
      )}
    </Box>
  );
}
