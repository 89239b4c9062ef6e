import type { IpcMainInvokeEvent } from 'electron';

// Only our own page, in the window's top frame, may call the services: not an iframe, not a page
// the window was somehow navigated to.

/** `rendererUrl` is the dev server URL, or the file:// URL of the built index.html. */
export function createSenderCheck(rendererUrl: string): (event: Pick<IpcMainInvokeEvent, 'senderFrame'>) => boolean {
  const expected = new URL(rendererUrl);
  return (event) => {
    const frame = event.senderFrame;
    if (!frame || frame.parent !== null) return false;
    let actual: URL;
    try {
      actual = new URL(frame.url);
    } catch {
      return false;
    }
    if (expected.protocol === 'file:') return actual.protocol === 'file:' && actual.pathname === expected.pathname;
    return actual.origin === expected.origin;
  };
}
