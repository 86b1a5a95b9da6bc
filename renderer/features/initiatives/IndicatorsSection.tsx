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
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Indicator } from '../../../db/core/model';
import { call } from '../../api';
import { ConfirmDelete } from '../../components/ConfirmDialog';
import { RowActions } from '../../components/RowActions';
import DeleteIcon from '@mui/icons-material/Delete';
import IconButton from '@mui/material/IconButton';
import { useFormatter } from '../../components/useFormatter';
import { useStore } from '../../stores';
import { IndicatorDialog } from './IndicatorDialog';
import { achievement, type IndicatorInput, inPeriodOrder } from './indicators';

/** An indicator's name, its unit under it. */
function NameCell(props: { name: string; unit: string | null | undefined }) {
  return (
    <TableCell>
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
 * it has come, and a small trend of the actual values (read in the direction of the page).
 */
export function IndicatorsSection(props: {
  initiativeId: string | null;
  /** A new initiative's indicators, kept in its editor until it is saved. */
  pending?: IndicatorInput[];
  onPending?(list: IndicatorInput[]): void;
}) {
  const { t } = useTranslation();
  const fmt = useFormatter();
  const rtl = useTheme().direction === 'rtl';
  const fail = useStore((s) => s.fail);
  const write = useStore((s) => s.write);
  const [list, setList] = useState<Indicator[]>([]);
  const [version, setVersion] = useState(0);
  const [editing, setEditing] = useState<Indicator | 'new' | null>(null);
  const [deleting, setDeleting] = useState<Indicator | null>(null);
  const id = props.initiativeId;
  useEffect(() => {
    if (id) call('indicators.list', { initiativeId: id }).then(setList).catch(fail);
  }, [id, version, fail]);

  const figure = (n: number | null) => (n === null ? '—' : fmt.number(n));
  return (
    <Box sx={{ mt: 3 }} data-testid="indicators">
      <Stack direction="row" alignItems="center" sx={{ mb: 1 }}>
        <Typography variant="subtitle1" component="h3" sx={{ flexGrow: 1, fontWeight: 700 }}>
          {t('indicators.title')}
        </Typography>
        {(id || props.onPending) && (
          <Button startIcon={<AddIcon />} onClick={() => setEditing('new')} data-testid="add-indicator">
            {t('indicators.add')}
          </Button>
        )}
      </Stack>
      <Typography variant="caption" color="text.secondary" component="p" sx={{ mb: 1 }}>
        {t(id ? 'indicators.savedAsYouGo' : 'indicators.pendingHint')}
      </Typography>
      {!id ? (
        (props.pending ?? []).length === 0 ? (
          <Typography color="text.secondary">{t('indicators.none')}</Typography>
        ) : (
          <Table size="small" data-testid="pending-indicators">
            <TableHead>
              <TableRow>
                <TableCell>{t('indicators.name')}</TableCell>
                <TableCell align="center">{t('indicators.baseline')}</TableCell>
                <TableCell align="center">{t('indicators.target')}</TableCell>
                <TableCell>{t('common.actions')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {(props.pending ?? []).map((i, n) => (
                <TableRow key={`${i.name}#${n}`} data-testid="indicator-row">
                  <NameCell name={i.name} unit={i.unit} />
                  <TableCell align="center">{figure(i.baseline)}</TableCell>
                  <TableCell align="center">{figure(i.target)}</TableCell>
                  <TableCell>
                    <IconButton
                      size="small"
                      aria-label={`${t('common.delete')} ${i.name}`}
                      title={t('common.delete')}
                      onClick={() => props.onPending?.((props.pending ?? []).filter((_, k) => k !== n))}
                    >
                      <DeleteIcon fontSize="small" />
                    </IconButton>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )
      ) : list.length === 0 ? (
        <Typography color="text.secondary">{t('indicators.none')}</Typography>
      ) : (
        <Table size="small">
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
            {list.map((i) => {
              const sorted = inPeriodOrder(i.values);
              const latest = sorted.at(-1);
              const done = achievement(i);
              return (
                <TableRow key={i.id} data-testid="indicator-row">
                  <NameCell name={i.name} unit={i.unit} />
                  <TableCell align="center">{figure(i.baseline)}</TableCell>
                  <TableCell align="center">{figure(i.target)}</TableCell>
                  <TableCell align="center">
                    {latest ? (
                      <>
                        {figure(latest.value)} (<bdi dir="ltr">{latest.period}</bdi>)
                      </>
                    ) : (
                      '—'
                    )}
                  </TableCell>
                  <TableCell align="center" data-testid="indicator-achievement">
                    {done === null ? '—' : fmt.percent(done)}
                  </TableCell>
                  <TableCell align="center" aria-label={t('indicators.trendLabel', { name: i.name })}>
                    {sorted.length > 1 ? (
                      <SparkLineChart
                        data={sorted.map((v) => v.value)}
                        xAxis={{ scaleType: 'point', data: sorted.map((v) => v.period), reverse: rtl }}
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
                  <RowActions name={i.name} onEdit={() => setEditing(i)} onDelete={() => setDeleting(i)} />
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      )}
      {editing && (id || props.onPending) && (
        <IndicatorDialog
          initiativeId={id}
          indicator={editing}
          {...(id ? {} : { onLocal: (input: IndicatorInput) => props.onPending?.([...(props.pending ?? []), input]) })}
          onClose={(saved) => {
            setEditing(null);
            if (saved) setVersion((v) => v + 1);
          }}
        />
      )}
      <ConfirmDelete
        name={deleting?.name ?? null}
        onCancel={() => setDeleting(null)}
        onConfirm={() => {
          const target = deleting;
          setDeleting(null);
          if (target)
            void write('indicators.delete', { id: target.id }, 'indicators.deleted').then(() =>
              setVersion((v) => v + 1),
            );
        }}
      />
    </Box>
  );
}
