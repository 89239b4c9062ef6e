// Reads the 100-byte SQLite file header (https://www.sqlite.org/fileformat.html, section 1.3)
// to tell, before SQLite touches a file, whether it is a database at all and whether it is whole.

export const SQLITE_MAGIC = 'SQLite format 3\u0000';
export const HEADER_BYTES = 100;

export type HeaderVerdict =
  | { readonly kind: 'ok'; readonly pageSize: number; readonly applicationId: number; readonly userVersion: number }
  | { readonly kind: 'not-sqlite' }
  | { readonly kind: 'truncated'; readonly expectedBytes: number; readonly actualBytes: number };

/** Judges a file from its first bytes and its size on disk. */
export function inspectHeader(header: Uint8Array, fileSize: number): HeaderVerdict {
  if (header.length < HEADER_BYTES) return { kind: 'not-sqlite' };
  const magic = String.fromCharCode(...header.subarray(0, 16));
  if (magic !== SQLITE_MAGIC) return { kind: 'not-sqlite' };
  const view = new DataView(header.buffer, header.byteOffset, header.byteLength);
  const rawPageSize = view.getUint16(16);
  const pageSize = rawPageSize === 1 ? 65536 : rawPageSize;
  if (pageSize < 512 || (pageSize & (pageSize - 1)) !== 0) return { kind: 'not-sqlite' };
  // The in-header page count is only trustworthy when the change counter matches "version valid for".
  const changeCounter = view.getUint32(24);
  const pageCount = view.getUint32(28);
  const validFor = view.getUint32(92);
  const expectedBytes = changeCounter === validFor ? pageCount * pageSize : 0;
  if (expectedBytes > fileSize || fileSize % pageSize !== 0) {
    return { kind: 'truncated', expectedBytes: Math.max(expectedBytes, Math.ceil(fileSize / pageSize) * pageSize), actualBytes: fileSize };
  }
  return { kind: 'ok', pageSize, applicationId: view.getInt32(68), userVersion: view.getUint32(60) };
}
