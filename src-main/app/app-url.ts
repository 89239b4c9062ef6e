// Which URLs are the workbench's own page: the built index.html (any hash route), or the dev
// server's origin while developing. Used to decide who may call the services and where a
// window may navigate.

/** `rendererUrl` is the dev server URL, or the file:// URL of the built index.html. */
export function createAppUrlCheck(rendererUrl: string): (url: string) => boolean {
  const expected = new URL(rendererUrl);
  return (url) => {
    let actual: URL;
    try {
      actual = new URL(url);
    } catch {
      return false;
    }
    if (expected.protocol === 'file:') return actual.protocol === 'file:' && actual.pathname === expected.pathname;
    return actual.origin === expected.origin;
  };
}
