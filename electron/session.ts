/**
 * The portfolio file the program works on, and the switch to another: open, create, save a copy,
 * the five last opened, backups and restore, and the recovery of a damaged file. The Electron
 * main process and the web host each hold one session; the API's file and backup operations go
 * through it, and every other operation works on its open database.
 */
import { isMinistry, makeMinistry } from '../db/repos/ministry';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, extname, join, resolve } from 'node:path';
import {
  backupBeside,
  backupTo,
  checkCopyTarget,
  dailyBackup,
  openExisting,
  recoverFrom,
  restoreFrom,
} from '../db/backup';
import { backupsDir, describeBackup, listBackups, scanBackups, statsOfFile } from '../db/backup-store';
import { type Db, open, type OpenOptions } from '../db/connection';
import { AppError, type Bilingual } from '../db/core/errors';
import { recoveryOffer } from '../db/recovery';
import { sweepPartials } from '../db/safe-file';
import { toApiError } from './api/dispatch-errors';
import type { BackupInfo, FileState, PortfolioStats } from '../db/core/results';
import { bilingual } from '../db/core/messages';

export type FilePurpose = 'open' | 'create' | 'ministry' | 'copy';
/** A native file dialog (Electron's); the web host has none, and the page asks for a path instead. */
export type FileChooser = (purpose: FilePurpose) => Promise<string | null>;

export interface SessionOptions {
  /** Where the list of recent files is kept (the user's data folder in the app). */
  stateDir: string;
  open?: OpenOptions;
  chooser?: FileChooser;
  now?: () => Date;
}

const RECENT_MAX = 5;

export class PortfolioSession {
  private current: Db | undefined;
  private file = '';
  private upgradeBackup: string | null = null;
  private damage: FileState['damage'] = null;
  private warning: Bilingual | null = null;

  constructor(private readonly options: SessionOptions) {}

  /** A session over a portfolio already open (tests, the web host given a database). */
  static adopting(db: Db, options: Partial<SessionOptions> = {}): PortfolioSession {
    const session = new PortfolioSession({ stateDir: dirname(db.name), ...options });
    session.current = db;
    session.file = db.name;
    return session;
  }

  get db(): Db | undefined {
    return this.current;
  }

  /** The open database, or the refusal every operation but recovery meets on a damaged file. */
  requireDb(): Db {
    if (this.current) return this.current;
    throw new AppError('NO_PORTFOLIO', bilingual('errors.damagedNoPortfolio'));
  }

  /** At program start: the given file, made if it does not exist yet; a damaged one is not fatal. */
  async start(file: string): Promise<FileState> {
    // Temporaries of a copy or export that a crash or a kill interrupted last time.
    for (const dir of [dirname(resolve(file)), backupsDir(resolve(file))]) sweepPartials(dir);
    if (!existsSync(file)) return this.create(file);
    return this.openFile(file);
  }

  /**
   * Switches to another portfolio file. A newer or foreign file is refused and the current one
   * stays open; a damaged one is opened for recovery only.
   */
  async openFile(path: string): Promise<FileState> {
    const file = resolve(path);
    // All or nothing: the file is switched to only once it is open; until then, and on any
    // refusal, the current file stays open and in use.
    let opened: Awaited<ReturnType<typeof openExisting>>;
    try {
      opened = await openExisting(file, this.options.open);
    } catch (e) {
      if (!(e instanceof AppError) || e.code !== 'FILE_DAMAGED') throw e;
      const damage = { message: e.bilingual, offer: recoveryOffer(file) };
      this.switchTo(file, undefined);
      this.damage = damage;
      this.remember(file);
      return this.info();
    }
    let warning: Bilingual | null = null;
    try {
      await dailyBackup(opened.db, this.now());
    } catch (e) {
      // The file is open and sound; only its backup failed (a full USB stick): say so.
      const reason = toApiError(e).message;
      warning = bilingual('errors.dailyBackupFailed', { file: backupsDir(file), reason });
    }
    this.switchTo(file, opened.db);
    this.upgradeBackup = opened.upgradeBackup ?? null;
    this.warning = warning;
    this.remember(file);
    return this.info();
  }

  /** A new, empty portfolio; an existing file is never overwritten. */
  async create(path: string, ministry = false): Promise<FileState> {
    const file = portfolioPath(path);
    if (existsSync(file)) {
      throw new AppError('FILE_EXISTS', bilingual('errors.fileExistsChooseOpen', { file }));
    }
    mkdirSync(dirname(file), { recursive: true });
    const db = open(file, this.options.open);
    try {
      if (ministry) makeMinistry(db, { source: 'ui' });
    } catch (e) {
      // Not what was asked for: no file left behind.
      db.close();
      for (const f of [file, `${file}-wal`, `${file}-shm`]) rmSync(f, { force: true });
      throw e;
    }
    this.switchTo(file, db);
    this.remember(file);
    return this.info();
  }

  /** A copy of the open portfolio elsewhere (a USB stick); work goes on in the current file. */
  async saveCopy(path: string, force = false): Promise<{ path: string; stats: PortfolioStats }> {
    const db = this.requireDb();
    const target = portfolioPath(path);
    checkCopyTarget(target, this.file, force, bilingual('errors.chooseOtherName'));
    mkdirSync(dirname(target), { recursive: true });
    await backupTo(db, target);
    return { path: target, stats: statsOfFile(target, this.options.open?.nativeBinding) };
  }

  backups(): BackupInfo[] {
    return listBackups(this.file);
  }

  async backupNow(): Promise<BackupInfo> {
    const path = await backupBeside(this.requireDb(), 'manual', this.now());
    const entry = scanBackups(this.file).find((b) => b.path === path);
    if (!entry) throw new Error(`backup not listed: ${path}`);
    return describeBackup(entry); // only the new one is opened, not every backup in the folder
  }

  /** Replaces the open portfolio with a backup, keeping a backup of the current state first. */
  async restore(from: string): Promise<{ backup: string }> {
    this.requireDb();
    this.current!.close();
    this.current = undefined;
    try {
      return await restoreFrom(this.file, resolve(from), { source: 'ui' });
    } finally {
      this.current = open(this.file, this.options.open);
    }
  }

  /** Puts a good backup in the place of the damaged file (which is kept aside, untouched). */
  async recover(from: string): Promise<FileState> {
    if (!this.damage) {
      throw new AppError('CONFLICT', bilingual('errors.openFileSound'));
    }
    await recoverFrom(this.file, resolve(from), this.now());
    this.current = open(this.file, this.options.open);
    this.damage = null;
    return this.info();
  }

  async choose(purpose: FilePurpose): Promise<string | null> {
    return this.options.chooser ? this.options.chooser(purpose) : null;
  }

  info(): FileState {
    return {
      file: this.file,
      state: this.current ? 'open' : 'damaged',
      recent: this.recent(),
      canChoose: Boolean(this.options.chooser),
      upgradeBackup: this.upgradeBackup,
      damage: this.damage,
      warning: this.warning,
      ministry: this.current ? isMinistry(this.current) : false,
    };
  }

  /** The last files opened, newest first, those that still exist. */
  recent(): string[] {
    try {
      const list = JSON.parse(readFileSync(this.recentFile(), 'utf8')) as unknown;
      return Array.isArray(list) ? list.filter((f): f is string => typeof f === 'string' && existsSync(f)) : [];
    } catch {
      return [];
    }
  }

  close(): void {
    this.current?.close();
    this.current = undefined;
  }

  private switchTo(file: string, db: Db | undefined): void {
    if (this.current && this.current !== db) this.current.close();
    this.current = db;
    this.file = file;
    this.upgradeBackup = null;
    this.damage = null;
    this.warning = null;
  }

  private remember(file: string): void {
    const list = [file, ...this.recent().filter((f) => f !== file)].slice(0, RECENT_MAX);
    try {
      mkdirSync(this.options.stateDir, { recursive: true });
      writeFileSync(this.recentFile(), JSON.stringify(list, null, 2));
    } catch {
      // The list is a convenience; a read-only profile folder must not stop the work.
    }
  }

  private recentFile(): string {
    return join(this.options.stateDir, 'recent-files.json');
  }

  private now(): Date {
    return this.options.now?.() ?? new Date();
  }
}

const EXT = '.tajammu';

/** Where a new portfolio file or copy goes: `.tajammu` added when no extension was typed. */
function portfolioPath(path: string): string {
  const file = resolve(path);
  if (extname(file) === '') return file + EXT;
  if (extname(file).toLowerCase() !== EXT) {
    throw new AppError('INVALID_INPUT', bilingual('errors.badExtension', { EXT, file }));
  }
  return file;
}
