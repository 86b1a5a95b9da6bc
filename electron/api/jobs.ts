/**
 * Long work (reading a workbook, writing a report) runs as a job: the call that starts it
 * returns at once with an id, the screen polls `jobs.get` for progress and the result, and
 * `jobs.cancel` stops it. Polling works the same over IPC, HTTP and in tests.
 */
import { randomUUID } from 'node:crypto';
import { toApiError } from './dispatch-errors';
import type { JobView } from '../../db/core/results';
import { bilingual } from '../../db/core/messages';

interface Job extends JobView {
  controller: AbortController;
  finishedAt?: number;
}

const jobs = new Map<string, Job>();
/** Finished jobs are kept a while for the screen to collect their result, then forgotten. */
const KEEP_MS = 10 * 60 * 1000;

export function startJob(
  kind: string,
  work: (signal: AbortSignal, progress: (rows: number) => void) => Promise<unknown>,
): { jobId: string } {
  const now = Date.now();
  for (const [id, j] of jobs) if (j.finishedAt && now - j.finishedAt > KEEP_MS) jobs.delete(id);
  const job: Job = { id: randomUUID(), kind, state: 'running', rows: 0, controller: new AbortController() };
  jobs.set(job.id, job);
  work(job.controller.signal, (rows) => (job.rows = rows))
    .then((result) => {
      if (job.state === 'running') Object.assign(job, { state: 'done', result });
    })
    .catch((e: unknown) => {
      if (job.state !== 'running') return;
      const error = toApiError(e);
      Object.assign(job, { state: error.code === 'CANCELLED' ? 'cancelled' : 'failed', error });
    })
    .finally(() => (job.finishedAt = Date.now()));
  return { jobId: job.id };
}

export function getJob(id: string): JobView | undefined {
  const job = jobs.get(id);
  if (!job) return undefined;
  const { controller: _c, finishedAt: _f, ...view } = job;
  return view;
}

export function cancelJob(id: string): JobView | undefined {
  const job = jobs.get(id);
  if (job && job.state === 'running') {
    job.controller.abort();
    job.state = 'cancelled';
    job.error = {
      code: 'CANCELLED',
      message: bilingual('errors.cancelled'),
    };
    job.finishedAt = Date.now();
  }
  return getJob(id);
}
