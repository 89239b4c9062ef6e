import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import { CHANNELS, IPC_PREFIX } from '../shared/ipc/channels.ts';
import { eventChannel } from '../shared/ipc/bridge.ts';
import { fail } from '../shared/result.ts';
import type { Dispatch } from '../services/dispatch.ts';
import type { EventHub } from '../services/events.ts';

// The contract over Electron IPC: one handler per channel, each checking who is asking before
// the shared dispatch validates the payload. With ipc.ts's twin in preload, the only raw IPC code.

export type IpcMainLike = Pick<IpcMain, 'handle' | 'removeHandler'>;
export type SenderCheck = (event: IpcMainInvokeEvent) => boolean;

export function registerIpc(ipcMain: IpcMainLike, dispatch: Dispatch, isTrustedSender: SenderCheck): () => void {
  for (const channel of CHANNELS) {
    ipcMain.handle(IPC_PREFIX + channel, (event, payload: unknown) => {
      if (!isTrustedSender(event)) return fail('forbidden', `IPC call to ${channel} from an untrusted frame was refused`);
      return dispatch(channel, payload);
    });
  }
  return () => {
    for (const channel of CHANNELS) ipcMain.removeHandler(IPC_PREFIX + channel);
  };
}

/** Forwards service events to one window until it closes. */
export function forwardEvents(events: EventHub, contents: Pick<WebContents, 'send' | 'isDestroyed'>): () => void {
  return events.subscribe((name, payload) => {
    if (!contents.isDestroyed()) contents.send(eventChannel(name), payload);
  });
}
