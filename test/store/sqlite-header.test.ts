import { describe, expect, it } from 'vitest';
import { HEADER_BYTES, SQLITE_MAGIC, inspectHeader } from '../../src-main/store/sqlite-header.ts';

function header(fields: { pageSize?: number; pageCount?: number; changeCounter?: number; validFor?: number; appId?: number; userVersion?: number }): Uint8Array {
  const bytes = new Uint8Array(HEADER_BYTES);
  bytes.set([...SQLITE_MAGIC].map((c) => c.charCodeAt(0)));
  const view = new DataView(bytes.buffer);
  view.setUint16(16, fields.pageSize ?? 4096);
  view.setUint32(24, fields.changeCounter ?? 3);
  view.setUint32(28, fields.pageCount ?? 2);
  view.setUint32(92, fields.validFor ?? 3);
  view.setInt32(68, fields.appId ?? 0);
  view.setUint32(60, fields.userVersion ?? 0);
  return bytes;
}

describe('inspectHeader', () => {
  it('accepts a whole database and reads its application id and user version', () => {
    expect(inspectHeader(header({ appId: 7, userVersion: 3 }), 8192)).toEqual({ kind: 'ok', pageSize: 4096, applicationId: 7, userVersion: 3 });
  });
  it('rejects files that do not start with the SQLite magic string', () => {
    const bytes = header({});
    bytes[0] = 0x73;
    expect(inspectHeader(bytes, 8192).kind).toBe('not-sqlite');
    expect(inspectHeader(new Uint8Array(10), 10).kind).toBe('not-sqlite');
  });
  it('detects a file shorter than its header says', () => {
    expect(inspectHeader(header({ pageCount: 5 }), 8192)).toEqual({ kind: 'truncated', expectedBytes: 20480, actualBytes: 8192 });
  });
  it('detects a file cut in the middle of a page even when the page count is stale', () => {
    expect(inspectHeader(header({ validFor: 1 }), 5000).kind).toBe('truncated');
  });
  it('reads a page size of 1 as 65536', () => {
    expect(inspectHeader(header({ pageSize: 1, pageCount: 1 }), 65536)).toMatchObject({ kind: 'ok', pageSize: 65536 });
  });
});
