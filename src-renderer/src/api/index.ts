import type { Channel, EventName } from '@shared/ipc/channels.ts';
import type { EventPayload, Input, Output } from '@shared/ipc/contract.ts';
import { BRIDGE_GLOBAL, type PreloadBridge } from '@shared/ipc/bridge.ts';
import { ApiError } from './api-error.ts';
import { createHttpTransport, takeSessionToken } from './http-transport.ts';
import type { Transport } from './transport.ts';

// The only module that talks to the outside. Components and stores call `api`, typed by the
// contract, and never learn whether they run in the Electron window or a browser.

export interface WorkbenchApi {
  readonly kind: Transport['kind'];
  invoke<C extends Channel>(channel: C, input: Input<C>): Promise<Output<C>>;
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
}

export function createApi(transport: Transport): WorkbenchApi {
  return {
    kind: transport.kind,
    async invoke(channel, input) {
      const result = await transport.invoke(channel, input);
      if (!result.ok) throw new ApiError(result.error);
      return result.value as never;
    },
    on(event, listener) {
      return transport.on(event, listener as (payload: unknown) => void);
    },
  };
}

function detectTransport(): Transport {
  const bridge = (window as unknown as Record<string, PreloadBridge | undefined>)[BRIDGE_GLOBAL];
  if (bridge) return { kind: 'window', invoke: bridge.invoke, on: bridge.on };
  return createHttpTransport(takeSessionToken(window.location, window.sessionStorage, window.history));
}

export const api: WorkbenchApi = createApi(detectTransport());
export { ApiError };
