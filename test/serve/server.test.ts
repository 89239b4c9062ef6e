import { describe, expect, it } from 'vitest';
import { request } from 'node:http';
import { call } from '../helpers/workbench.ts';
import { send, useBridge } from './bridge-fixture.ts';

describe('pimwb serve bridge', () => {
  const bridge = useBridge();
  const start = () => bridge.start();

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
          if (chunk.includes('connected')) void call(bridge.workbench(), 'libraries.create', { name: 'pushed', kind: 'cell' });
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
