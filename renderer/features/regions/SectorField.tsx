import Button from '@mui/material/Button';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocalName } from '../../components/useFormatter';
import { useStore } from '../../stores';

const NEW = '__new__';

/** Picks a sector from the catalogue, or adds one on the spot: the catalogue grows with use. */
export function SectorField(props: { value: string | null; onChange(id: string | null): void }) {
  const { t } = useTranslation();
  const sectors = useStore((s) => s.sectors);
  const write = useStore((s) => s.write);
  const localName = useLocalName();
  const [adding, setAdding] = useState(false);
  const [name, setName] = useState('');

  if (adding) {
    return (
      <Stack direction="row" spacing={1}>
        <TextField label={t('sectors.new')} value={name} onChange={(e) => setName(e.target.value)} autoFocus />
        <Button
          disabled={!name.trim()}
          onClick={() =>
            void write('sectors.create', { nameAr: name.trim() }).then((sector) => {
              if (!sector) return;
              props.onChange(sector.id);
              setAdding(false);
              setName('');
            })
          }
        >
          {t('sectors.addNew')}
        </Button>
      </Stack>
    );
  }
  return (
    <TextField
      select
      label={t('sectors.label')}
      value={props.value ?? ''}
      onChange={(e) => (e.target.value === NEW ? setAdding(true) : props.onChange(e.target.value || null))}
    >
      <MenuItem value="">{t('sectors.none')}</MenuItem>
      {sectors.map((s) => (
        <MenuItem key={s.id} value={s.id}>
          {localName(s)}
        </MenuItem>
      ))}
      <MenuItem value={NEW}>+ {t('sectors.addNew')}</MenuItem>
    </TextField>
  );
}
