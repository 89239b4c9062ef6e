import type { Session, WebContents } from 'electron';
import { CONTENT_SECURITY_POLICY_HEADER } from '../shared/csp.ts';

// Defence in depth around the untrusted page: a CSP on every response, no permissions, no
// navigation away, no new windows, no webviews.

export function hardenSession(session: Pick<Session, 'webRequest' | 'setPermissionRequestHandler' | 'setPermissionCheckHandler'>): void {
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY_HEADER] } });
  });
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
}

export function hardenContents(contents: Pick<WebContents, 'on' | 'setWindowOpenHandler'>): void {
  // The app is a single page with hash routes: any real navigation is unexpected.
  contents.on('will-navigate', (event) => event.preventDefault());
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}
