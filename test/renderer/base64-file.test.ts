import { describe, expect, it } from 'vitest';
import { bytesToBase64, fileToBase64, formatFileSize } from '../../src-renderer/src/base64-file.ts';

// The page encodes a picked model slice by slice (24 KiB each); the joined text must equal
// encoding the whole file at once, whatever the file's length modulo the slice and modulo 3.

const SLICE = 3 * 8 * 1024;

function bytes(length: number): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(length);
  let state = 12345;
  for (let i = 0; i < length; i += 1) {
    state = (state * 1103515245 + 12345) >>> 0;
    out[i] = state >>> 24;
  }
  return out;
}

/** The reference: the whole file as one binary string, encoded by the browser's btoa at once. */
function wholeAtOnce(data: Uint8Array): string {
  let binary = '';
  for (const byte of data) binary += String.fromCharCode(byte);
  return btoa(binary);
}

describe('base64 of a picked file', () => {
  for (const length of [0, 1, 2, 3, SLICE - 1, SLICE, SLICE + 1, SLICE + 2, 3 * SLICE + 2, 200 * SLICE + 1]) {
    it(`encodes ${length} bytes exactly as encoding them at once does`, async () => {
      const data = bytes(length);
      const expected = wholeAtOnce(data);
      expect(bytesToBase64(data)).toBe(expected);
      expect(await fileToBase64(new Blob([data]))).toBe(expected);
    });
  }

  it('gives sizes in bytes, KiB and MiB', () => {
    expect(formatFileSize(512)).toBe('512 bytes');
    expect(formatFileSize(1536)).toBe('1.5 KiB');
    expect(formatFileSize(256 * 1024 * 1024)).toBe('256 MiB');
    expect(formatFileSize(300.25 * 1024 * 1024)).toBe('300.3 MiB');
  });
});
