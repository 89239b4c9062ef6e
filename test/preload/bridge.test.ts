import { describe, expect, it } from 'vitest';
import { createBridge } from '../../src-main/preload/bridge.ts';

/** A stand-in for ipcRenderer recording what the page could reach. */
function fakeIpcRenderer() {
  const invoked: unknown[][] = [];
  const listeners = new Map<string, (event: unknown, payload: unknown) => void>();
  return {
    invoked,
    listeners,
    invoke: (...args: unknown[]) => {
      invoked.push(args);
      return Promise.resolve({ ok: true, value: 'answer' });
    },
    on: (channel: string, fn: (event: unknown, payload: unknown) => void) => listeners.set(channel, fn),
    removeListener: (channel: string) => listeners.delete(channel),
  };
}

describe('preload bridge', () => {
  it('forwards only contract channels, prefixed', async () => {
    const ipc = fakeIpcRenderer();
    const bridge = createBridge(ipc as never);
    expect(await bridge.invoke('libraries.list', {})).toEqual({ ok: true, value: 'answer' });
    await expect(bridge.invoke('fs.readFile', '/etc/passwd')).rejects.toThrow(/unknown channel/);
    expect(ipc.invoked).toEqual([['pimwb:libraries.list', {}]]);
  });

  it('delivers only known events, without Electron\'s event object, and unsubscribes', () => {
    const ipc = fakeIpcRenderer();
    const bridge = createBridge(ipc as never);
    const got: unknown[] = [];
    const off = bridge.on('libraries.changed', (payload) => got.push(payload));
    ipc.listeners.get('pimwb:event:libraries.changed')!({ sender: 'secret' }, { ids: [] });
    expect(got).toEqual([{ ids: [] }]);
    off();
    expect(ipc.listeners.size).toBe(0);
    expect(() => bridge.on('anything', () => undefined)).toThrow(/unknown event/);
  });
});
