// The save step of every export. The window and the browser both take a download through an
// <a download> link: the browser saves it to its downloads, and Electron, with no download
// handler of ours, asks where to save it in its native save dialog.

export function saveBlob(fileName: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  // The download has read the blob by the time a user could notice; revoking later frees it.
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function saveText(fileName: string, text: string, type: string): void {
  saveBlob(fileName, new Blob([text], { type: `${type};charset=utf-8` }));
}

/**
 * The bytes of a base64 data URL. Decoded here rather than fetched: the page's CSP allows
 * connections to its own origin only, so fetch("data:...") is refused.
 */
export function dataUrlToBytes(dataUrl: string): { type: string; bytes: Uint8Array<ArrayBuffer> } {
  const match = /^data:([^;,]+)(;base64)?,(.*)$/s.exec(dataUrl);
  if (!match) throw new Error('not a data URL');
  const [, type = 'application/octet-stream', base64, payload = ''] = match;
  if (!base64) return { type, bytes: new TextEncoder().encode(decodeURIComponent(payload)) as Uint8Array<ArrayBuffer> };
  const binary = atob(payload);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  return { type, bytes };
}
