import createCache, { type EmotionCache } from '@emotion/cache';
import { createTheme, type Theme } from '@mui/material/styles';
import { prefixer } from 'stylis';
import rtlPlugin from 'stylis-plugin-rtl';

/** Two emotion caches: styles are flipped for right-to-left by a stylis plugin, not by hand. */
export const caches: Record<'rtl' | 'ltr', EmotionCache> = {
  rtl: createCache({ key: 'muirtl', stylisPlugins: [prefixer, rtlPlugin] }),
  ltr: createCache({ key: 'muiltr', stylisPlugins: [prefixer] }),
};

export function makeTheme(direction: 'rtl' | 'ltr'): Theme {
  return createTheme({
    direction,
    typography: {
      fontFamily: '"Noto Sans Arabic", "DejaVu Sans", system-ui, sans-serif',
    },
    palette: {
      // Deep teal and sand: readable on office screens; contrast checked against white text.
      primary: { main: '#0b5d5a' },
      secondary: { main: '#8a5a14' },
      background: { default: '#f6f5f1' },
      // MUI's orange (#ed6c02) reads at 3.1:1 on white; this one passes WCAG AA for small text.
      warning: { main: '#9a4d00' },
    },
    shape: { borderRadius: 6 },
    components: {
      MuiButton: { defaultProps: { disableElevation: true } },
      // The unselected choices of a toggle group are read on the page background: AA contrast.
      MuiToggleButton: { styleOverrides: { root: { color: 'rgba(0, 0, 0, 0.7)' } } },
      // Labels always sit above the field, so a select whose value is "all" or "none" still
      // shows that choice instead of hiding it under its label.
      MuiTextField: {
        defaultProps: {
          size: 'small',
          fullWidth: true,
          slotProps: { inputLabel: { shrink: true }, select: { displayEmpty: true } },
        },
      },
      MuiFormControl: { defaultProps: { size: 'small' } },
    },
  });
}
