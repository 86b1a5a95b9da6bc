import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChangesDetail, GapPlace } from '../../../db/core/results';
import { call } from '../../api';
import { useAxisName, useFormatter, useLocalName } from '../../components/useFormatter';
import { useStore } from '../../stores';

/**
 * What the changes since the last submission move, asked for when wanted (it recomputes the
 * matrix of the submission): budget by axis before and after, gaps closed and opened, and the
 * indicator values added or changed.
 */
export function ChangesDetails() {
  const { t } = useTranslation();
  const fmt = useFormatter();
  const axisName = useAxisName();
  const localName = useLocalName();
  const fail = useStore((s) => s.fail);
  const [detail, setDetail] = useState<ChangesDetail | null>(null);
  const gap = (g: GapPlace) =>
    `${localName({ nameAr: g.regionAr, nameEn: g.regionEn })} — ${localName({ nameAr: g.clusterAr, nameEn: g.clusterEn })} — ${fmt.number(g.axis)}. ${axisName(g.axis)}`;
  if (!detail) {
    return (
      <div>
        <Button
          size="small"
          data-testid="changes-details"
          onClick={() =>
            void call('submissions.get', {})
              .then((r) => setDetail(r.detail))
              .catch(fail)
          }
        >
          {t('changesSheet.details')}
        </Button>
      </div>
    );
  }
  return (
    <Stack spacing={1} data-testid="changes-detail">
      <Table size="small" sx={{ maxWidth: 720 }}>
        <TableHead>
          <TableRow>
            <TableCell>{t('matrix.budget')}</TableCell>
            <TableCell align="right">{t('changesSheet.before')}</TableCell>
            <TableCell align="right">{t('changesSheet.after')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {detail.budgetByAxis.map((b) => (
            <TableRow key={b.axis} sx={b.before !== b.after ? { '& td': { fontWeight: 700 } } : undefined}>
              <TableCell>
                {fmt.number(b.axis)}. {axisName(b.axis)}
              </TableCell>
              <TableCell align="right">{fmt.money(b.before)}</TableCell>
              <TableCell align="right">{fmt.money(b.after)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {(
        [
          ['changesSheet.gapClosed', detail.gapsClosed.map(gap)],
          ['changesSheet.gapOpened', detail.gapsOpened.map(gap)],
          [
            'changesSheet.value',
            detail.indicatorValues.map(
              (v) =>
                `${v.code} — ${v.indicator} — ${v.period}: ${v.before === null ? '—' : fmt.number(v.before)} → ${fmt.number(v.after)}`,
            ),
          ],
        ] as const
      ).map(([key, lines]) => (
        <div key={key}>
          <Typography variant="subtitle2">
            {t(key)} ({fmt.number(lines.length)})
          </Typography>
          {lines.map((line) => (
            <Typography variant="body2" key={line}>
              {line}
            </Typography>
          ))}
        </div>
      ))}
    </Stack>
  );
}
