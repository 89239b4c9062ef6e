import { describe, expect, it } from 'vitest';
import { errorOf, send, sendRaw, useBridge } from './bridge-fixture.ts';

// What the bridge checks before a request reaches a file or a channel: a URL that parses, and an
// Origin that is the served page.

describe('bridge request checks', () => {
  const bridge = useBridge();

  it('answers 400, never 500, to a malformed URL or percent-encoding', async () => {
    const b = await bridge.start();
    const raw = await sendRaw(b.port, 'GET http://[ HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n');
    expect(raw.statusLine).toBe('HTTP/1.1 400 Bad Request');
    // The raw reply is chunked, so the envelope is matched as text.
    expect(raw.body).toMatch(/\{"ok":false,"error":\{"code":"invalid_input","message":"the request URL is malformed/);
    for (const path of ['/api/%E0%A4%A', '/%E0%A4%A', '/api/libraries.list%']) {
      const reply = await send(b.port, 'POST', path, { headers: { Authorization: `Bearer ${b.token}` }, body: '{}' });
      expect(reply.status, path).toBe(400);
      expect(errorOf(reply).code, path).toBe('invalid_input');
    }
    expect((await send(b.port, 'GET', '/api/%E0%A4%A')).status).toBe(400);
  });

  it('refuses with 403 a request whose Origin is not the served origin', async () => {
    const b = await bridge.start();
    const auth = { Authorization: `Bearer ${b.token}` };
    const otherPort = `http://127.0.0.1:${b.port === 65535 ? 65534 : b.port + 1}`;
    for (const origin of ['https://evil.example', 'null', otherPort, `https://127.0.0.1:${b.port}`, 'http://localhost.evil.example']) {
      const reply = await send(b.port, 'POST', '/api/libraries.list', { headers: { ...auth, Origin: origin }, body: '{}' });
      expect(reply.status, origin).toBe(403);
      expect(errorOf(reply).code, origin).toBe('forbidden');
    }
    expect((await send(b.port, 'GET', `/api/events?token=${b.token}`, { headers: { Origin: 'https://evil.example' } })).status).toBe(403);
  });

  it('answers the served origin and requests without an Origin, and still requires the token', async () => {
    const b = await bridge.start();
    const auth = { Authorization: `Bearer ${b.token}` };
    expect((await send(b.port, 'POST', '/api/libraries.list', { headers: { ...auth, Origin: b.origin }, body: '{}' })).status).toBe(200);
    expect((await send(b.port, 'POST', '/api/libraries.list', { headers: auth, body: '{}' })).status).toBe(200);
    const localhost = { ...auth, Host: `localhost:${b.port}`, Origin: `http://localhost:${b.port}` };
    expect((await send(b.port, 'POST', '/api/libraries.list', { headers: localhost, body: '{}' })).status).toBe(200);
    const noToken = await send(b.port, 'POST', '/api/libraries.list', { headers: { Origin: b.origin }, body: '{}' });
    expect(noToken.status).toBe(401);
    expect(errorOf(noToken).code).toBe('forbidden');
    expect((await send(b.port, 'GET', '/', { headers: { Origin: b.origin } })).status).toBe(200);
  });
});
