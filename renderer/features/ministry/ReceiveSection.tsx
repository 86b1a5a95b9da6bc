import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import Chip from '@mui/material/Chip';
import FormControlLabel from '@mui/material/FormControlLabel';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { periodName } from '../../../db/core/report-text';
import type { PackageVerdict } from '../../../db/core/results';
import { call } from '../../api';
import { FileButton } from '../../components/FileButton';
import { readAsBase64 } from '../../components/files';
import { PeriodSelect } from '../../components/PeriodSelect';
import { Section } from '../../components/Section';
import { useFormatter } from '../../components/useFormatter';
import { bothLanguages } from '../../i18n';
import { useStore } from '../../stores';
import { EditedRows } from './EditedRows';

const STATE_COLOR = {
  new: 'success',
  resubmission: 'info',
  duplicate: 'default',
  modified: 'warning',
  refused: 'error',
} as const;

/**
 * Packages in: chosen or dropped, judged first (a preview nothing is written by), then received
 * together in one step. A modified package comes in only when the box says so.
 */
export function ReceiveSection(props: { onReceived(): void }) {
  const { t } = useTranslation();
  const fmt = useFormatter();
  const language = useStore((s) => s.language);
  const fiscal = useStore((s) => s.settings.fiscalYearStartMonth);
  const fail = useStore((s) => s.fail);
  const notify = useStore((s) => s.notify);
  const [uploads, setUploads] = useState<{ fileName: string; data: string }[]>([]);
  const [verdicts, setVerdicts] = useState<PackageVerdict[] | null>(null);
  const [acceptModified, setAcceptModified] = useState(false);
  const [office, setOffice] = useState('');
  const [period, setPeriod] = useState('');
  const [busy, setBusy] = useState(false);
  const [over, setOver] = useState(false);

  const options = (o: { acceptModified: boolean; office: string; period: string }) => ({
    acceptModified: o.acceptModified,
    ...(o.office && o.period ? { office: o.office, period: o.period } : {}),
  });
  const judge = async (files: { fileName: string; data: string }[], o = { acceptModified, office, period }) => {
    setBusy(true);
    try {
      setVerdicts(await call('ministry.receive', { files, dryRun: true, ...options(o) }));
    } catch (e) {
      fail(e);
    } finally {
      setBusy(false);
    }
  };
  const choose = async (files: File[]) => {
    const read = await Promise.all(files.map(async (f) => ({ fileName: f.name, data: await readAsBase64(f) })));
    setUploads(read);
    await judge(read);
  };
  /**
   * A folder holds other files too (a reply, a note, Excel's ~$ lock file of a workbook open):
   * its workbooks only, and at most as many as one batch takes.
   */
  const chooseFolder = async (files: File[]) => {
    const books = files.filter((f) => /\.xlsx$/i.test(f.name) && !/^(~\$|\.)/.test(f.name));
    const refuse = (key: 'ministry.folderEmpty' | 'ministry.folderTooMany') =>
      notify({
        kind: 'error',
        error: { code: 'INVALID_INPUT', message: bothLanguages(key, { formatted: fmt.number(books.length) }) },
      });
    if (books.length === 0) refuse('ministry.folderEmpty');
    else if (books.length > 200) refuse('ministry.folderTooMany');
    else await choose(books);
  };
  const receive = async () => {
    setBusy(true);
    try {
      const done = await call('ministry.receive', {
        files: uploads,
        dryRun: false,
        ...options({ acceptModified, office, period }),
      });
      const count = done.filter((v) => v.received).length;
      notify({ kind: 'success', key: 'ministry.received', vars: { count, formatted: fmt.number(count) } });
      setUploads([]);
      setVerdicts(null);
      // The next batch starts afresh: nothing modified taken unless asked again.
      setAcceptModified(false);
      setOffice('');
      setPeriod('');
      props.onReceived();
    } catch (e) {
      fail(e);
    } finally {
      setBusy(false);
    }
  };
  const taking = verdicts?.filter((v) => v.received).length ?? 0;
  const templates = verdicts?.some((v) => v.state === 'refused' && v.office === null);

  return (
    <Section title={t('ministry.receiveTitle')} body={t('ministry.receiveBody')} testId="receive-section">
      <Stack spacing={2}>
        <Box
          onDragOver={(e) => {
            e.preventDefault();
            setOver(true);
          }}
          onDragLeave={() => setOver(false)}
          onDrop={(e) => {
            e.preventDefault();
            setOver(false);
            void choose([...e.dataTransfer.files]);
          }}
          data-testid="receive-drop"
          sx={{
            border: 2,
            borderStyle: 'dashed',
            borderColor: over ? 'primary.main' : 'divider',
            borderRadius: 1,
            p: 2,
            display: 'flex',
            gap: 2,
            alignItems: 'center',
            flexWrap: 'wrap',
          }}
        >
          <Typography color="text.secondary">{t('ministry.drop')}</Typography>
          <FileButton
            label={t('ministry.choose')}
            accept=".xlsx"
            testId="receive-input"
            onFiles={(files) => void choose(files)}
          />
          <FileButton
            label={t('ministry.chooseFolder')}
            accept=".xlsx"
            folder
            testId="receive-folder"
            onFiles={(files) => void chooseFolder(files)}
          />
        </Box>
        {verdicts && (
          <>
            <Table size="small" data-testid="receive-preview">
              <TableHead>
                <TableRow>
                  {(
                    [
                      'colFile',
                      'colOffice',
                      'colPeriod',
                      'colVersion',
                      'colState',
                      'colInitiatives',
                      'colDiff',
                    ] as const
                  ).map((k) => (
                    <TableCell key={k}>{t(`ministry.${k}`)}</TableCell>
                  ))}
                </TableRow>
              </TableHead>
              <TableBody>
                {verdicts.map((v, i) => (
                  <TableRow key={`${v.file}#${i}`} data-file={v.file}>
                    <TableCell sx={{ maxWidth: 220, overflowWrap: 'anywhere' }}>
                      <bdi>{v.file}</bdi>
                    </TableCell>
                    <TableCell>
                      {v.office && <bdi dir="ltr">{v.office}</bdi>}
                      {v.newOffice && (
                        <Chip
                          size="small"
                          color="info"
                          variant="outlined"
                          label={t('ministry.newOffice')}
                          sx={{ mx: 1 }}
                        />
                      )}
                    </TableCell>
                    <TableCell>{v.period ? periodName(v.period, language, fiscal) : '—'}</TableCell>
                    <TableCell>{v.version === null ? '—' : fmt.number(v.version)}</TableCell>
                    <TableCell>
                      <Chip size="small" color={STATE_COLOR[v.state]} label={t(`ministry.states.${v.state}`)} />
                    </TableCell>
                    <TableCell>{fmt.number(v.initiatives)}</TableCell>
                    <TableCell>
                      {v.office && v.state !== 'duplicate' && v.state !== 'refused' && (
                        <Typography variant="body2">
                          {t('ministry.diff', {
                            created: fmt.number(v.diff.created),
                            changed: fmt.number(v.diff.changed),
                            deleted: fmt.number(v.diff.deleted),
                          })}
                        </Typography>
                      )}
                      {v.replaces && (
                        <Typography variant="body2" color="text.secondary">
                          {t('ministry.replaces', {
                            version: fmt.number(v.replaces.version),
                            created: fmt.number(v.replaces.created),
                            changed: fmt.number(v.replaces.changed),
                            deleted: fmt.number(v.replaces.deleted),
                          })}
                        </Typography>
                      )}
                      {v.message && (
                        <Typography variant="body2" color={v.received ? 'text.secondary' : 'error'}>
                          {v.message[language]}
                        </Typography>
                      )}
                      {v.edited && <EditedRows edited={v.edited} />}
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
            {verdicts.some((v) => v.state === 'modified') && (
              <FormControlLabel
                control={
                  <Checkbox
                    checked={acceptModified}
                    onChange={(e) => {
                      setAcceptModified(e.target.checked);
                      void judge(uploads, { acceptModified: e.target.checked, office, period });
                    }}
                  />
                }
                label={t('ministry.acceptModified')}
              />
            )}
            {templates && (
              <Stack direction="row" spacing={2} alignItems="flex-start" flexWrap="wrap" useFlexGap>
                <TextField
                  fullWidth={false}
                  sx={{ width: 260 }}
                  label={t('ministry.templateOffice')}
                  value={office}
                  onChange={(e) => {
                    const code = e.target.value.toUpperCase();
                    setOffice(code);
                    // Judged again for the office named, so what is received is what was shown.
                    if (/^[A-Z0-9]{2,8}$/.test(code) && period)
                      void judge(uploads, { acceptModified, office: code, period });
                  }}
                  slotProps={{ htmlInput: { name: 'template-office', maxLength: 8, dir: 'ltr' } }}
                />
                <Box sx={{ width: 260 }}>
                  <PeriodSelect
                    label={t('ministry.templatePeriod')}
                    value={period}
                    onChange={(p) => {
                      setPeriod(p);
                      void judge(uploads, { acceptModified, office, period: p });
                    }}
                  />
                </Box>
              </Stack>
            )}
            <Stack direction="row" spacing={1}>
              <Button
                variant="contained"
                disabled={busy || taking === 0}
                onClick={() => void receive()}
                data-testid="receive-commit"
              >
                {t('ministry.receive', { count: taking, formatted: fmt.number(taking) })}
              </Button>
              <Button
                onClick={() => {
                  setVerdicts(null);
                  setUploads([]);
                }}
              >
                {t('ministry.clear')}
              </Button>
            </Stack>
          </>
        )}
      </Stack>
    </Section>
  );
}
