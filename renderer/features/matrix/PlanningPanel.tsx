import DeleteIcon from '@mui/icons-material/DeleteOutline';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Chip from '@mui/material/Chip';
import IconButton from '@mui/material/IconButton';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemText from '@mui/material/ListItemText';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AXIS_IDS } from '../../../db/core/axes';
import { isGap, sumRows } from '../../../db/core/measures';
import { Confirm } from '../../components/ConfirmDialog';
import { useAxisName, useFormatter } from '../../components/useFormatter';
import { useStore } from '../../stores';
import type { Finding, MatrixRow, PlanPreview } from '../../../db/core/results';

const AXES = AXIS_IDS;
const findingKey = (f: Finding) => `${f.rule}|${f.kind}|${f.regionId}|${f.clusterId}|${f.axis}|${f.initiativeId}`;
const gaps = (rows: MatrixRow[]) =>
  new Set(rows.flatMap((r) => AXES.filter((a) => isGap(r, a)).map((a) => `${r.key}|${a}`)));
const budgetByAxis = (rows: MatrixRow[]) => AXES.map((a) => sumRows(rows, a).budget);

/** What a planning session changes: its drafts, gaps and findings, budget by axis; commit or discard. */
export function PlanningPanel(props: { preview: PlanPreview; onEnd(): void }) {
  const { t } = useTranslation();
  // Messages from the database come in both languages: show the one on screen.
  const lang = useStore((s) => s.language);
  const fmt = useFormatter();
  const axisName = useAxisName();
  const write = useStore((s) => s.write);
  const initiatives = useStore((s) => s.initiatives);
  const [asking, setAsking] = useState<'commit' | 'discard' | null>(null);
  const { drafts, before, after, problems } = props.preview;

  const [gapsBefore, gapsAfter] = [gaps(before.matrix), gaps(after.matrix)];
  const [keysBefore, keysAfter] = [new Set(before.findings.map(findingKey)), new Set(after.findings.map(findingKey))];
  const figures: [string, number, 'success' | 'error'][] = [
    ['planning.gapsClosed', [...gapsBefore].filter((g) => !gapsAfter.has(g)).length, 'success'],
    ['planning.gapsOpened', [...gapsAfter].filter((g) => !gapsBefore.has(g)).length, 'error'],
    ['planning.findingsResolved', [...keysBefore].filter((k) => !keysAfter.has(k)).length, 'success'],
    ['planning.findingsRaised', [...keysAfter].filter((k) => !keysBefore.has(k)).length, 'error'],
  ];
  const [budgetBefore, budgetAfter] = [budgetByAxis(before.matrix), budgetByAxis(after.matrix)];
  const codeOf = (id: string) => initiatives.find((i) => i.id === id)?.code ?? '';

  return (
    <Card variant="outlined" sx={{ borderColor: 'info.main', borderWidth: 2 }} data-testid="planning-panel">
      <CardContent>
        <Stack direction="row" alignItems="center" spacing={1} useFlexGap flexWrap="wrap">
          <Typography variant="h6" component="h3" sx={{ flexGrow: 1 }}>
            {t('planning.title')}
          </Typography>
          <Button
            variant="contained"
            disabled={drafts.length === 0}
            onClick={() => setAsking('commit')}
            data-testid="planning-commit"
          >
            {t('planning.commit')}
          </Button>
          <Button color="error" disabled={drafts.length === 0} onClick={() => setAsking('discard')}>
            {t('planning.discard')}
          </Button>
          <Button onClick={props.onEnd} disabled={drafts.length > 0}>
            {t('planning.end')}
          </Button>
        </Stack>
        <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
          {t('planning.hint')}
        </Typography>
        {problems.map((p) => (
          <Alert key={p.draftId} severity="warning" sx={{ mb: 1 }}>
            {t('planning.problem', { message: p.message[lang] })}
          </Alert>
        ))}
        {/* Beside the matrix, narrow: one column. */}
        <Stack spacing={2}>
          <Stack sx={{ flex: 1 }}>
            <Typography variant="subtitle2">{t('planning.drafts')}</Typography>
            {drafts.length === 0 ? (
              <Typography variant="body2" color="text.secondary">
                {t('planning.none')}
              </Typography>
            ) : (
              <List dense>
                {drafts.map((d) => (
                  <ListItem
                    key={d.id}
                    data-testid="planning-draft"
                    secondaryAction={
                      <IconButton
                        edge="end"
                        aria-label={t('planning.remove')}
                        onClick={() => void write('planning.remove', { id: d.id }, 'common.deleted')}
                      >
                        <DeleteIcon />
                      </IconButton>
                    }
                  >
                    <ListItemText
                      primary={d.input.title ?? codeOf(d.kind === 'update' ? d.input.id : '')}
                      secondary={
                        d.kind === 'create' ? t('planning.create') : t('planning.update', { code: codeOf(d.input.id) })
                      }
                    />
                  </ListItem>
                ))}
              </List>
            )}
            <Stack direction="row" spacing={1} useFlexGap flexWrap="wrap" sx={{ mt: 1 }}>
              {figures.map(([key, n, color]) => (
                <Chip
                  key={key}
                  label={`${t(key)}: ${fmt.number(n)}`}
                  color={n > 0 ? color : 'default'}
                  variant={n > 0 ? 'filled' : 'outlined'}
                  data-testid={key.replace('planning.', 'planning-')}
                />
              ))}
            </Stack>
          </Stack>
          <Stack sx={{ flex: 1 }}>
            <Typography variant="subtitle2">{t('planning.budgetByAxis')}</Typography>
            <Typography variant="caption" color="text.secondary">
              {t('matrix.amountsIn', { currency: fmt.currency })}
            </Typography>
            <Table
              size="small"
              data-testid="planning-budget"
              sx={{ '& td:not(:first-of-type)': { whiteSpace: 'nowrap' } }}
            >
              <TableHead>
                <TableRow>
                  <TableCell>{t('planning.axis')}</TableCell>
                  <TableCell align="right">{t('planning.before')}</TableCell>
                  <TableCell align="right">{t('planning.after')}</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {AXES.map((a) => {
                  const changed = budgetBefore[a - 1] !== budgetAfter[a - 1];
                  return (
                    <TableRow key={a} sx={changed ? { '& td': { fontWeight: 700, color: 'info.dark' } } : undefined}>
                      <TableCell>
                        {fmt.number(a)}. {axisName(a)}
                      </TableCell>
                      <TableCell align="right">{fmt.amount(budgetBefore[a - 1]!)}</TableCell>
                      <TableCell align="right">{fmt.amount(budgetAfter[a - 1]!)}</TableCell>
                    </TableRow>
                  );
                })}
              </TableBody>
            </Table>
          </Stack>
        </Stack>
      </CardContent>
      <Confirm
        open={asking !== null}
        title={t(asking === 'commit' ? 'planning.commit' : 'planning.discard')}
        text={t(asking === 'commit' ? 'planning.confirmCommit' : 'planning.confirmDiscard', {
          formatted: fmt.number(drafts.length),
        })}
        action={t(asking === 'commit' ? 'planning.commit' : 'planning.discard')}
        color={asking === 'commit' ? 'primary' : 'error'}
        testId="planning-confirm"
        onCancel={() => setAsking(null)}
        onConfirm={() => {
          const op = asking === 'commit' ? 'planning.commit' : 'planning.discard';
          setAsking(null);
          void write(op, undefined, asking === 'commit' ? 'planning.committed' : 'planning.discarded').then(
            (done) => done && props.onEnd(),
          );
        }}
      />
    </Card>
  );
}
