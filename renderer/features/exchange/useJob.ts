import { useCallback, useEffect, useRef, useState } from 'react';
import { call } from '../../api';
import { useStore } from '../../stores';

/**
 * Follows a long job (workbook read, report write): polls its progress, resolves its result,
 * cancels it. Failures are reported through the store's notice like every other API error.
 */
export function useJob<T>() {
  const notify = useStore((s) => s.notify);
  const fail = useStore((s) => s.fail);
  const [running, setRunning] = useState(false);
  const [rows, setRows] = useState(0);
  const jobId = useRef<string | null>(null);
  const alive = useRef(true);
  useEffect(
    () => () => {
      alive.current = false;
    },
    [],
  );

  const run = useCallback(
    async (start: () => Promise<{ jobId: string }>): Promise<T | undefined> => {
      setRunning(true);
      setRows(0);
      try {
        const { jobId: id } = await start();
        jobId.current = id;
        for (;;) {
          await new Promise((r) => setTimeout(r, 200));
          const job = await call('jobs.get', { id });
          if (!alive.current) return undefined;
          setRows(job.rows);
          if (job.state === 'done') return job.result as T;
          if (job.state !== 'running') {
            if (job.error && job.error.code !== 'CANCELLED') notify({ kind: 'error', error: job.error });
            return undefined;
          }
        }
      } catch (e) {
        fail(e);
        return undefined;
      } finally {
        jobId.current = null;
        if (alive.current) setRunning(false);
      }
    },
    [notify, fail],
  );

  const cancel = useCallback(() => {
    if (jobId.current) void call('jobs.cancel', { id: jobId.current });
  }, []);

  return { run, cancel, running, rows };
}
