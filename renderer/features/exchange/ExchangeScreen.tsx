import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';

export function ExchangeScreen() {
  const { t } = useTranslation();
  return (
    <Stack spacing={2} sx={{ maxWidth: 720 }}>
      <Typography variant="h5" component="h2">
        {t('exchange.title')}
      </Typography>
      <Paper variant="outlined" sx={{ p: 2 }}>
        <Typography gutterBottom>{t('exchange.body')}</Typography>
        <Typography gutterBottom>{t('exchange.cli')}</Typography>
        <Typography
          component="pre"
          dir="ltr"
          sx={{ fontFamily: 'monospace', bgcolor: 'grey.100', p: 1, borderRadius: 1 }}
        >
          npm run --silent cli -- matrix --db FILE --json
        </Typography>
      </Paper>
    </Stack>
  );
}
