import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditEntry } from '../../db/core/model';
import { call } from '../api';
import { useStore } from '../stores';
import { useFormatter } from './useFormatter';

/** Where a record's field names are labelled, by the audit's entity name. */
const LABELS: Record<string, string> = {
  initiative: 'initiatives',
  cluster: 'clusters',
  region: 'regions',
  sector: 'sectors',
  indicator: 'indicators',
};
/** Fields whose label lives elsewhere, or whose name is also a screen's title. */
const FIELD_KEYS: Record<string, string> = {
  title: 'initiatives.titleField',
  code: 'common.code',
  notes: 'common.notes',
  nameAr: 'common.nameAr',
  nameEn: 'common.nameEn',
  clusterId: 'initiatives.cluster',
  regionId: 'initiatives.region',
  sectorId: 'sectors.label',
  parentId: 'regions.parent',
};
const MONEY = new Set(['plannedBudget', 'spent']);
const SKIP = new Set(['id', 'createdAt', 'updatedAt']);

/** A record's history: every change, when, from where (screens, import, command line), and what. */
export function HistoryDialog(props: { entity: string; entityId: string; name: string; onClose(): void }) {
  const { t, i18n } = useTranslation();
  const fmt = useFormatter();
  const fail = useStore((s) => s.fail);
  const [entries, setEntries] = useState<AuditEntry[] | null>(null);
  useEffect(() => {
    call('audit.list', { entity: props.entity, entityId: props.entityId, limit: 200 }).then(setEntries).catch(fail);
  }, [props.entity, props.entityId, fail]);

  const label = (field: string) => {
    if (FIELD_KEYS[field]) return t(FIELD_KEYS[field]);
    const key = `${LABELS[props.entity] ?? props.entity}.${field}`;
    return i18n.exists(key) ? t(key) : i18n.exists(`common.${field}`) ? t(`common.${field}`) : field;
  };
  const show = (field: string, v: unknown): string => {
    if (v === null || v === undefined || v === '') return '—';
    if (MONEY.has(field) && typeof v === 'number') return fmt.money(v);
    if (field === 'status' && typeof v === 'string') return t(`enums.status.${v}`);
    if (typeof v === 'boolean') return t(v ? 'common.yes' : 'common.no');
    if (typeof v === 'number') return fmt.number(v);
    if (Array.isArray(v)) return v.map((x) => (typeof x === 'object' ? JSON.stringify(x) : String(x))).join('، ');
    const s = String(v);
    return s.length > 60 ? `${s.slice(0, 60)}…` : s;
  };
  /** The fields an edit changed, old → new. */
  const changes = (e: AuditEntry): string[] => {
    const before = (e.before ?? {}) as Record<string, unknown>;
    const after = (e.after ?? {}) as Record<string, unknown>;
    if (e.action !== 'update') return [];
    return Object.keys(after)
      .filter((k) => !SKIP.has(k) && JSON.stringify(before[k]) !== JSON.stringify(after[k]))
      .map((k) => t('history.field', { field: label(k), before: show(k, before[k]), after: show(k, after[k]) }));
  };

  return (
    <Dialog open onClose={props.onClose} fullWidth maxWidth="md" aria-labelledby="history-title">
      <DialogTitle id="history-title">{t('history.open', { name: props.name })}</DialogTitle>
      <DialogContent dividers data-testid="history">
        {entries?.length === 0 && <Typography color="text.secondary">{t('history.empty')}</Typography>}
        {entries && entries.length > 0 && (
          <Table size="small">
            <TableHead>
              <TableRow>
                <TableCell>{t('history.when')}</TableCell>
                <TableCell>{t('history.source')}</TableCell>
                <TableCell>{t('history.action')}</TableCell>
                <TableCell>{t('history.details')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {entries.map((e) => (
                <TableRow key={e.id} data-testid="history-entry" sx={e.undone ? { opacity: 0.6 } : undefined}>
                  <TableCell sx={{ whiteSpace: 'nowrap' }}>{fmt.moment(e.at)}</TableCell>
                  <TableCell>{t(`history.sources.${e.source}`)}</TableCell>
                  <TableCell>
                    {t(`history.actions.${e.action}`)}
                    {e.undone && <Chip size="small" label={t('history.undoneMark')} sx={{ mx: 1 }} />}
                  </TableCell>
                  <TableCell>
                    {changes(e).map((line) => (
                      <div key={line}>{line}</div>
                    ))}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={props.onClose}>{t('common.close')}</Button>
      </DialogActions>
    </Dialog>
  );
}
