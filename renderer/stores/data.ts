import type { StateCreator } from 'zustand';
import type { Axis } from '../../db/core/axes';
import type { Cluster, Initiative, Region, Sector, Settings } from '../../db/core/model';
import { SETTINGS_DEFAULTS } from '../../db/core/model';
import type { InputOf, OperationName, OutputOf } from '../../db/core/contract';
import { ApiFailure, call } from '../api';
import type { Store } from './index';
import { REGISTER_DEFAULTS } from './ui';
import type { ChangeSummary, FileState, Finding, MatrixRow, PortfolioStats } from '../../db/core/results';

export interface DataSlice {
  loaded: boolean;
  /** The portfolio file in use; when it is damaged, only the recovery screen is shown. */
  file: FileState | null;
  axes: Axis[];
  regions: Region[];
  sectors: Sector[];
  clusters: Cluster[];
  initiatives: Initiative[];
  matrix: MatrixRow[];
  /** Health findings R1–R6 of the whole portfolio, as of the last refresh. */
  findings: Finding[];
  stats: PortfolioStats | null;
  settings: Settings;
  /** What an undo would take back now (null when nothing can be). */
  lastChange: ChangeSummary | null;
  /** Reloads everything the screens show; cheap enough at office scale to keep the code simple. */
  refresh(): Promise<void>;
  /** After another portfolio file was opened or restored: the views start afresh on its data. */
  switched(): Promise<void>;
  /**
   * Runs one write through the API, reloads the data, and reports a failure to the user.
   * Resolves to the result, or to undefined when the write was refused.
   */
  /** Shows a failed call's error in the user's language (any thrown value is reported). */
  fail(e: unknown): void;
  write<N extends OperationName>(name: N, input: InputOf<N>, successKey?: string): Promise<OutputOf<N> | undefined>;
}

export const createDataSlice: StateCreator<Store, [], [], DataSlice> = (set, get) => ({
  loaded: false,
  file: null,
  axes: [],
  regions: [],
  sectors: [],
  clusters: [],
  initiatives: [],
  matrix: [],
  findings: [],
  stats: null,
  settings: SETTINGS_DEFAULTS,
  lastChange: null,
  async refresh() {
    try {
      const file = await call('files.current');
      if (file.state === 'damaged') {
        set({ loaded: true, file });
        return;
      }
      const [axes, regions, sectors, clusters, initiatives, matrix, findings, stats, settings, history] =
        await Promise.all([
          call('axes.list'),
          call('regions.list'),
          call('sectors.list'),
          call('clusters.list'),
          call('initiatives.list'),
          call('matrix.get'),
          call('health.findings'),
          call('portfolio.stats'),
          call('settings.get'),
          call('history.last'),
        ]);
      const lastChange = history.change;
      set({
        loaded: true,
        file,
        axes,
        regions,
        sectors,
        clusters,
        initiatives,
        matrix,
        findings,
        stats,
        settings,
        lastChange,
      });
      if (settings.language !== get().language) get().setLanguage(settings.language);
    } catch (e) {
      reportFailure(get, e);
    }
  },
  async switched() {
    set({ register: REGISTER_DEFAULTS, loaded: false });
    await get().refresh();
  },
  fail: (e) => reportFailure(get, e),
  async write(name, input, successKey = 'common.saved') {
    try {
      const value = await (call as (n: OperationName, i: unknown) => Promise<unknown>)(name, input);
      await get().refresh();
      get().notify({ kind: 'success', key: successKey });
      return value as OutputOf<typeof name>;
    } catch (e) {
      reportFailure(get, e);
      return undefined;
    }
  },
});

function reportFailure(get: () => Store, e: unknown): void {
  const error = e instanceof ApiFailure ? e.error : { code: 'INTERNAL', message: { ar: String(e), en: String(e) } };
  get().notify({ kind: 'error', error });
}
