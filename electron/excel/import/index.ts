/**
 * The importer's front door: read a workbook (checked, off-thread, cancellable) and plan what
 * importing it would change, through the one pipeline (pipeline.ts). Committing is a separate step.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import type { Db } from '../../../db/connection';
import { planWhileReading } from './pipeline';
import type { ImportPlan, PlanOptions } from './plan';
import type { ReadOptions } from './read';

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

export async function previewImport(db: Db, file: string, options: ReadOptions & PlanOptions = {}): Promise<Preview> {
  const [plan, sha256] = await Promise.all([planWhileReading(db, file, options), sha256File(file)]);
  return { plan, sha256 };
}
