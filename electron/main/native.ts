import { existsSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Where the Electron-ABI build of better-sqlite3 lives. It is kept apart from the Node build in
 * node_modules (which the tests use), so `npm start` and `npm test` never break each other:
 * `npm start` passes it in TAJAMMU_NATIVE_BINDING; a packaged app carries it in resources/native.
 */
export function nativeBindingPath(
  env: NodeJS.ProcessEnv,
  resourcesPath: string | undefined,
  packaged: boolean,
): string | undefined {
  const candidates = [
    env.TAJAMMU_NATIVE_BINDING,
    packaged && resourcesPath ? join(resourcesPath, 'native', 'better_sqlite3.node') : undefined,
  ];
  return candidates.find((p): p is string => typeof p === 'string' && p !== '' && existsSync(p));
}
