import type { Result } from '../result.ts';

// What the preload script exposes to the page as `window.pimwb`: two functions, nothing else.
// Channel and event names are checked against the contract's lists on both sides.

export interface PreloadBridge {
  invoke(channel: string, payload: unknown): Promise<Result<unknown>>;
  on(event: string, listener: (payload: unknown) => void): () => void;
}

export const BRIDGE_GLOBAL = 'pimwb';

/** Electron channel that carries a contract event (events travel main -> renderer only). */
export function eventChannel(event: string): string {
  return `pimwb:event:${event}`;
}
