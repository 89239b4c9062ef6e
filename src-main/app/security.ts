import type { App, Session, WebContents } from 'electron';
import { CONTENT_SECURITY_POLICY_HEADER } from '../shared/csp.ts';

// Defence in depth around the untrusted page: a CSP on every response, no permissions, no
// navigation away, no new windows, no webviews, for every web contents the app ever creates.

export function hardenSession(session: Pick<Session, 'webRequest' | 'setPermissionRequestHandler' | 'setPermissionCheckHandler'>): void {
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY_HEADER] } });
  });
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
}

type Contents = Pick<WebContents, 'on' | 'setWindowOpenHandler'>;

export function hardenContents(contents: Contents, isAppUrl: (url: string) => boolean): void {
  // The app is a single page with hash routes: navigating anywhere but back to itself, in the top
  // frame or any subframe, means something is loading content that is not ours.
  const stayInApp = (event: { url: string; preventDefault(): void }): void => {
    if (!isAppUrl(event.url)) event.preventDefault();
  };
  contents.on('will-navigate', stayInApp);
  contents.on('will-frame-navigate', stayInApp);
  contents.on('will-redirect', stayInApp);
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

/**
 * Hardens every web contents when it is created, not only the main window's: a popup, devtools or
 * a contents created by a future feature gets the same rules without anyone remembering to.
 */
export function hardenEveryContents(app: Pick<App, 'on'>, isAppUrl: (url: string) => boolean): void {
  app.on('web-contents-created', (_event, contents) => hardenContents(contents, isAppUrl));
}
