import type { IncomingMessage, ServerResponse } from 'node:http';
import type { BridgeLimits } from './limits.ts';

// Reads a JSON request body without letting one client, or many at once, make the bridge hold
// more than its limits. A refused body is answered at once and the rest of it is thrown away.

export type BodyOutcome =
  | { readonly ok: true; readonly text: string }
  | { readonly ok: false; readonly status: 413 | 503; readonly message: string };

/** Bytes of request bodies held in memory, over every request in flight. */
export class BodyBudget {
  readonly #max: number;
  #used = 0;

  constructor(max: number) {
    this.#max = max;
  }

  tryReserve(bytes: number): boolean {
    if (this.#used + bytes > this.#max) return false;
    this.#used += bytes;
    return true;
  }

  release(bytes: number): void {
    this.#used -= bytes;
  }
}

type Refusal = Extract<BodyOutcome, { ok: false }>;

function tooLarge(limits: BridgeLimits): Refusal {
  const mb = (limits.maxBodyBytes / (1024 * 1024)).toFixed(0);
  return { ok: false, status: 413, message: `the request body is larger than the bridge accepts (${limits.maxBodyBytes} bytes, ${mb} MB)` };
}

function busy(): Refusal {
  return { ok: false, status: 503, message: 'the bridge is already receiving other large requests; try again in a moment' };
}

function declaredLength(req: IncomingMessage): number | undefined {
  const header = req.headers['content-length'];
  return header === undefined ? undefined : Number(header);
}

function expectsContinue(req: IncomingMessage): boolean {
  return /100-continue/i.test(req.headers.expect ?? '');
}

/**
 * Discards what is left of a refused body for a while before dropping the connection: closing a
 * socket that still has unread data resets it, and the client would never see the 413 or 503.
 */
function discardRest(req: IncomingMessage, lingerMs: number): void {
  if (req.complete) return;
  const timer = setTimeout(() => req.destroy(), lingerMs);
  const stop = () => clearTimeout(timer);
  req.once('end', stop);
  req.once('close', stop);
  req.resume();
}

/** A refusal before any of the body was asked for or read. */
function refuseUnread(req: IncomingMessage, limits: BridgeLimits, refusal: Refusal): Refusal {
  // A client waiting for "100 Continue" has not sent the body: there is nothing to discard, and
  // Node closes the connection after the answer, since the client may still send it.
  if (!expectsContinue(req)) discardRest(req, limits.lingerMs);
  return refusal;
}

/** A refusal while the body is arriving: the client is sending it, whatever it expected. */
function refuseMidway(req: IncomingMessage, limits: BridgeLimits, refusal: Refusal): Refusal {
  discardRest(req, limits.lingerMs);
  return refusal;
}

export function readBody(req: IncomingMessage, res: ServerResponse, limits: BridgeLimits, budget: BodyBudget): Promise<BodyOutcome> {
  const declared = declaredLength(req);
  if (declared !== undefined && declared > limits.maxBodyBytes) return Promise.resolve(refuseUnread(req, limits, tooLarge(limits)));
  let reserved = 0;
  const reserve = (bytes: number): boolean => {
    if (!budget.tryReserve(bytes)) return false;
    reserved += bytes;
    return true;
  };
  res.once('close', () => budget.release(reserved));
  if (declared !== undefined && !reserve(declared)) return Promise.resolve(refuseUnread(req, limits, busy()));
  if (expectsContinue(req)) res.writeContinue();
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer): void => {
      size += chunk.length;
      // A chunked body declares no length, so it reserves its bytes as they arrive.
      const refusal = size > limits.maxBodyBytes ? tooLarge(limits) : declared === undefined && !reserve(chunk.length) ? busy() : undefined;
      if (!refusal) {
        chunks.push(chunk);
        return;
      }
      req.off('data', onData);
      req.off('end', onEnd);
      chunks.length = 0;
      resolve(refuseMidway(req, limits, refusal));
    };
    const onEnd = (): void => resolve({ ok: true, text: Buffer.concat(chunks, size).toString('utf8') });
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', reject);
    // A client that gives up mid-body: nothing is left to answer, but the call must not hang.
    req.on('close', () => {
      if (!req.complete) reject(new Error('the client closed the connection before sending the whole body'));
    });
  });
}
