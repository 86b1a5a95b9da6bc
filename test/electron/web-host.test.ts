import { request } from 'node:http';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startWebHost, type WebHost } from '../../electron/web-host';
import { useTestDb } from '../helpers/db';
import { useTempDir } from '../helpers/tmp';

const newDb = useTestDb();
const tempDir = useTempDir();
const hosts: WebHost[] = [];
afterEach(async () => {
  for (const h of hosts.splice(0)) await h.close();
});

async function start(): Promise<WebHost> {
  const dir = tempDir();
  const root = join(dir, 'renderer');
  mkdirSync(root);
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>t</title>');
  writeFileSync(join(dir, 'secret.txt'), 'secret');
  const host = await startWebHost({ db: newDb(), staticDir: root });
  hosts.push(host);
  return host;
}

function raw(host: WebHost, path: string, headers: Record<string, string> = {}, method = 'GET', body?: string) {
  const url = new URL(host.url);
  return new Promise<{ status: number; body: string; headers: Record<string, unknown> }>((ok, fail) => {
    const req = request({ host: url.hostname, port: url.port, path, method, headers }, (res) => {
      let data = '';
      res.on('data', (c: Buffer) => (data += c.toString()));
      res.on('end', () => ok({ status: res.statusCode ?? 0, body: data, headers: res.headers }));
    });
    req.on('error', fail);
    req.end(body);
  });
}

describe('web-host', () => {
  it('listens on 127.0.0.1 only', async () => {
    const host = await start();
    expect(host.server.address()).toMatchObject({ address: '127.0.0.1' });
    expect(host.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
  });

  it('serves the renderer with the content security policy', async () => {
    const host = await start();
    const res = await raw(host, '/');
    expect(res.status).toBe(200);
    expect(String(res.headers['content-security-policy'])).toContain("script-src 'self'");
  });

  it('answers the API through the dispatcher', async () => {
    const host = await start();
    const res = await fetch(`${host.url}api/invoke`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'axes.list' }),
    });
    const json = (await res.json()) as { ok: boolean; value: { id: number }[] };
    expect(json.ok).toBe(true);
    expect(json.value).toHaveLength(7);
    const bad = await fetch(`${host.url}api/invoke`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{not json',
    });
    expect(await bad.json()).toMatchObject({ ok: false, error: { code: 'UNKNOWN_OPERATION' } });
  });

  it('refuses other Host names (DNS rebinding), path traversal, and cross-site form posts', async () => {
    const host = await start();
    expect((await raw(host, '/', { host: 'evil.example' })).status).toBe(403);
    expect((await raw(host, '/../secret.txt')).body).not.toContain('secret');
    expect((await raw(host, '/%2e%2e/secret.txt')).body).not.toContain('secret');
    const form = await raw(host, '/api/invoke', { 'content-type': 'text/plain' }, 'POST', '{"name":"axes.list"}');
    expect(form.status).toBe(405);
  });
});
