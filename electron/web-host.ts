/**
 * The local web host: serves the built renderer and the API over HTTP on 127.0.0.1 only, for
 * development and the browser tests. The same dispatcher as the Electron app answers
 * `POST /api/invoke` with `{name, input}`.
 *   npm run web -- [--port N] [--db FILE]
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, extname, join, normalize, resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';
import type { Db } from '../db/connection';
import { dispatch, sessionContext, toApiError } from './api/dispatch';
import { errorLine } from './cli';
import { CONTENT_SECURITY_POLICY } from './main/csp';
import { PortfolioSession } from './session';

export const LOOPBACK = '127.0.0.1';
// Workbooks travel as base64 in API calls; the import limit is 100 MB of file.
const MAX_BODY = 150 * 1024 * 1024;
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
};

export interface WebHost {
  url: string;
  server: Server;
  close(): Promise<void>;
}

export type WebHostOptions = ({ db: Db } | { session: PortfolioSession }) & {
  staticDir: string;
  port?: number;
};

export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const root = resolve(options.staticDir);
  const session = 'session' in options ? options.session : PortfolioSession.adopting(options.db);
  const server = createServer((req, res) => {
    handle(req, res, session, root).catch((e: unknown) => {
      sendJson(res, 500, { ok: false, error: toApiError(e) });
    });
  });
  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    // Loopback only: the portfolio is never offered to the office network.
    server.listen(options.port ?? 0, LOOPBACK, () => ok());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${LOOPBACK}:${port}/`,
    server,
    close: () => new Promise((ok) => server.close(() => ok())),
  };
}

async function handle(
  req: IncomingMessage,
  res: ServerResponse,
  session: PortfolioSession,
  root: string,
): Promise<void> {
  // A page on another origin could reach a loopback port through DNS rebinding; the Host header
  // tells them apart.
  const host = (req.headers.host ?? '').replace(/:\d+$/, '');
  if (host !== LOOPBACK && host !== 'localhost') {
    res.writeHead(403).end();
    return;
  }
  const url = new URL(req.url ?? '/', 'http://localhost');
  if (url.pathname === '/api/invoke') {
    if (req.method !== 'POST' || !String(req.headers['content-type']).startsWith('application/json')) {
      res.writeHead(405).end();
      return;
    }
    const body = await readBody(req);
    let call: { name?: unknown; input?: unknown };
    try {
      call = JSON.parse(body) as typeof call;
    } catch {
      call = { name: undefined };
    }
    sendJson(res, 200, await dispatch(sessionContext(session, 'ui'), call.name, call.input));
    return;
  }
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405).end();
    return;
  }
  serveStatic(url.pathname, root, res);
}

function serveStatic(pathname: string, root: string, res: ServerResponse): void {
  const wanted = normalize(join(root, decodeURIComponent(pathname)));
  if (wanted !== root && !wanted.startsWith(root + sep)) {
    res.writeHead(403).end();
    return;
  }
  const file = existsSync(wanted) && statSync(wanted).isFile() ? wanted : join(root, 'index.html');
  if (!existsSync(file)) {
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
    res.end('Renderer not built: run `npm run web`.');
    return;
  }
  res.writeHead(200, {
    'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
    'content-security-policy': CONTENT_SECURITY_POLICY,
    'x-content-type-options': 'nosniff',
    'cache-control': 'no-store',
  });
  createReadStream(file).pipe(res);
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((ok, fail) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) {
        req.destroy();
        fail(new Error('request body too large'));
        return;
      }
      chunks.push(c);
    });
    req.on('end', () => ok(Buffer.concat(chunks).toString('utf8')));
    req.on('error', fail);
  });
}

function sendJson(res: ServerResponse, status: number, value: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(JSON.stringify(value));
}

export const DEFAULT_WEB_DB = join('data', 'portfolio.tajammu');

async function serve(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '5180' },
      db: { type: 'string', default: DEFAULT_WEB_DB },
      static: { type: 'string', default: join('out', 'renderer') },
    },
  });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`--port must be 0..65535, got ${values.port}`);
  }
  const session = new PortfolioSession({ stateDir: dirname(resolve(values.db)) });
  const state = await session.start(values.db);
  const host = await startWebHost({ session, staticDir: values.static, port });
  process.stdout.write(`Tajammu web host: ${host.url}  (portfolio: ${state.file}, ${state.state})\n`);
  const stop = (): void => {
    void host.close().then(() => {
      session.close();
      process.exit(0);
    });
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

/** The web host's entry (`npm run web`, through build/run.mjs). */
export function main(): void {
  serve().catch((e: unknown) => {
    process.stderr.write(`${errorLine(e)}\n`);
    process.exit(1);
  });
}

if (require.main === module) main();
