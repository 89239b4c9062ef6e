import type { ServerResponse } from 'node:http';
import type { EventHub } from '../services/events.ts';

// Server-sent events: the pushes the window gets over IPC, for a page in a browser.

const HEARTBEAT_MS = 15_000;

export class EventStreams {
  readonly #open = new Set<ServerResponse>();
  readonly #events: EventHub;
  readonly #max: number;

  constructor(events: EventHub, max: number) {
    this.#events = events;
    this.#max = max;
  }

  get full(): boolean {
    return this.#open.size >= this.#max;
  }

  /** Starts streaming to `res` until the client goes away, which frees its slot. */
  open(res: ServerResponse, headers: Readonly<Record<string, string>>): void {
    res.writeHead(200, { ...headers, 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store', Connection: 'keep-alive' });
    res.write(': connected\n\n');
    this.#open.add(res);
    const heartbeat = setInterval(() => res.write(': keep-alive\n\n'), HEARTBEAT_MS);
    const unsubscribe = this.#events.subscribe((name, payload) => {
      res.write(`event: ${name}\ndata: ${JSON.stringify(payload)}\n\n`);
    });
    res.on('close', () => {
      clearInterval(heartbeat);
      unsubscribe();
      this.#open.delete(res);
    });
  }

  closeAll(): void {
    for (const res of this.#open) res.end();
  }
}
