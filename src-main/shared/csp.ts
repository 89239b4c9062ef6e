// The Content-Security-Policy of the workbench page, in the window (meta tag and response header)
// and in the browser (pimwb serve's header). No remote content: everything comes from the app itself.

const DIRECTIVES: readonly string[] = [
  "default-src 'none'",
  "script-src 'self'",
  // ECharts and Vue set styles through the CSSOM, which CSP allows; no inline <style> or style="" is needed.
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "object-src 'none'",
];

/** For the <meta> tag (frame-ancestors is ignored there, so it is left out). */
export const CONTENT_SECURITY_POLICY = DIRECTIVES.join('; ');

/** For HTTP headers, which also forbid framing the page. */
export const CONTENT_SECURITY_POLICY_HEADER = `${CONTENT_SECURITY_POLICY}; frame-ancestors 'none'`;
