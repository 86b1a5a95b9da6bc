import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Region } from '../../../db/core/model';
import { EntityDialog, useDirty } from '../../components/EntityDialog';
import { useStore } from '../../stores';
import { codeInput } from '../../components/code';

export function RegionDialog(props: { region: Region | 'new'; onClose(saved?: Region): void }) {
  const { t } = useTranslation();
  const regions = useStore((s) => s.regions);
  const write = useStore((s) => s.write);
  const existing = props.region === 'new' ? null : props.region;
  const [code, setCode] = useState(existing?.code ?? '');
  const [nameAr, setNameAr] = useState(existing?.nameAr ?? '');
  const [nameEn, setNameEn] = useState(existing?.nameEn ?? '');
  const [parentId, setParentId] = useState(existing?.parentId ?? '');

  const dirty = useDirty({ code, nameAr, nameEn, parentId });

  const save = async () => {
    const fields = { nameAr, nameEn, parentId: parentId || null, ...codeInput(code) };
    const saved = existing
      ? await write('regions.update', { id: existing.id, ...fields })
      : await write('regions.create', fields);
    if (saved) props.onClose(saved);
  };

  return (
    <EntityDialog
      open
      title={t(existing ? 'regions.edit' : 'regions.add')}
      testId="region-dialog"
      dirty={dirty}
      canSave={nameAr.trim().length > 0}
      onClose={() => props.onClose()}
      onSave={() => void save()}
    >
      <Stack spacing={2} sx={{ pt: 1 }}>
        <TextField
          label={t('common.nameAr')}
          value={nameAr}
          onChange={(e) => setNameAr(e.target.value)}
          required
          autoFocus
          name="nameAr"
        />
        <TextField
          label={t('common.nameEn')}
          value={nameEn}
          onChange={(e) => setNameEn(e.target.value)}
          name="nameEn"
          slotProps={{ htmlInput: { dir: 'ltr' } }}
        />
        <TextField
          label={t('common.code')}
          helperText={t('common.codeHint')}
          value={code}
          onChange={(e) => setCode(e.target.value)}
          name="code"
          slotProps={{ htmlInput: { dir: 'ltr' } }}
        />
        <TextField select label={t('regions.parent')} value={parentId} onChange={(e) => setParentId(e.target.value)}>
          <MenuItem value="">{t('regions.noParent')}</MenuItem>
          {regions
            .filter((r) => r.id !== existing?.id)
            .map((r) => (
              <MenuItem key={r.id} value={r.id}>
                {r.nameAr}
              </MenuItem>
            ))}
        </TextField>
      </Stack>
    </EntityDialog>
  );
}
