import { describe, expect, it } from 'vitest';
import { forwardEvents, registerIpc } from '../../src-main/app/ipc.ts';
import { createSenderCheck } from '../../src-main/app/sender-policy.ts';
import { CHANNELS, IPC_PREFIX } from '../../src-main/shared/ipc/channels.ts';
import { EventHub } from '../../src-main/services/events.ts';
import { useTempDir } from '../helpers/temp.ts';
import { testWorkbench } from '../helpers/workbench.ts';

type Handler = (event: unknown, payload: unknown) => unknown;

/** A stand-in for Electron's ipcMain that records the handlers registered on it. */
function fakeIpcMain() {
  const handlers = new Map<string, Handler>();
  return {
    handlers,
    handle: (channel: string, fn: Handler) => {
      if (handlers.has(channel)) throw new Error(`second handler for ${channel}`);
      handlers.set(channel, fn);
    },
    removeHandler: (channel: string) => handlers.delete(channel),
  };
}

const RENDERER = 'file:///opt/pimwb/out/renderer/index.html';
const frame = (url: string, parent: unknown = null) => ({ senderFrame: { url, parent } });

describe('IPC registration', () => {
  const temp = useTempDir();

  it('registers exactly one handler per contract channel, and removes them all', () => {
    const ipc = fakeIpcMain();
    const unregister = registerIpc(ipc as never, async () => ({ ok: true, value: null }), () => true);
    expect([...ipc.handlers.keys()].sort()).toEqual(CHANNELS.map((c) => IPC_PREFIX + c).sort());
    unregister();
    expect(ipc.handlers.size).toBe(0);
  });

  it('answers the trusted page through the shared dispatch, validation included', async () => {
    const ipc = fakeIpcMain();
    const wb = testWorkbench(temp());
    registerIpc(ipc as never, wb.dispatch, createSenderCheck(RENDERER));
    const list = await ipc.handlers.get(`${IPC_PREFIX}libraries.list`)!(frame(`${RENDERER}#/libraries`), {});
    expect(list).toMatchObject({ ok: true, value: { items: expect.any(Array) } });
    const bad = await ipc.handlers.get(`${IPC_PREFIX}libraries.create`)!(frame(RENDERER), { name: 3 });
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });

  it('refuses calls from other pages and from frames inside ours', async () => {
    const ipc = fakeIpcMain();
    let called = 0;
    registerIpc(ipc as never, async () => ((called += 1), { ok: true, value: null }), createSenderCheck(RENDERER));
    const handler = ipc.handlers.get(`${IPC_PREFIX}libraries.list`)!;
    for (const event of [frame('https://evil.example/'), frame('file:///tmp/other.html'), frame(RENDERER, { url: RENDERER }), { senderFrame: null }]) {
      expect(await handler(event, {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
    expect(called).toBe(0);
  });

  it('accepts the dev server only by origin', () => {
    const check = createSenderCheck('http://localhost:5173/');
    expect(check(frame('http://localhost:5173/#/libraries') as never)).toBe(true);
    expect(check(frame('http://localhost:5174/') as never)).toBe(false);
    expect(check(frame('not a url') as never)).toBe(false);
  });

  it('forwards events to the window until it is destroyed', () => {
    const events = new EventHub();
    const sent: unknown[] = [];
    let destroyed = false;
    forwardEvents(events, { send: (channel: string, payload: unknown) => sent.push([channel, payload]), isDestroyed: () => destroyed } as never);
    events.emit('libraries.changed', { ids: ['lib_1'], reason: 'created' });
    destroyed = true;
    events.emit('libraries.changed', { ids: ['lib_2'], reason: 'deleted' });
    expect(sent).toEqual([['pimwb:event:libraries.changed', { ids: ['lib_1'], reason: 'created' }]]);
  });
});
