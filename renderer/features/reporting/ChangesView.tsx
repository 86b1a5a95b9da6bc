import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';
import Typography from '@mui/material/Typography';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldLabel, fieldText } from '../../../db/core/format';
import { periodName } from '../../../db/core/report-text';
import type { ReportingState } from '../../../db/core/results';
import { useFormatter } from '../../components/useFormatter';
import { useStore } from '../../stores';
import { ChangesDetails } from './ChangesDetails';

type Kind = 'created' | 'deleted' | 'changed' | 'comment';
interface Line {
  code: string;
  kind: Kind;
  field?: string;
  before?: string;
  after?: string;
  /** The first line of an initiative: where its code, title and the ministry's comment show. */
  first: boolean;
}

/** Rows drawn at once; the report's changes sheet has them all. */
const SHOWN = 300;

/**
 * The changes since the last submission, one line per changed field with its value before and
 * after, and the ministry's standing comments beside the initiatives they are about (those not
 * changed since included, so nothing the ministry asked for is out of sight).
 */
export function ChangesView(props: {
  changes: NonNullable<ReportingState['changes']>;
  comments: { code: string; comment: string }[];
}) {
  const { t } = useTranslation();
  const fmt = useFormatter();
  const language = useStore((s) => s.language);
  const fiscal = useStore((s) => s.settings.fiscalYearStartMonth);
  const initiatives = useStore((s) => s.initiatives);
  const [kind, setKind] = useState<Kind | 'all'>('all');
  const c = props.changes;
  // Initiatives the ministry commented on and no change touched yet take their title from the register.
  const titleOf = (code: string) => c.titles[code] ?? initiatives.find((i) => i.code === code)?.title ?? '';
  const commentOf = useMemo(() => new Map(props.comments.map((x) => [x.code, x.comment])), [props.comments]);
  const lines = useMemo(() => {
    const out: Line[] = [
      ...c.created.map((code): Line => ({ code, kind: 'created', first: true })),
      ...c.deleted.map((code): Line => ({ code, kind: 'deleted', first: true })),
      ...c.changed.flatMap((x) =>
        x.values.map((v, i): Line => ({
          code: x.code,
          kind: 'changed',
          field: v.field,
          before: fieldText(v.field, v.before, fmt, language),
          after: fieldText(v.field, v.after, fmt, language),
          first: i === 0,
        })),
      ),
    ];
    const listed = new Set(out.map((l) => l.code));
    for (const code of commentOf.keys()) if (!listed.has(code)) out.push({ code, kind: 'comment', first: true });
    return out;
  }, [c, commentOf, fmt, language]);
  const counts: Record<Kind, number> = {
    created: c.created.length,
    deleted: c.deleted.length,
    changed: c.changed.length,
    comment: lines.filter((l) => l.kind === 'comment').length,
  };
  const chosen = kind === 'all' ? lines : lines.filter((l) => l.kind === kind);
  const kindName = (k: Kind) => (k === 'comment' ? t('reporting.notYet') : t(`changesSheet.${k}`));

  return (
    <Stack spacing={1.5}>
      <Typography variant="subtitle2" data-testid="changes-since">
        {t('reporting.since', {
          period: periodName(c.since.period, language, fiscal),
          version: fmt.number(c.since.version),
        })}
      </Typography>
      {lines.length === 0 ? (
        <Typography variant="body2">{t('reporting.noChanges')}</Typography>
      ) : (
        <>
          <ToggleButtonGroup
            size="small"
            exclusive
            value={kind}
            onChange={(_, v: Kind | 'all' | null) => v && setKind(v)}
            data-testid="changes-kinds"
          >
            <ToggleButton value="all">
              {t('reporting.kindAll')} ({fmt.number(new Set(lines.map((l) => l.code)).size)})
            </ToggleButton>
            {(['created', 'deleted', 'changed', 'comment'] as const)
              .filter((k) => counts[k] > 0)
              .map((k) => (
                <ToggleButton key={k} value={k}>
                  {kindName(k)} ({fmt.number(counts[k])})
                </ToggleButton>
              ))}
          </ToggleButtonGroup>
          <Table size="small" data-testid="changes-list">
            <TableHead>
              <TableRow>
                {(['colCode', 'colTitle', 'colKind', 'colField', 'colBefore', 'colAfter', 'colComment'] as const).map(
                  (k) => (
                    <TableCell key={k}>{t(`reporting.${k}`)}</TableCell>
                  ),
                )}
              </TableRow>
            </TableHead>
            <TableBody>
              {chosen.slice(0, SHOWN).map((l) => (
                <TableRow
                  key={`${l.code}|${l.field ?? l.kind}`}
                  data-code={l.code}
                  sx={l.first ? undefined : { '& td': { borderTop: 0 } }}
                >
                  <TableCell sx={{ whiteSpace: 'nowrap' }}>{l.first && <bdi dir="ltr">{l.code}</bdi>}</TableCell>
                  <TableCell sx={{ maxWidth: 280 }}>{l.first && titleOf(l.code)}</TableCell>
                  <TableCell sx={{ whiteSpace: 'nowrap' }}>{l.first && kindName(l.kind)}</TableCell>
                  <TableCell>{l.field && fieldLabel(l.field, language)}</TableCell>
                  <TableCell>{l.before}</TableCell>
                  <TableCell sx={l.field ? { fontWeight: 600 } : undefined}>{l.after}</TableCell>
                  <TableCell sx={{ maxWidth: 240, color: 'warning.dark' }}>
                    {l.first && commentOf.get(l.code)}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
          {chosen.length > SHOWN && (
            <Typography variant="body2" color="text.secondary">
              {t('reporting.more', { shown: fmt.number(SHOWN), count: fmt.number(chosen.length) })}
            </Typography>
          )}
        </>
      )}
      <ChangesDetails />
    </Stack>
  );
}
