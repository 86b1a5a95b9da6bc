import { runCli } from '../../electron/cli';

/** The JSON line a command prints, as loosely as a script reads it. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a test reads any key it asserts
export type Json = Record<string, any>;

/** Runs the command line in-process: its exit code, its output, and its last line as JSON. */
export async function cli(...args: string[]) {
  let out = '';
  let err = '';
  const code = await runCli(args, { out: (t) => (out += t), err: (t) => (err += t) });
  const last = out.trim().split('\n').pop() ?? '';
  return { code, out, err, json: last.startsWith('{') ? (JSON.parse(last) as Json) : {} };
}
