/**
 * The importer's front door: read a workbook (checked, off-thread, cancellable), turn its rows
 * into records, and plan what importing them would change. Committing is a separate step.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import type { Db } from '../../../db/connection';
import { getSettings } from '../../../db/repos/settings';
import { planImport, type ImportPlan } from './plan';
import { readWorkbook, type ReadOptions } from './read';
import { readRecords } from './rows';

export interface Preview {
  plan: ImportPlan;
  sha256: string;
}

export function sha256File(file: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash('sha256');
    createReadStream(file)
      .on('data', (c) => hash.update(c))
      .on('end', () => resolve(hash.digest('hex')))
      .on('error', reject);
  });
}

export async function previewImport(db: Db, file: string, options: ReadOptions = {}): Promise<Preview> {
  const [sheet, sha256] = await Promise.all([readWorkbook(file, options), sha256File(file)]);
  const { currencyDigits } = getSettings(db);
  const { records, errors, skipped } = readRecords(sheet, currencyDigits, sheet.date1904);
  return { plan: planImport(db, sheet, records, errors, skipped, currencyDigits), sha256 };
}
