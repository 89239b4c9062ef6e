import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { Dispatch } from '../services/dispatch.ts';
import type { EventHub } from '../services/events.ts';
import { CONTENT_SECURITY_POLICY_HEADER } from '../shared/csp.ts';
import { fail, type ErrorCode, type Result } from '../shared/result.ts';
import { resolveStaticFile } from './static-files.ts';
import { STATUS_BY_CODE } from './http-status.ts';
import { DEFAULT_LIMITS, bodyLimitFor, type BridgeLimits } from './limits.ts';
import { BodyBudget, readBody } from './body.ts';
import { EventStreams } from './event-streams.ts';
import { hostAllowed, originAllowed, parseTarget } from './request-guards.ts';

export { isLoopback } from './request-guards.ts';

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
  readonly limits?: Partial<BridgeLimits>;
}

export interface RunningBridge {
  readonly url: string;
  readonly origin: string;
  readonly token: string;
  readonly port: number;
  close(): Promise<void>;
}

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

/** An error whose HTTP status says more than its envelope code (413, 429, 403...). */
function sendError(res: ServerResponse, status: number, code: ErrorCode, message: string): void {
  sendJson(res, status, fail(code, message));
}

export async function startBridge(options: BridgeOptions): Promise<RunningBridge> {
  const token = options.token ?? newSessionToken();
  const limits: BridgeLimits = { ...DEFAULT_LIMITS, ...options.limits };
  const budget = new BodyBudget(limits.maxBufferedBytes);
  // A bridge has one session token, so its cap on streams is the cap per token.
  const streams = new EventStreams(options.events, limits.maxEventStreams);
  const server = createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) sendEnvelope(res, fail('internal', 'the request could not be handled'));
      else res.end();
    });
  });
  // The body is asked for ("100 Continue", sent by readBody) only once the request passed every
  // check, so a refused client never sends it.
  server.on('checkContinue', (req, res) => server.emit('request', req, res));

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const target = parseTarget(req.url);
    if (!target) return sendError(res, 400, 'invalid_input', 'the request URL is malformed (bad syntax or percent-encoding)');
    if (!originAllowed(req)) return sendError(res, 403, 'forbidden', 'requests from other web pages are refused (the Origin header is not this server)');
    if (!target.pathname.startsWith('/api/')) return serveStatic(req, res, target.pathname);
    if (!hostAllowed(req, options.host)) return sendEnvelope(res, fail('forbidden', 'requests must address the server by its loopback name'));
    const isEvents = target.pathname === '/api/events';
    if (!tokenMatches(isEvents ? target.searchParams.get('token') : bearer(req), token)) {
      return sendEnvelope(res, fail('forbidden', 'missing or wrong session token; open the URL pimwb serve printed'));
    }
    if (isEvents && req.method === 'GET') return openEventStream(res);
    if (req.method !== 'POST') return sendJson(res, 405, fail('invalid_input', 'API calls are POST requests with a JSON body'));
    await callChannel(req, res, decodeURIComponent(target.pathname.slice('/api/'.length)));
  }

  async function callChannel(req: IncomingMessage, res: ServerResponse, channel: string): Promise<void> {
    const body = await readBody(req, res, { ...limits, maxBodyBytes: bodyLimitFor(limits, channel) }, budget);
    if (!body.ok) return sendError(res, body.status, body.status === 413 ? 'invalid_input' : 'conflict', body.message);
    let payload: unknown;
    try {
      payload = body.text.trim() === '' ? {} : (JSON.parse(body.text) as unknown);
    } catch (error) {
      return sendEnvelope(res, fail('invalid_input', `the request body is not valid JSON: ${error instanceof Error ? error.message : String(error)}`));
    }
    sendEnvelope(res, await options.dispatch(channel, payload));
  }

  function openEventStream(res: ServerResponse): void {
    if (streams.full) {
      return sendError(res, 429, 'conflict', `this session already has ${limits.maxEventStreams} open event streams (one per workbench tab); close a tab and reload`);
    }
    streams.open(res, SECURITY_HEADERS);
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

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
}

function closeServer(server: Server, streams: EventStreams): Promise<void> {
  streams.closeAll();
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}
