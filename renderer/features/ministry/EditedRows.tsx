import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import type { PackageVerdict } from '../../../db/core/results';
import { useFormatter } from '../../components/useFormatter';

/** How many edited rows a preview names; the rest are counted. */
const SHOWN = 8;

/**
 * What was edited in a package after it left the office: its labels, and the rows that no longer
 * match the hashes it carries (an initiative named by its code), so the user decides knowing what.
 */
export function EditedRows({ edited }: { edited: NonNullable<PackageVerdict['edited']> }) {
  const { t } = useTranslation();
  const fmt = useFormatter();
  const rows = edited.rows ?? [];
  return (
    <>
      {edited.labels && (
        <Typography variant="body2" color="warning.main">
          {t('ministry.editedLabels')}
        </Typography>
      )}
      {edited.rows === null ? (
        <Typography variant="body2" color="text.secondary">
          {t('ministry.editedUnknown')}
        </Typography>
      ) : (
        edited.count !== 0 && (
          <Typography variant="body2" data-testid="edited-rows">
            {t('ministry.editedRows', { count: edited.count ?? 0, formatted: fmt.number(edited.count ?? 0) })}{' '}
            {rows.slice(0, SHOWN).map((r, i) => (
              <span key={`${r.table}/${r.key}`}>
                {i > 0 && t('common.listSeparator')}
                {t(`recovery.tables.${r.table}`)} <bdi dir="ltr">{r.code ?? r.key}</bdi> (
                {t(`ministry.editedKinds.${r.kind}`)})
              </span>
            ))}
            {(edited.count ?? 0) > SHOWN &&
              ` ${t('ministry.editedMore', { formatted: fmt.number((edited.count ?? 0) - SHOWN) })}`}
          </Typography>
        )
      )}
    </>
  );
}
