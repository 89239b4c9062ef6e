import { afterEach, describe, expect, it } from 'vitest';
import { request } from 'node:http';
import { mkdirSync, writeFileSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { startBridge, type RunningBridge } from '../../src-main/serve/server.ts';
import { useTempDir } from '../helpers/temp.ts';
import { call, testWorkbench } from '../helpers/workbench.ts';
import type { Workbench } from '../../src-main/services/workbench.ts';

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A raw request: the path is sent exactly as given (no client-side normalisation of ".."). */
function send(port: number, method: string, path: string, options: { headers?: Record<string, string>; body?: string } = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method, path, headers: options.headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

describe('pimwb serve bridge', () => {
  const temp = useTempDir();
  let bridge: RunningBridge | undefined;
  let wb: Workbench | undefined;

  afterEach(async () => {
    await bridge?.close();
    wb?.close();
    bridge = undefined;
  });

  async function start(): Promise<RunningBridge> {
    const dir = temp();
    const renderer = join(dir, 'renderer');
    mkdirSync(join(renderer, 'assets'), { recursive: true });
    writeFileSync(join(renderer, 'index.html'), '<!doctype html><title>PIM Workbench</title>');
    writeFileSync(join(renderer, 'assets', 'app.js'), 'console.log(1)');
    writeFileSync(join(dir, 'secret.txt'), 'secret');
    symlinkSync(join(dir, 'secret.txt'), join(renderer, 'link.txt'));
    wb = testWorkbench(dir);
    bridge = await startBridge({ dispatch: wb.dispatch, events: wb.events, rendererDir: renderer, host: '127.0.0.1', port: 0 });
    return bridge;
  }

  it('prints a loopback URL that carries the session token', async () => {
    const b = await start();
    expect(b.url).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${b.port}/\\?token=[\\w-]{32}$`));
  });

  it('answers a contract call with the token, and 401 without or with a wrong one', async () => {
    const b = await start();
    const body = JSON.stringify({});
    const good = await send(b.port, 'POST', '/api/libraries.list', { headers: { Authorization: `Bearer ${b.token}` }, body });
    expect(good.status).toBe(200);
    expect(JSON.parse(good.body)).toMatchObject({ ok: true, value: { items: expect.any(Array) } });
    expect((await send(b.port, 'POST', '/api/libraries.list', { body })).status).toBe(401);
    const wrong = await send(b.port, 'POST', '/api/libraries.list', { headers: { Authorization: 'Bearer nope' }, body });
    expect(wrong.status).toBe(401);
    expect(JSON.parse(wrong.body)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('maps envelope errors to HTTP statuses', async () => {
    const b = await start();
    const auth = { Authorization: `Bearer ${b.token}` };
    expect((await send(b.port, 'POST', '/api/libraries.get', { headers: auth, body: '{"ref":"missing"}' })).status).toBe(404);
    expect((await send(b.port, 'POST', '/api/libraries.create', { headers: auth, body: '{"name":""}' })).status).toBe(400);
    expect((await send(b.port, 'POST', '/api/libraries.create', { headers: auth, body: '{not json' })).status).toBe(400);
    expect((await send(b.port, 'POST', '/api/no.such', { headers: auth, body: '{}' })).status).toBe(404);
    expect((await send(b.port, 'GET', '/api/libraries.list', { headers: auth })).status).toBe(405);
  });

  it('serves the renderer and nothing outside its folder', async () => {
    const b = await start();
    const index = await send(b.port, 'GET', '/');
    expect(index.status).toBe(200);
    expect(index.body).toContain('PIM Workbench');
    expect(index.headers['content-security-policy']).toMatch(/script-src 'self'/);
    expect((await send(b.port, 'GET', '/assets/app.js')).headers['content-type']).toMatch(/javascript/);
    for (const path of ['/../package.json', '/../secret.txt', '/assets/../../secret.txt', '/%2e%2e/secret.txt', '/..%2fsecret.txt', '/link.txt', '/%00', '/..\\secret.txt']) {
      const reply = await send(b.port, 'GET', path);
      expect(reply.status, path).toBe(404);
      expect(reply.body).not.toContain('secret');
    }
  });

  it('refuses API calls addressed to another host name (DNS rebinding)', async () => {
    const b = await start();
    const reply = await send(b.port, 'POST', '/api/libraries.list', { headers: { Authorization: `Bearer ${b.token}`, Host: 'evil.example:80' }, body: '{}' });
    expect(reply.status).toBe(401);
  });

  it('pushes service events to server-sent-event subscribers', async () => {
    const b = await start();
    const received = new Promise<string>((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port: b.port, path: `/api/events?token=${b.token}` }, (res) => {
        res.setEncoding('utf8');
        let text = '';
        res.on('data', (chunk: string) => {
          text += chunk;
          if (chunk.includes('connected')) void call(wb!, 'libraries.create', { name: 'pushed', kind: 'cell' });
          const at = text.indexOf('event: ');
          if (at >= 0 && text.includes('\n\n', at)) {
            resolve(text);
            req.destroy();
          }
        });
      });
      req.on('error', reject);
      req.end();
    });
    const text = await received;
    expect(text).toMatch(/event: libraries\.changed\ndata: \{"ids":\["lib_\w+"\],"reason":"created"\}/);
    expect((await send(b.port, 'GET', '/api/events?token=wrong')).status).toBe(401);
  });
});
