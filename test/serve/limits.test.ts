import { describe, expect, it } from 'vitest';
import { request, type ClientRequest, type IncomingMessage } from 'node:http';
import { connect } from 'node:net';
import { DEFAULT_LIMITS } from '../../src-main/serve/limits.ts';
import { LIBRARY_FILE_MAX_BYTES } from '../../src-main/shared/schemas/library.ts';
import { CELL_FILE_MAX_BYTES } from '../../src-main/shared/schemas/cell.ts';
import { errorOf, send, upload, useBridge, type Reply } from './bridge-fixture.ts';

interface OpenStream {
  readonly req: ClientRequest;
  readonly res: IncomingMessage;
}

/** Opens an event stream and resolves once the server has said it is connected. */
function openStream(port: number, token: string): Promise<OpenStream | Reply> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path: `/api/events?token=${token}`, agent: false }, (res) => {
      res.setEncoding('utf8');
      if (res.statusCode !== 200) {
        let body = '';
        res.on('data', (c: string) => (body += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
        return;
      }
      res.once('data', () => resolve({ req, res }));
    });
    req.on('error', reject);
    req.end();
  });
}

const isReply = (value: OpenStream | Reply): value is Reply => 'status' in value;

describe('bridge limits', () => {
  const bridge = useBridge();

  it('keeps the body limit above the largest payloads the schemas allow', () => {
    expect(DEFAULT_LIMITS.maxBodyBytes).toBeGreaterThanOrEqual(2 * LIBRARY_FILE_MAX_BYTES);
    expect(DEFAULT_LIMITS.maxBodyBytes).toBeGreaterThan(CELL_FILE_MAX_BYTES);
    expect(DEFAULT_LIMITS.maxBufferedBytes).toBeGreaterThanOrEqual(2 * DEFAULT_LIMITS.maxBodyBytes);
  });

  it('answers a declared body over the limit with 413 while it is still arriving, and keeps serving', async () => {
    const b = await bridge.start();
    const reply = await upload(b.port, b.token, DEFAULT_LIMITS.maxBodyBytes + 1, 'length');
    expect(reply.status).toBe(413);
    expect(errorOf(reply)).toEqual({ code: 'invalid_input', message: expect.stringMatching(/larger than the bridge accepts \(16777216 bytes, 16 MB\)/), issues: [] });
    const next = await send(b.port, 'POST', '/api/libraries.list', { headers: { Authorization: `Bearer ${b.token}` }, body: '{}' });
    expect(next.status).toBe(200);
  });

  for (const framing of ['length', 'chunked'] as const) {
    it(`reads and discards the rest of a refused body (${framing}), so the same connection answers the next request`, async () => {
      const b = await bridge.start({ maxBodyBytes: 1000 });
      const socket = connect(b.port, '127.0.0.1');
      await new Promise((resolve) => socket.once('connect', resolve));
      let received = '';
      socket.setEncoding('utf8');
      socket.on('data', (d: string) => (received += d));
      const head = (framingHeader: string) => `POST /api/libraries.list HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer ${b.token}\r\n${framingHeader}\r\n\r\n`;
      const size = 8 * 1024 * 1024;
      const filler = Buffer.alloc(size, 0x20);
      const refused =
        framing === 'length'
          ? Buffer.concat([Buffer.from(head(`Content-Length: ${size}`)), filler])
          : Buffer.concat([Buffer.from(`${head('Transfer-Encoding: chunked')}${size.toString(16)}\r\n`), filler, Buffer.from('\r\n0\r\n\r\n')]);
      // More than the socket buffers hold: the write completes only if the server keeps reading.
      const written = new Promise((resolve) => socket.write(refused, resolve));
      socket.write(`${head('Content-Length: 2')}{}`);
      await written;
      const statuses = () => received.match(/^HTTP\/1\.1 \d+/gm) ?? [];
      for (let tries = 0; statuses().length < 2 && tries < 100; tries += 1) await new Promise((resolve) => setTimeout(resolve, 20));
      socket.destroy();
      expect(statuses()).toEqual(['HTTP/1.1 413', 'HTTP/1.1 200']);
    });
  }

  it('drops the connection of a refused body that keeps coming past the linger time', async () => {
    const b = await bridge.start({ maxBodyBytes: 1000, lingerMs: 200 });
    const socket = connect(b.port, '127.0.0.1');
    await new Promise((resolve) => socket.once('connect', resolve));
    let received = '';
    socket.setEncoding('utf8');
    socket.on('data', (d: string) => (received += d));
    socket.on('error', () => undefined);
    const closed = new Promise((resolve) => socket.once('close', resolve));
    socket.write(`POST /api/libraries.list HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer ${b.token}\r\nContent-Length: 1000000000\r\n\r\n`);
    const trickle = setInterval(() => socket.write(' '.repeat(100)), 20);
    const started = Date.now();
    await closed;
    clearInterval(trickle);
    expect(received).toMatch(/^HTTP\/1\.1 413/);
    expect(Date.now() - started).toBeLessThan(3_000);
  });

  it('answers a chunked body with 413 as soon as it passes the limit', async () => {
    const b = await bridge.start();
    const reply = await upload(b.port, b.token, DEFAULT_LIMITS.maxBodyBytes + 2 * 1024 * 1024, 'chunked');
    expect(reply.status).toBe(413);
    expect(errorOf(reply).code).toBe('invalid_input');
    expect((await send(b.port, 'POST', '/api/libraries.list', { headers: { Authorization: `Bearer ${b.token}` }, body: '{}' })).status).toBe(200);
  });

  it('accepts a body of exactly the limit and refuses one byte more', async () => {
    const b = await bridge.start({ maxBodyBytes: 1000 });
    expect((await upload(b.port, b.token, 1000, 'length')).status).toBe(200);
    expect((await upload(b.port, b.token, 1001, 'length')).status).toBe(413);
    expect((await upload(b.port, b.token, 1001, 'chunked')).status).toBe(413);
  });

  it('refuses with 503 a body that would take the bodies held at once past their budget, until one finishes', async () => {
    const b = await bridge.start({ maxBodyBytes: 1000, maxBufferedBytes: 1500 });
    const auth = { Authorization: `Bearer ${b.token}`, 'Content-Length': '1000' };
    // Asking for "100 Continue" makes the server reserve the body before it answers.
    const held = request({ host: '127.0.0.1', port: b.port, method: 'POST', path: '/api/libraries.list', headers: { ...auth, Expect: '100-continue' }, agent: false });
    const heldReply = new Promise<number>((resolve, reject) => {
      held.on('response', (res) => (res.resume(), resolve(res.statusCode ?? 0)));
      held.on('error', reject);
    });
    await new Promise((resolve) => held.once('continue', resolve));
    const refused = await send(b.port, 'POST', '/api/libraries.list', { headers: auth, body: ' '.repeat(1000) });
    expect(refused.status).toBe(503);
    expect(errorOf(refused)).toMatchObject({ code: 'conflict', message: expect.stringMatching(/try again/) });
    held.end(' '.repeat(1000));
    expect(await heldReply).toBe(200);
    expect((await send(b.port, 'POST', '/api/libraries.list', { headers: auth, body: ' '.repeat(1000) })).status).toBe(200);
  });

  it('refuses a declared oversized body before the client sends it when it waits for "100 Continue"', async () => {
    const b = await bridge.start({ maxBodyBytes: 1000 });
    const req = request({
      host: '127.0.0.1',
      port: b.port,
      method: 'POST',
      path: '/api/libraries.list',
      headers: { Authorization: `Bearer ${b.token}`, 'Content-Length': '5000', Expect: '100-continue' },
      agent: false,
    });
    let continued = false;
    req.on('continue', () => (continued = true));
    const status = await new Promise<number>((resolve, reject) => {
      req.on('response', (res) => (res.resume(), resolve(res.statusCode ?? 0)));
      req.on('error', reject);
      req.flushHeaders();
    });
    req.destroy();
    expect(status).toBe(413);
    expect(continued).toBe(false);
  });

  it('answers 413 cleanly to a chunked body that passes the limit after "100 Continue"', async () => {
    const b = await bridge.start({ maxBodyBytes: 1000 });
    const req = request({
      host: '127.0.0.1',
      port: b.port,
      method: 'POST',
      path: '/api/libraries.list',
      headers: { Authorization: `Bearer ${b.token}`, Expect: '100-continue' },
      agent: false,
    });
    const reply = new Promise<number>((resolve, reject) => {
      req.on('response', (res) => (res.resume(), resolve(res.statusCode ?? 0)));
      req.on('error', reject);
    });
    req.flushHeaders();
    await new Promise((resolve) => req.once('continue', resolve));
    // Queued at once: once answered, this client closes its socket and would never see a 'drain'.
    for (let i = 0; i < 8; i += 1) req.write(Buffer.alloc(1024 * 1024, 0x20));
    req.end();
    expect(await reply).toBe(413);
  });

  it(`caps event streams per token at ${DEFAULT_LIMITS.maxEventStreams}: one more gets 429, and a closed stream frees its slot`, async () => {
    const b = await bridge.start();
    const open: OpenStream[] = [];
    for (let i = 0; i < DEFAULT_LIMITS.maxEventStreams; i += 1) {
      const stream = await openStream(b.port, b.token);
      if (isReply(stream)) throw new Error(`stream ${i + 1} was refused with ${stream.status}`);
      open.push(stream);
    }
    const extra = await openStream(b.port, b.token);
    expect(isReply(extra) && extra.status).toBe(429);
    expect(isReply(extra) && errorOf(extra)).toMatchObject({ code: 'conflict', message: expect.stringMatching(/16 open event streams/) });
    open.shift()!.req.destroy();
    let again = await openStream(b.port, b.token);
    // The server learns of the closed socket a moment after the client drops it.
    for (let tries = 0; isReply(again) && tries < 50; tries += 1) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      again = await openStream(b.port, b.token);
    }
    expect(isReply(again)).toBe(false);
    if (!isReply(again)) open.push(again);
    for (const stream of open) stream.req.destroy();
  });
});
