import AccountTreeIcon from '@mui/icons-material/AccountTree';
import DashboardIcon from '@mui/icons-material/Dashboard';
import GridOnIcon from '@mui/icons-material/GridOn';
import ListAltIcon from '@mui/icons-material/ListAlt';
import InboxIcon from '@mui/icons-material/MoveToInbox';
import OutboxIcon from '@mui/icons-material/Outbox';
import PublicIcon from '@mui/icons-material/Public';
import SettingsIcon from '@mui/icons-material/Settings';
import SwapVertIcon from '@mui/icons-material/SwapVert';
import TranslateIcon from '@mui/icons-material/Translate';
import AppBar from '@mui/material/AppBar';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Drawer from '@mui/material/Drawer';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemButton from '@mui/material/ListItemButton';
import ListItemIcon from '@mui/material/ListItemIcon';
import ListItemText from '@mui/material/ListItemText';
import Toolbar from '@mui/material/Toolbar';
import Typography from '@mui/material/Typography';
import { type ComponentType, lazy, type ReactElement, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Dashboard } from '../dashboard/Dashboard';
import { MINISTRY_SCREENS, type Screen, SCREENS } from '../../stores/ui';
import { useStore } from '../../stores';
import { NoticeBar } from './NoticeBar';
import { RecoveryScreen } from './RecoveryScreen';
import { UndoButton } from './UndoButton';

const DRAWER_WIDTH = 230;

const ICONS: Record<Screen, ReactElement> = {
  dashboard: <DashboardIcon />,
  regions: <AccountTreeIcon />,
  initiatives: <ListAltIcon />,
  matrix: <GridOnIcon />,
  exchange: <SwapVertIcon />,
  reporting: <OutboxIcon />,
  offices: <InboxIcon />,
  nation: <PublicIcon />,
  settings: <SettingsIcon />,
};

/**
 * A screen loaded when first opened: the first screen (the dashboard) comes with the program,
 * the others (the register's grid, the matrix, the exchange…) in chunks of their own, so the
 * first screen does not wait for all of them to load and compile.
 */
const later = <K extends string, P extends object = object>(
  load: () => Promise<Record<K, ComponentType<P>>>,
  name: K,
) => lazy(async () => ({ default: (await load())[name] }));

const VIEWS: Record<Screen, ComponentType> = {
  dashboard: Dashboard,
  regions: later(() => import('../regions/RegionsScreen'), 'RegionsScreen'),
  initiatives: later(() => import('../initiatives/InitiativesScreen'), 'InitiativesScreen'),
  matrix: later(() => import('../matrix/MatrixScreen'), 'MatrixScreen'),
  exchange: later(() => import('../exchange/ExchangeScreen'), 'ExchangeScreen'),
  reporting: later(() => import('../reporting/ReportingScreen'), 'ReportingScreen'),
  offices: later(() => import('../ministry/OfficesScreen'), 'OfficesScreen'),
  nation: later(() => import('../ministry/NationScreen'), 'NationScreen'),
  settings: later(() => import('../settings/SettingsScreen'), 'SettingsScreen'),
};
const ReportPrint = later(() => import('../exchange/ReportPrint'), 'ReportPrint');

/** The file's name without its folders, whichever separator the system uses. */
const fileName = (path: string) => path.split(/[\\/]/).pop() ?? path;

export function Shell() {
  const { t } = useTranslation();
  const screen = useStore((s) => s.screen);
  const go = useStore((s) => s.go);
  const language = useStore((s) => s.language);
  const switchLanguage = useStore((s) => s.switchLanguage);
  const loaded = useStore((s) => s.loaded);
  const file = useStore((s) => s.file);
  // The ministry's file shows its own screens; a screen of the other kind falls back to the first.
  const screens: readonly Screen[] = file?.ministry ? MINISTRY_SCREENS : SCREENS;
  const shown = screens.includes(screen) ? screen : screens[0]!;
  const View = VIEWS[shown];
  const damaged = file?.state === 'damaged';
  const printing = useStore((s) => s.printing);
  // The report's print view takes the whole window: what prints is the report alone.
  if (printing && loaded && !damaged)
    return (
      <Suspense fallback={<Typography>{t('app.loading')}</Typography>}>
        <ReportPrint request={printing} />
      </Suspense>
    );

  return (
    <Box sx={{ display: 'flex', minHeight: '100vh' }}>
      <AppBar position="fixed" className="no-print" sx={{ zIndex: (th) => th.zIndex.drawer + 1 }}>
        <Toolbar variant="dense">
          <Typography variant="h6" component="h1" sx={{ fontWeight: 700 }}>
            {t('app.name')}
          </Typography>
          <Typography variant="body2" noWrap sx={{ mx: 2, opacity: 0.85 }}>
            {file?.ministry ? t('ministry.portfolio') : t('app.tagline')}
          </Typography>
          {/* Which file is open, always: offices keep a copy per year or branch. The whole path on hover. */}
          <Typography
            variant="body2"
            noWrap
            title={file?.file}
            data-testid="top-file"
            sx={{ flexGrow: 1, minWidth: 0, opacity: 0.85, fontFamily: 'monospace' }}
          >
            {file?.file && <bdi dir="ltr">{fileName(file.file)}</bdi>}
          </Typography>
          <UndoButton />
          <Button
            color="inherit"
            startIcon={<TranslateIcon />}
            aria-label={t('app.languageLabel')}
            onClick={() => switchLanguage(language === 'ar' ? 'en' : 'ar')}
            data-testid="language-switch"
          >
            {t('app.language')}
          </Button>
        </Toolbar>
      </AppBar>
      <Drawer
        className="no-print"
        variant="permanent"
        sx={{ width: DRAWER_WIDTH, flexShrink: 0, '& .MuiDrawer-paper': { width: DRAWER_WIDTH } }}
      >
        <Toolbar variant="dense" />
        <nav aria-label={t('app.name')}>
          <List>
            {screens.map((s) => (
              <ListItem key={s} disablePadding>
                <ListItemButton
                  selected={s === shown && !damaged}
                  disabled={damaged}
                  aria-current={s === shown ? 'page' : undefined}
                  onClick={() => go(s)}
                  data-testid={`nav-${s}`}
                >
                  <ListItemIcon>{ICONS[s]}</ListItemIcon>
                  <ListItemText primary={t(`nav.${s}`)} />
                </ListItemButton>
              </ListItem>
            ))}
          </List>
        </nav>
      </Drawer>
      {/* Every pixel of a 768-pixel-high laptop screen counts: a dense bar and a narrower margin. */}
      <Box component="main" sx={{ flexGrow: 1, p: 2, minWidth: 0 }}>
        <Toolbar variant="dense" />
        {!loaded ? (
          <Typography>{t('app.loading')}</Typography>
        ) : damaged ? (
          <RecoveryScreen file={file} />
        ) : (
          <Suspense fallback={<Typography>{t('app.loading')}</Typography>}>
            <View />
          </Suspense>
        )}
      </Box>
      <NoticeBar />
    </Box>
  );
}
