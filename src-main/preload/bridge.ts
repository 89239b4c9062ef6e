import type { IpcRenderer, IpcRendererEvent } from 'electron';
import { IPC_PREFIX, isChannel, isEventName } from '../shared/ipc/channels.ts';
import { eventChannel, type PreloadBridge } from '../shared/ipc/bridge.ts';
import type { Result } from '../shared/result.ts';

// The page gets invoke/on for the contract's channels only; it never sees ipcRenderer itself.

export type IpcRendererLike = Pick<IpcRenderer, 'invoke' | 'on' | 'removeListener'>;

export function createBridge(ipc: IpcRendererLike): PreloadBridge {
  return {
    invoke(channel, payload) {
      if (!isChannel(channel)) return Promise.reject(new Error(`unknown channel "${String(channel)}"`));
      return ipc.invoke(IPC_PREFIX + channel, payload) as Promise<Result<unknown>>;
    },
    on(event, listener) {
      if (!isEventName(event)) throw new Error(`unknown event "${String(event)}"`);
      // Strip Electron's event object: it carries the sender and must not reach the page.
      const forward = (_event: IpcRendererEvent, payload: unknown): void => listener(payload);
      ipc.on(eventChannel(event), forward);
      return () => {
        ipc.removeListener(eventChannel(event), forward);
      };
    },
  };
}
