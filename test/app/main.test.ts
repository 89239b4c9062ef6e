import { describe, expect, it, vi } from 'vitest';
import { FakeWebContents, isPrevented, type FakeApp } from './fake-electron.ts';

// The Electron entry with a fake Electron: what it sets up as soon as it loads, before the app is
// ready and before any window exists.

const fake = vi.hoisted(() => ({ app: undefined as FakeApp | undefined, readyAsked: false }));

vi.mock('electron', async () => {
  const { FakeApp } = await import('./fake-electron.ts');
  const app = Object.assign(new FakeApp(), {
    requestSingleInstanceLock: () => true,
    // Never ready: no window is created during the test.
    whenReady: () => ((fake.readyAsked = true), new Promise(() => undefined)),
    quit: () => undefined,
  });
  fake.app = app;
  return { app, dialog: {}, ipcMain: {}, session: {}, BrowserWindow: class {}, screen: {} };
});

describe('the Electron entry', () => {
  it('hardens every web contents from the start, before the first window is created', async () => {
    await import('../../src-main/app/main.ts');
    expect(fake.readyAsked).toBe(true);
    expect(fake.app!.listeners.get('web-contents-created')).toHaveLength(1);
    const contents = new FakeWebContents();
    fake.app!.emit('web-contents-created', {}, contents);
    expect(contents.openHandler?.({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
    expect(isPrevented(contents, 'will-navigate', 'https://evil.example/')).toBe(true);
    expect(isPrevented(contents, 'will-frame-navigate', 'https://evil.example/', false)).toBe(true);
    expect(isPrevented(contents, 'will-attach-webview', 'https://evil.example/')).toBe(true);
  });
});
