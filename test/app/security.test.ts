import { describe, expect, it } from 'vitest';
import { createAppUrlCheck } from '../../src-main/app/app-url.ts';
import { hardenEveryContents } from '../../src-main/app/security.ts';
import { FakeApp, FakeWebContents, isPrevented, navigation } from './fake-electron.ts';

const RENDERER = 'file:///opt/pimwb/out/renderer/index.html';
const FOREIGN = ['https://evil.example/', 'file:///etc/passwd', 'file:///opt/pimwb/out/renderer/other.html', 'http://localhost:5173/', 'javascript:alert(1)', 'not a url'];

/** The app with the hardening installed, and a way to have it create web contents. */
function hardenedApp(rendererUrl = RENDERER): { create(): FakeWebContents } {
  const app = new FakeApp();
  hardenEveryContents(app as never, createAppUrlCheck(rendererUrl));
  return {
    create() {
      const contents = new FakeWebContents();
      app.emit('web-contents-created', { preventDefault: () => undefined }, contents);
      return contents;
    },
  };
}

describe('hardening of every web contents', () => {
  it('gives every web contents the app creates the deny rules, not only the first window', () => {
    const app = hardenedApp();
    const all = [app.create(), app.create(), app.create()];
    for (const [i, contents] of all.entries()) {
      expect(contents.openHandler?.({ url: 'https://evil.example/' }), `contents ${i}`).toEqual({ action: 'deny' });
      expect(isPrevented(contents, 'will-navigate', 'https://evil.example/'), `contents ${i}`).toBe(true);
      expect(isPrevented(contents, 'will-frame-navigate', 'https://evil.example/', false), `contents ${i}`).toBe(true);
      expect(isPrevented(contents, 'will-attach-webview', 'https://evil.example/'), `contents ${i}`).toBe(true);
    }
  });

  it('denies new windows even for the app page itself', () => {
    const contents = hardenedApp().create();
    expect(contents.openHandler?.({ url: `${RENDERER}#/libraries` })).toEqual({ action: 'deny' });
  });

  it('prevents navigation of the top frame or any subframe anywhere but the app page', () => {
    const contents = hardenedApp().create();
    for (const url of FOREIGN) {
      for (const event of ['will-navigate', 'will-frame-navigate', 'will-redirect']) {
        expect(isPrevented(contents, event, url), `${event} ${url}`).toBe(true);
      }
      expect(isPrevented(contents, 'will-frame-navigate', url, false), `subframe ${url}`).toBe(true);
    }
    for (const event of ['will-navigate', 'will-frame-navigate']) {
      expect(isPrevented(contents, event, `${RENDERER}#/experiments`), event).toBe(false);
    }
  });

  it('treats the dev server origin as the app while developing', () => {
    const contents = hardenedApp('http://localhost:5173/').create();
    expect(isPrevented(contents, 'will-navigate', 'http://localhost:5173/#/sweeps')).toBe(false);
    expect(isPrevented(contents, 'will-navigate', 'http://localhost:5174/')).toBe(true);
    expect(isPrevented(contents, 'will-frame-navigate', 'https://localhost:5173/')).toBe(true);
  });

  it('prevents every webview from attaching, whatever it loads', () => {
    const contents = hardenedApp().create();
    const event = navigation(RENDERER);
    contents.emit('will-attach-webview', event, {}, { src: RENDERER });
    expect(event.prevented).toBe(true);
  });
});
