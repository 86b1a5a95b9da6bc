import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { issueDay } from '../../../db/core/report-text';
import type { Office, StatusGrid } from '../../../db/core/results';
import { call } from '../../api';
import { Section } from '../../components/Section';
import { useFormatter } from '../../components/useFormatter';
import { useStore } from '../../stores';
import { ReceiveSection } from './ReceiveSection';
import { StatusSection } from './StatusSection';

/** The ministry's desk: packages in, who reported, the replies, and the offices registry. */
export function OfficesScreen() {
  const { t } = useTranslation();
  const fail = useStore((s) => s.fail);
  const [offices, setOffices] = useState<Office[]>([]);
  const [grid, setGrid] = useState<StatusGrid | null>(null);
  const load = useCallback(() => {
    Promise.all([call('offices.list'), call('ministry.status', { today: issueDay(new Date()) })])
      .then(([o, g]) => {
        setOffices(o);
        setGrid(g);
      })
      .catch(fail);
  }, [fail]);
  useEffect(load, [load]);
  return (
    <Stack spacing={2} sx={{ maxWidth: 1200 }}>
      <Typography variant="h5" component="h2">
        {t('ministry.title')}
      </Typography>
      <ReceiveSection onReceived={load} />
      {grid && <StatusSection grid={grid} offices={offices} onDecided={load} />}
      <OfficesSection offices={offices} onAdded={load} />
    </Stack>
  );
}

function OfficesSection(props: { offices: Office[]; onAdded(): void }) {
  const { t } = useTranslation();
  const fmt = useFormatter();
  const write = useStore((s) => s.write);
  const [code, setCode] = useState('');
  const [name, setName] = useState('');
  const [regions, setRegions] = useState('');
  const add = async () => {
    const made = await write('offices.create', { code, name, ...(regions ? { regions } : {}) }, 'ministry.officeAdded');
    if (made) {
      setCode('');
      setName('');
      setRegions('');
      props.onAdded();
    }
  };
  const close = async (office: string) => {
    const closed = await write('offices.close', { code: office, since: issueDay(new Date()) }, 'ministry.officeClosed');
    if (closed) props.onAdded();
  };
  return (
    <Section title={t('ministry.officesTitle')} testId="offices-section">
      <Stack spacing={2}>
        {props.offices.length > 0 && (
          <Table size="small" data-testid="offices">
            <TableHead>
              <TableRow>
                <TableCell>{t('ministry.code')}</TableCell>
                <TableCell>{t('ministry.name')}</TableCell>
                <TableCell>{t('ministry.regions')}</TableCell>
                <TableCell>{t('ministry.colState')}</TableCell>
                <TableCell />
              </TableRow>
            </TableHead>
            <TableBody>
              {props.offices.map((o) => (
                <TableRow key={o.code}>
                  <TableCell>
                    <bdi dir="ltr">{o.code}</bdi>
                  </TableCell>
                  <TableCell>{o.name}</TableCell>
                  <TableCell>{o.regions}</TableCell>
                  <TableCell>
                    {o.active ? t('ministry.active') : t('ministry.closed', { date: fmt.date(o.closedSince) })}
                  </TableCell>
                  <TableCell>
                    {o.active && (
                      <Button size="small" onClick={() => void close(o.code)} data-testid={`close-${o.code}`}>
                        {t('ministry.closeToday')}
                      </Button>
                    )}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
        <Stack direction="row" spacing={2} alignItems="center" flexWrap="wrap" useFlexGap>
          <TextField
            size="small"
            fullWidth={false}
            sx={{ width: 160 }}
            label={t('ministry.code')}
            value={code}
            onChange={(e) => setCode(e.target.value.toUpperCase())}
            slotProps={{ htmlInput: { name: 'office-code', maxLength: 8, dir: 'ltr' } }}
          />
          <TextField
            size="small"
            fullWidth={false}
            label={t('ministry.name')}
            value={name}
            onChange={(e) => setName(e.target.value)}
            slotProps={{ htmlInput: { name: 'office-name', maxLength: 300 } }}
            sx={{ width: 320 }}
          />
          <TextField
            size="small"
            fullWidth={false}
            label={t('ministry.regions')}
            value={regions}
            onChange={(e) => setRegions(e.target.value)}
            slotProps={{ htmlInput: { name: 'office-regions', maxLength: 1000 } }}
            sx={{ width: 320 }}
          />
          <Button variant="outlined" disabled={!/^[A-Z0-9]{2,8}$/.test(code)} onClick={() => void add()}>
            {t('ministry.addOffice')}
          </Button>
        </Stack>
      </Stack>
    </Section>
  );
}
