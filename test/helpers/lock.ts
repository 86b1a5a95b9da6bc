import { spawn } from 'node:child_process';

/**
 * Another program holding the portfolio: a second process opens it and keeps a write
 * transaction (BEGIN IMMEDIATE) for `ms` milliseconds. Resolves once the lock is held; `released`
 * resolves when that process has let go and exited.
 */
export async function holdWriteLock(file: string, ms: number): Promise<{ released: Promise<void> }> {
  const script = `
    const Database = require(${JSON.stringify(require.resolve('better-sqlite3'))});
    const db = new Database(process.env.FILE);
    db.exec('BEGIN IMMEDIATE');
    process.stdout.write('locked\\n');
    setTimeout(() => { db.exec('ROLLBACK'); db.close(); }, Number(process.env.MS));`;
  const child = spawn(process.execPath, ['-e', script], {
    env: { ...process.env, FILE: file, MS: String(ms) },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const released = new Promise<void>((done) => child.on('exit', () => done()));
  await new Promise<void>((ok, fail) => {
    child.stdout.on('data', (d: Buffer) => d.toString().includes('locked') && ok());
    child.on('exit', (code) => fail(new Error(`lock holder exited early (${String(code)})`)));
  });
  return { released };
}
