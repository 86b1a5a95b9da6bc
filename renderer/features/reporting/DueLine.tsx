import Chip from '@mui/material/Chip';
import Link from '@mui/material/Link';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { issueDay, periodName } from '../../../db/core/report-text';
import type { ReportingState } from '../../../db/core/results';
import { call } from '../../api';
import { useFormatter } from '../../components/useFormatter';
import { useStore } from '../../stores';

/** The office's reporting as it stands: read on demand (it takes a look at the whole register). */
export function useReporting(): [ReportingState | null, () => void] {
  const fail = useStore((s) => s.fail);
  const file = useStore((s) => s.file?.file);
  const [state, setState] = useState<ReportingState | null>(null);
  const load = useCallback(() => {
    call('submissions.list', { today: issueDay(new Date()) })
      .then(setState)
      .catch(fail);
  }, [fail]);
  useEffect(load, [load, file]);
  return [state, load];
}

/** What is due and whether it went: one line, for the dashboard and the reporting screen. */
export function DueLine({ state }: { state: ReportingState }) {
  const { t } = useTranslation();
  const go = useStore((s) => s.go);
  const fmt = useFormatter();
  const language = useStore((s) => s.language);
  const fiscal = useStore((s) => s.settings.fiscalYearStartMonth);
  const { due } = state;
  return (
    <Stack direction="row" spacing={1} alignItems="center" flexWrap="wrap" useFlexGap data-testid="reporting-due">
      <Typography>
        {t('reporting.due', { period: periodName(due.period, language, fiscal), due: fmt.date(due.due) })}
      </Typography>
      {due.submitted?.status === 'returned' ? (
        <Chip color="warning" size="small" label={t('reporting.returnedShort')} />
      ) : due.submitted ? (
        <Chip
          color="success"
          size="small"
          label={t('reporting.submittedOn', {
            date: fmt.date(due.submitted.submittedAt.slice(0, 10)),
            version: fmt.number(due.submitted.version),
          })}
        />
      ) : (
        <Chip
          color={due.overdue ? 'error' : 'warning'}
          size="small"
          label={due.overdue ? t('reporting.overdue') : t('reporting.notSubmitted')}
        />
      )}
      {state.changes && (
        // The count leads to the changes themselves, on the reporting screen.
        <Link
          component="button"
          variant="body2"
          color="text.secondary"
          onClick={() => go('reporting')}
          data-testid="reporting-changes-count"
        >
          {t('reporting.changesCount', {
            count: state.changes.created.length + state.changes.deleted.length + state.changes.changed.length,
          })}
        </Link>
      )}
    </Stack>
  );
}
