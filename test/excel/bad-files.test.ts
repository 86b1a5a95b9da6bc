import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../db/connection';
import { loadDemo } from '../../db/demo';
import { previewImport } from '../../electron/excel/import';
import { runCli } from '../../electron/cli';
import { useTestDb } from '../helpers/db';
import { useTempDir } from '../helpers/tmp';
import { writeMessyRegister } from '../helpers/workbooks';
import { makeZip } from '../helpers/zips';

const newDb = useTestDb();
const tempDir = useTempDir();
let db: Db;
let dir: string;
let fingerprint: unknown;

const snapshot = (d: Db) =>
  d
    .prepare(
      'SELECT (SELECT count(*) FROM initiatives) AS i, (SELECT count(*) FROM audit_log) AS a, (SELECT count(*) FROM regions) AS r',
    )
    .get();

beforeEach(() => {
  db = newDb();
  loadDemo(db, { source: 'cli' });
  fingerprint = snapshot(db);
  dir = tempDir();
});

const CONTENT_TYPES = Buffer.from(
  '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
);
const WORKBOOK = Buffer.from('<?xml version="1.0"?><workbook/>');

async function refusal(file: string): Promise<{ reason: string; ar: string; en: string }> {
  try {
    await previewImport(db, file, { timeoutMs: 5000 });
  } catch (e) {
    const err = e as { details?: { reason: string }; bilingual: { ar: string; en: string } };
    return { reason: err.details?.reason ?? '', ...err.bilingual };
  }
  throw new Error('expected a refusal');
}

describe('import/bad files', () => {
  it.each([
    ['an empty file', () => Buffer.alloc(0), 'empty'],
    [
      'a binary file that is no workbook (a PNG named .xlsx)',
      () => Buffer.concat([Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'), Buffer.alloc(4096, 3)]),
      'not_xlsx',
    ],
    [
      'a damaged old binary .xls',
      () => Buffer.concat([Buffer.from('d0cf11e0a1b11ae1', 'hex'), Buffer.alloc(4096, 1)]),
      'truncated',
    ],
    [
      'an encrypted workbook',
      () =>
        Buffer.concat([
          Buffer.from('d0cf11e0a1b11ae1', 'hex'),
          Buffer.alloc(1024),
          Buffer.from('EncryptionInfo', 'utf16le'),
          Buffer.alloc(1024),
        ]),
      'encrypted',
    ],
    [
      'a decompression bomb',
      () =>
        makeZip([
          { name: '[Content_Types].xml', data: CONTENT_TYPES },
          { name: 'xl/workbook.xml', data: WORKBOOK },
          { name: 'xl/worksheets/sheet1.xml', data: Buffer.alloc(60 * 1024 * 1024, 0x20) },
        ]),
      'oversized',
    ],
    [
      'a zip that is not a workbook',
      () => makeZip([{ name: 'notes.txt', data: Buffer.from('hello') }]),
      'not_workbook',
    ],
  ])('refuses %s with a bilingual message and changes nothing', async (_what, make, reason) => {
    const file = join(dir, 'bad.xlsx');
    writeFileSync(file, make());
    const r = await refusal(file);
    expect(r.reason).toBe(reason);
    expect(r.ar).toMatch(/[\u0600-\u06FF]/);
    expect(r.en).toMatch(/[a-z]/);
    expect(snapshot(db)).toEqual(fingerprint);
  });

  it('refuses a truncated workbook (a copy that stopped half-way)', async () => {
    const good = await writeMessyRegister(dir, ['اسم المبادرة', 'الإقليم', 'المحاور'], [['تدريب', 'إقليم', '1']]);
    const bytes = readFileSync(good);
    for (const cut of [0.5, 0.9, 0.99]) {
      const file = join(dir, `cut-${cut}.xlsx`);
      writeFileSync(file, bytes.subarray(0, Math.floor(bytes.length * cut)));
      expect((await refusal(file)).reason).toBe('truncated');
    }
    expect(snapshot(db)).toEqual(fingerprint);
  });

  it('refuses a workbook whose compressed data is corrupt, within its time limit', async () => {
    const rows = Array.from({ length: 2000 }, (_, i) => [`مبادرة ${i}`, 'إقليم', '1']);
    const good = await writeMessyRegister(dir, ['اسم المبادرة', 'الإقليم', 'المحاور'], rows);
    const bytes = Buffer.from(readFileSync(good));
    for (let i = Math.floor(bytes.length * 0.3); i < Math.floor(bytes.length * 0.6); i += 7) bytes[i] = 0xff;
    const file = join(dir, 'corrupt.xlsx');
    writeFileSync(file, bytes);
    await expect(previewImport(db, file, { timeoutMs: 3000 })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    expect(snapshot(db)).toEqual(fingerprint);
  }, 20_000);

  it('refuses a sheet larger than the row limit', async () => {
    const rows = Array.from({ length: 300 }, (_, i) => [`مبادرة ${i}`, 'إقليم', '1']);
    const file = await writeMessyRegister(dir, ['اسم المبادرة', 'الإقليم', 'المحاور'], rows);
    await expect(previewImport(db, file, { maxRows: 100 })).rejects.toMatchObject({
      details: { reason: 'too_many_rows' },
    });
  });

  it('answers the CLI with exit 2 and a JSON error, writing nothing', async () => {
    const file = join(dir, 'bad.xlsx');
    writeFileSync(file, 'not a workbook');
    let out = '';
    let err = '';
    const code = await runCli(['import', '--db', db.name, file, '--json'], {
      out: (t) => (out += t),
      err: (t) => (err += t),
    });
    expect(code).toBe(2);
    expect(JSON.parse(out)).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', message: { ar: expect.any(String), en: expect.any(String) } },
    });
    expect(err.trim().split('\n')).toHaveLength(1);
    expect(snapshot(db)).toEqual(fingerprint);
  });
});
