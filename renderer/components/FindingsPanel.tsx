import FileDownloadIcon from '@mui/icons-material/FileDownload';
import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Chip from '@mui/material/Chip';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemText from '@mui/material/ListItemText';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { RULES, type RuleId } from '../../db/core/model';
import { withGovernorates } from '../../db/core/region-tree';
import { call } from '../api';
import { downloadFile } from './files';
import { useStore } from '../stores';
import { useFormatter, useLocalName } from './useFormatter';
import type { Finding } from '../../db/core/results';

const PAGE = 25;

/**
 * The health findings, filtered by rule: on the dashboard for the whole portfolio, on a
 * cluster's profile for that cluster alone.
 */
export function FindingsPanel(props: { clusterId?: string; testId?: string; regionId?: string }) {
  const { t } = useTranslation();
  // Messages from the database come in both languages: show the one on screen.
  const lang = useStore((s) => s.language);
  const fmt = useFormatter();
  const localName = useLocalName();
  const all = useStore((s) => s.findings);
  const fail = useStore((s) => s.fail);
  const [rule, setRule] = useState<RuleId | null>(null);
  const [shown, setShown] = useState(PAGE);
  const regions = useStore((s) => s.regions);
  const scope = useMemo(
    () => (props.regionId ? withGovernorates(regions, props.regionId) : null),
    [regions, props.regionId],
  );
  const inRegion = scope ? all.filter((f) => scope.has(f.regionId)) : all;
  const mine = props.clusterId ? inRegion.filter((f) => f.clusterId === props.clusterId) : inRegion;
  const list = rule ? mine.filter((f) => f.rule === rule) : mine;
  const where = (f: Finding) =>
    [
      localName({ nameAr: f.regionAr, nameEn: f.regionEn }),
      f.clusterAr && localName({ nameAr: f.clusterAr, nameEn: f.clusterEn ?? '' }),
      f.initiativeCode,
    ]
      .filter(Boolean)
      .join(' › ');

  return (
    <Card variant="outlined" data-testid={props.testId ?? 'findings'}>
      <CardContent>
        <Stack direction="row" alignItems="center" spacing={1}>
          <Typography variant="h6" component="h3" sx={{ flexGrow: 1 }}>
            {t('findings.title')}
          </Typography>
          {list.length > 0 && (
            <Button
              size="small"
              startIcon={<FileDownloadIcon />}
              data-testid="findings-export"
              onClick={() =>
                void call('exchange.findings', {
                  lang,
                  ...(props.regionId ? { regionId: props.regionId } : {}),
                  ...(props.clusterId ? { clusterId: props.clusterId } : {}),
                  ...(rule ? { rules: [rule] } : {}),
                })
                  .then(downloadFile)
                  .catch(fail)
              }
            >
              {t('findings.export')}
            </Button>
          )}
        </Stack>
        <Typography variant="body2" color="text.secondary" gutterBottom>
          {t('findings.hint')}
        </Typography>
        {mine.length === 0 ? (
          <Typography color="success.main">{t('findings.none')}</Typography>
        ) : (
          <>
            <Stack direction="row" spacing={1} useFlexGap flexWrap="wrap" sx={{ my: 1 }}>
              <Chip
                label={`${t('findings.all')} (${fmt.number(mine.length)})`}
                color={rule === null ? 'primary' : 'default'}
                onClick={() => setRule(null)}
              />
              {RULES.map((r) => {
                const n = mine.filter((f) => f.rule === r).length;
                return n === 0 ? null : (
                  <Chip
                    key={r}
                    data-testid={`findings-rule-${r}`}
                    label={`${r} ${t(`findings.rules.${r}`)} (${fmt.number(n)})`}
                    color={rule === r ? 'primary' : 'default'}
                    onClick={() => {
                      setRule(rule === r ? null : r);
                      setShown(PAGE);
                    }}
                  />
                );
              })}
            </Stack>
            <List dense disablePadding>
              {list.slice(0, shown).map((f, n) => (
                <ListItem key={n} divider alignItems="flex-start" data-testid="finding">
                  <Chip size="small" label={f.rule} color="warning" variant="outlined" sx={{ mr: 1, mt: 0.5 }} />
                  <ListItemText primary={f.message[lang]} secondary={where(f)} />
                </ListItem>
              ))}
            </List>
            <Stack direction="row" alignItems="center" spacing={2} sx={{ mt: 1 }}>
              <Typography variant="body2" color="text.secondary">
                {t('findings.showing', {
                  shown: fmt.number(Math.min(shown, list.length)),
                  total: fmt.number(list.length),
                })}
              </Typography>
              {shown < list.length && <Button onClick={() => setShown(shown + PAGE)}>{t('findings.more')}</Button>}
            </Stack>
          </>
        )}
      </CardContent>
    </Card>
  );
}
