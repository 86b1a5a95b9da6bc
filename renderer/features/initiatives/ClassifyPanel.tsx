/**
 * The classification assistant in the register: for each initiative not yet classified, the axes
 * proposed with their reasons («تدريب» → axis 5, or a classified initiative with a similar
 * title). The user accepts the first proposal, picks another, or accepts the first proposals of
 * the selected rows at once; nothing is written otherwise.
 */
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Reason } from '../../../db/core/classify';
import type { AxisProposals } from '../../../db/core/results';
import { call } from '../../api';
import { useAxisName, useFormatter } from '../../components/useFormatter';
import { useStore } from '../../stores';

/** At most this many rows at once: the rest come as these are classified. */
const SHOWN = 100;

export function ClassifyPanel(props: { selected: string[] }) {
  const { t } = useTranslation();
  const fmt = useFormatter();
  const axisName = useAxisName();
  const write = useStore((s) => s.write);
  const version = useStore((s) => s.version);
  const fail = useStore((s) => s.fail);
  const open = useStore((s) => s.initiatives.filter((i) => i.axes.length === 0).length);
  const [items, setItems] = useState<AxisProposals[] | null>(null);

  useEffect(() => {
    // Only the latest answer counts: a slower earlier one must not overwrite it.
    let current = true;
    call('initiatives.proposals', { limit: SHOWN }).then((r) => current && setItems(r), fail);
    return () => {
      current = false;
    };
  }, [version, fail]);

  if (!items || items.length === 0) return null;
  const reason = (r: Reason) =>
    r.kind === 'term' ? t('classify.term', { word: r.word }) : t('classify.similar', { code: r.code, title: r.title });
  const accept = (list: { id: string; axes: number[] }[]) =>
    void write('initiatives.classify', { items: list }, 'classify.done');
  const chosen = items.filter((i) => props.selected.includes(i.id) && i.proposals.length > 0);

  return (
    <Paper variant="outlined" sx={{ p: 1.5 }} data-testid="classify-panel">
      <Stack direction="row" spacing={2} alignItems="center" useFlexGap flexWrap="wrap" sx={{ mb: 1 }}>
        <Typography sx={{ fontWeight: 700 }}>{t('classify.title', { count: fmt.number(open) })}</Typography>
        <Typography variant="body2" color="text.secondary" sx={{ flex: 1, minWidth: 240 }}>
          {t('classify.body')}
        </Typography>
        <Button
          variant="contained"
          disabled={chosen.length === 0}
          onClick={() => accept(chosen.map((i) => ({ id: i.id, axes: [i.proposals[0]!.axis] })))}
          data-testid="classify-selected"
        >
          {t('classify.acceptSelected', { count: fmt.number(chosen.length) })}
        </Button>
      </Stack>
      <Stack spacing={0.5} sx={{ maxHeight: 260, overflowY: 'auto' }}>
        {items.slice(0, SHOWN).map((i) => (
          <Stack key={i.id} direction="row" spacing={1} alignItems="center" data-testid={`classify-${i.code}`}>
            <Typography variant="body2" dir="ltr" sx={{ minWidth: 80 }}>
              {i.code}
            </Typography>
            <Typography variant="body2" dir="auto" noWrap sx={{ flex: 1, minWidth: 160 }} title={i.title}>
              {i.title}
            </Typography>
            {i.proposals.length === 0 && (
              <Typography variant="body2" color="text.secondary">
                {t('classify.none')}
              </Typography>
            )}
            {i.proposals.slice(0, 3).map((p, k) => (
              <Tooltip key={p.axis} title={p.reasons.map(reason).join(' · ')}>
                <Chip
                  size="small"
                  color={k === 0 ? 'primary' : 'default'}
                  variant={k === 0 ? 'filled' : 'outlined'}
                  label={`${fmt.number(p.axis)}. ${axisName(p.axis)} — ${reason(p.reasons[0]!)}`}
                  onClick={() => accept([{ id: i.id, axes: [p.axis] }])}
                  aria-label={t('classify.acceptAxis', {
                    axis: `${fmt.number(p.axis)}. ${axisName(p.axis)}`,
                    code: i.code,
                  })}
                  sx={{ maxWidth: 360 }}
                />
              </Tooltip>
            ))}
          </Stack>
        ))}
      </Stack>
    </Paper>
  );
}
