import { afterEach, expect } from 'vitest';
import { request, type ClientRequest } from 'node:http';
import { connect } from 'node:net';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startBridge, type RunningBridge } from '../../src-main/serve/server.ts';
import type { BridgeLimits } from '../../src-main/serve/limits.ts';
import type { Workbench } from '../../src-main/services/workbench.ts';
import { useTempDir } from '../helpers/temp.ts';
import { testWorkbench } from '../helpers/workbench.ts';

export interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

export interface SendOptions {
  headers?: Record<string, string>;
  body?: string | Buffer;
}

function collect(req: ClientRequest): Promise<Reply> {
  return new Promise((resolve, reject) => {
    req.on('response', (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
  });
}

/** The envelope's error of a failed reply. */
export function errorOf(reply: Reply): { code: string; message: string; issues: unknown[] } {
  const body = JSON.parse(reply.body) as { ok: boolean; error: { code: string; message: string; issues: unknown[] } };
  expect(body.ok).toBe(false);
  return body.error;
}

/** A raw request: the path is sent exactly as given (no client-side normalisation of ".."). */
export function send(port: number, method: string, path: string, options: SendOptions = {}): Promise<Reply> {
  const req = request({ host: '127.0.0.1', port, method, path, headers: options.headers, agent: false });
  const reply = collect(req);
  req.end(options.body);
  return reply;
}

/**
 * Streams `bytes` of JSON whitespace in 1 MB writes, declaring the length or sending it chunked,
 * and resolves with the reply even when the reply comes before the upload has finished.
 */
export function upload(port: number, token: string, bytes: number, framing: 'length' | 'chunked'): Promise<Reply> {
  const headers: Record<string, string> = { Authorization: `Bearer ${token}` };
  if (framing === 'length') headers['Content-Length'] = String(bytes);
  const req = request({ host: '127.0.0.1', port, method: 'POST', path: '/api/libraries.list', headers, agent: false });
  const reply = collect(req);
  const chunk = Buffer.alloc(1024 * 1024, 0x20);
  let sent = 0;
  const pump = (): void => {
    while (sent < bytes) {
      const n = Math.min(chunk.length, bytes - sent);
      sent += n;
      if (!req.write(chunk.subarray(0, n))) return void req.once('drain', pump);
    }
    req.end();
  };
  pump();
  return reply;
}

/** Sends bytes exactly as given and returns the status line, for targets an HTTP client refuses to build. */
export function sendRaw(port: number, text: string): Promise<{ statusLine: string; body: string }> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.end(text));
    let received = '';
    socket.setEncoding('utf8');
    socket.on('data', (d: string) => (received += d));
    socket.on('end', () => resolve({ statusLine: received.split('\r\n')[0] ?? '', body: received.slice(received.indexOf('\r\n\r\n') + 4) }));
    socket.on('error', reject);
  });
}

/** A bridge on a free port over a temporary store and a tiny renderer, closed after each test. */
export function useBridge(): { start(limits?: Partial<BridgeLimits>): Promise<RunningBridge>; workbench(): Workbench } {
  const temp = useTempDir();
  let bridge: RunningBridge | undefined;
  let wb: Workbench | undefined;

  afterEach(async () => {
    await bridge?.close();
    wb?.close();
    bridge = undefined;
    wb = undefined;
  });

  return {
    async start(limits) {
      const dir = temp();
      const renderer = join(dir, 'renderer');
      mkdirSync(join(renderer, 'assets'), { recursive: true });
      writeFileSync(join(renderer, 'index.html'), '<!doctype html><title>PIM Workbench</title>');
      writeFileSync(join(renderer, 'assets', 'app.js'), 'console.log(1)');
      writeFileSync(join(dir, 'secret.txt'), 'secret');
      symlinkSync(join(dir, 'secret.txt'), join(renderer, 'link.txt'));
      wb = testWorkbench(dir);
      bridge = await startBridge({ dispatch: wb.dispatch, events: wb.events, rendererDir: renderer, host: '127.0.0.1', port: 0, limits });
      return bridge;
    },
    workbench: () => wb!,
  };
}
