import { CacheProvider } from '@emotion/react';
import CssBaseline from '@mui/material/CssBaseline';
import { ThemeProvider } from '@mui/material/styles';
import { useEffect, useMemo } from 'react';
import { Shell } from './features/shell/Shell';
import { caches, makeTheme } from './theme';
import { useStore } from './stores';

export function App() {
  const language = useStore((s) => s.language);
  const refresh = useStore((s) => s.refresh);
  const direction = language === 'ar' ? 'rtl' : 'ltr';
  const theme = useMemo(() => makeTheme(direction), [direction]);

  useEffect(() => {
    document.documentElement.lang = language;
    document.documentElement.dir = direction;
  }, [language, direction]);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  return (
    <CacheProvider value={caches[direction]}>
      <ThemeProvider theme={theme}>
        <CssBaseline />
        <Shell />
      </ThemeProvider>
    </CacheProvider>
  );
}
