import type { IpcMainInvokeEvent } from 'electron';
import { createAppUrlCheck } from './app-url.ts';

// Only our own page, in the window's top frame, may call the services: not an iframe, not a page
// the window was somehow navigated to.

/** `rendererUrl` is the dev server URL, or the file:// URL of the built index.html. */
export function createSenderCheck(rendererUrl: string): (event: Pick<IpcMainInvokeEvent, 'senderFrame'>) => boolean {
  const isAppUrl = createAppUrlCheck(rendererUrl);
  return (event) => {
    const frame = event.senderFrame;
    if (!frame || frame.parent !== null) return false;
    return isAppUrl(frame.url);
  };
}
