import type { EventName } from '../shared/ipc/channels.ts';
import type { EventPayload } from '../shared/ipc/contract.ts';

// Services announce changes here; each front door forwards them to its clients
// (Electron: webContents.send; HTTP: server-sent events).

export type EventListener = <E extends EventName>(name: E, payload: EventPayload<E>) => void;

export class EventHub {
  private readonly listeners = new Set<EventListener>();

  emit<E extends EventName>(name: E, payload: EventPayload<E>): void {
    for (const listener of this.listeners) {
      try {
        listener(name, payload);
      } catch {
        // One broken subscriber (a closed window, a dropped connection) must not stop the others.
      }
    }
  }

  subscribe(listener: EventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  get size(): number {
    return this.listeners.size;
  }
}
