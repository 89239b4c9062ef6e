import type { Result } from '@shared/result.ts';

/** How calls reach the services: Electron's preload bridge or the HTTP bridge of `pimwb serve`. */
export interface Transport {
  readonly kind: 'window' | 'browser';
  invoke(channel: string, payload: unknown): Promise<Result<unknown>>;
  on(event: string, listener: (payload: unknown) => void): () => void;
}
