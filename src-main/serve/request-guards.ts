import type { IncomingMessage } from 'node:http';

// Checks on a request before it reaches a file or a channel: a target that parses, a Host the
// server answers to, and an Origin (when a browser sends one) that is the page the server served.

export interface RequestTarget {
  readonly pathname: string;
  readonly searchParams: URLSearchParams;
}

/** The request's path and query, or undefined when the URL or its percent-encoding is malformed. */
export function parseTarget(raw: string | undefined): RequestTarget | undefined {
  const target = raw ?? '/';
  try {
    // Origin-form targets are appended rather than resolved, so "//x" stays a path, not a host.
    const url = target.startsWith('/') ? new URL(`http://bridge.invalid${target}`) : new URL(target);
    decodeURIComponent(url.pathname);
    return { pathname: url.pathname, searchParams: url.searchParams };
  } catch {
    return undefined;
  }
}

export function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127(\.\d{1,3}){3}$/.test(host);
}

/** Guards against DNS rebinding when bound to loopback: a page on another host name cannot reach the API. */
export function hostAllowed(req: IncomingMessage, boundHost: string): boolean {
  if (!isLoopback(boundHost)) return true;
  const host = (req.headers.host ?? '').replace(/:\d+$/, '').replace(/^\[|\]$/g, '');
  return host === 'localhost' || isLoopback(host);
}

function servedOrigin(req: IncomingMessage): string | undefined {
  try {
    const served = new URL(`http://${req.headers.host ?? ''}`);
    const port = Number(served.port || 80);
    return port === req.socket.localPort ? served.origin : undefined;
  } catch {
    return undefined;
  }
}

/**
 * A browser names the page that made a request in Origin. The workbench's own page is served from
 * the very scheme, host and port the request is addressed to; any other page is refused, even
 * if it somehow holds the token.
 */
export function originAllowed(req: IncomingMessage): boolean {
  const origin = req.headers.origin;
  if (origin === undefined) return true;
  let given: string;
  try {
    given = new URL(origin).origin;
  } catch {
    return false;
  }
  return given === servedOrigin(req);
}
