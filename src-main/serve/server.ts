import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { Dispatch } from '../services/dispatch.ts';
import type { EventHub } from '../services/events.ts';
import { CONTENT_SECURITY_POLICY_HEADER } from '../shared/csp.ts';
import { fail, type Result } from '../shared/result.ts';
import { resolveStaticFile } from './static-files.ts';
import { STATUS_BY_CODE } from './http-status.ts';

// `pimwb serve`: the typed contract over HTTP (one JSON POST per channel, server-sent events for
// pushes) plus the built renderer, so the workbench runs in any browser. Every API request must
// carry the session token printed at start-up.

export interface BridgeOptions {
  readonly dispatch: Dispatch;
  readonly events: EventHub;
  readonly rendererDir: string;
  readonly host: string;
  readonly port: number;
  readonly token?: string;
}

export interface RunningBridge {
  readonly url: string;
  readonly origin: string;
  readonly token: string;
  readonly port: number;
  close(): Promise<void>;
}

const MAX_BODY_BYTES = 64 * 1024 * 1024;
const HEARTBEAT_MS = 15_000;

const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY_HEADER,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

export function newSessionToken(): string {
  return randomBytes(24).toString('base64url');
}

function tokenMatches(given: string | null | undefined, expected: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(JSON.stringify(body));
}

function sendEnvelope(res: ServerResponse, result: Result<unknown>): void {
  sendJson(res, result.ok ? 200 : STATUS_BY_CODE[result.error.code], result);
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new Error(`request body is larger than ${MAX_BODY_BYTES} bytes`));
        req.destroy();
      } else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

export async function startBridge(options: BridgeOptions): Promise<RunningBridge> {
  const token = options.token ?? newSessionToken();
  const streams = new Set<ServerResponse>();
  const server = createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) sendEnvelope(res, fail('internal', 'the request could not be handled'));
      else res.end();
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://bridge.invalid');
    if (!url.pathname.startsWith('/api/')) return serveStatic(req, res, url.pathname);
    if (!hostAllowed(req)) return sendEnvelope(res, fail('forbidden', 'requests must address the server by its loopback name'));
    const given = url.pathname === '/api/events' ? url.searchParams.get('token') : bearer(req);
    if (!tokenMatches(given, token)) {
      return sendEnvelope(res, fail('forbidden', 'missing or wrong session token; open the URL pimwb serve printed'));
    }
    if (url.pathname === '/api/events' && req.method === 'GET') return openEventStream(res);
    if (req.method !== 'POST') return sendJson(res, 405, fail('invalid_input', 'API calls are POST requests with a JSON body'));
    await callChannel(req, res, decodeURIComponent(url.pathname.slice('/api/'.length)));
  }

  function hostAllowed(req: IncomingMessage): boolean {
    // Guards against DNS rebinding when bound to loopback: a page on another host name cannot reach the API.
    if (!isLoopback(options.host)) return true;
    const host = (req.headers.host ?? '').replace(/:\d+$/, '').replace(/^\[|\]$/g, '');
    return host === 'localhost' || isLoopback(host);
  }

  async function callChannel(req: IncomingMessage, res: ServerResponse, channel: string): Promise<void> {
    let payload: unknown;
    try {
      const text = await readBody(req);
      payload = text.trim() === '' ? {} : (JSON.parse(text) as unknown);
    } catch (error) {
      return sendEnvelope(res, fail('invalid_input', `the request body is not valid JSON: ${error instanceof Error ? error.message : String(error)}`));
    }
    sendEnvelope(res, await options.dispatch(channel, payload));
  }

  function openEventStream(res: ServerResponse): void {
    res.writeHead(200, { ...SECURITY_HEADERS, 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store', Connection: 'keep-alive' });
    res.write(': connected\n\n');
    streams.add(res);
    const heartbeat = setInterval(() => res.write(': keep-alive\n\n'), HEARTBEAT_MS);
    const unsubscribe = options.events.subscribe((name, payload) => {
      res.write(`event: ${name}\ndata: ${JSON.stringify(payload)}\n\n`);
    });
    res.on('close', () => {
      clearInterval(heartbeat);
      unsubscribe();
      streams.delete(res);
    });
  }

  function serveStatic(req: IncomingMessage, res: ServerResponse, pathname: string): void {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, SECURITY_HEADERS);
      res.end();
      return;
    }
    const file = resolveStaticFile(options.rendererDir, pathname);
    if (!file) {
      res.writeHead(404, { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' });
      res.end('not found');
      return;
    }
    const cache = pathname.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-store';
    res.writeHead(200, { ...SECURITY_HEADERS, 'Content-Type': file.contentType, 'Cache-Control': cache, 'Content-Length': file.body.length });
    res.end(req.method === 'HEAD' ? undefined : file.body);
  }

  await listen(server, options.port, options.host);
  const port = (server.address() as AddressInfo).port;
  const hostInUrl = options.host.includes(':') ? `[${options.host}]` : options.host;
  const origin = `http://${hostInUrl === '0.0.0.0' ? '127.0.0.1' : hostInUrl}:${port}`;
  return {
    url: `${origin}/?token=${token}`,
    origin,
    token,
    port,
    close: () => closeServer(server, streams),
  };
}

function bearer(req: IncomingMessage): string | undefined {
  const header = req.headers.authorization;
  return header?.startsWith('Bearer ') ? header.slice('Bearer '.length).trim() : undefined;
}

export function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127(\.\d{1,3}){3}$/.test(host);
}

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
}

function closeServer(server: Server, streams: Set<ServerResponse>): Promise<void> {
  for (const stream of streams) stream.end();
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}
