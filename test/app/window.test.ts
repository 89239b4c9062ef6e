import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { windowOptions } from '../../src-main/app/window-options.ts';
import { hardenSession } from '../../src-main/app/security.ts';
import { CONTENT_SECURITY_POLICY, CONTENT_SECURITY_POLICY_HEADER } from '../../src-main/shared/csp.ts';

describe('the workbench window', () => {
  it('treats the page as untrusted: sandboxed, isolated, no Node, no webviews', () => {
    const prefs = windowOptions('/app/preload.js', { width: 1280, height: 800 }, false).webPreferences!;
    expect(prefs).toMatchObject({
      preload: '/app/preload.js',
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      devTools: false,
    });
  });

  it('ships a strict CSP in the page, identical to the one the services send', () => {
    const html = readFileSync(new URL('../../src-renderer/index.html', import.meta.url), 'utf8');
    const meta = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1];
    expect(meta).toBe(CONTENT_SECURITY_POLICY);
    for (const directive of ["default-src 'none'", "script-src 'self'", "connect-src 'self'", "object-src 'none'"]) expect(meta).toContain(directive);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval|unsafe-inline|https?:|\*/);
    expect(CONTENT_SECURITY_POLICY_HEADER).toContain("frame-ancestors 'none'");
  });

  it('adds the CSP to every response and denies every permission', () => {
    let onHeaders: ((details: { responseHeaders?: Record<string, string[]> }, cb: (r: unknown) => void) => void) | undefined;
    let permissionRequest: ((c: unknown, p: string, cb: (granted: boolean) => void) => void) | undefined;
    let permissionCheck: (() => boolean) | undefined;
    const session = {
      webRequest: { onHeadersReceived: (fn: typeof onHeaders) => (onHeaders = fn) },
      setPermissionRequestHandler: (fn: typeof permissionRequest) => (permissionRequest = fn),
      setPermissionCheckHandler: (fn: typeof permissionCheck) => (permissionCheck = fn),
    };
    hardenSession(session as never);
    let headers: unknown;
    onHeaders!({ responseHeaders: { 'X-A': ['1'] } }, (r) => (headers = r));
    expect(headers).toEqual({ responseHeaders: { 'X-A': ['1'], 'Content-Security-Policy': [CONTENT_SECURITY_POLICY_HEADER] } });
    let granted: boolean | undefined;
    permissionRequest!({}, 'media', (g) => (granted = g));
    expect(granted).toBe(false);
    expect(permissionCheck!()).toBe(false);
  });
});
