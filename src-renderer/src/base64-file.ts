// A picked binary file (an ONNX model) as the base64 text the contract carries. The bytes are
// encoded a slice at a time: one String.fromCharCode over a whole model would build a string of
// hundreds of MB (or overflow the argument limit), and yielding between slices keeps the page painting.

/** A multiple of 3, so every slice but the last encodes without padding and the slices simply join. */
const SLICE_BYTES = 3 * 8 * 1024;
/** Slices encoded between two yields to the event loop: about 3 MB of file. */
const SLICES_PER_YIELD = 128;

function encodeSlice(bytes: Uint8Array): string {
  return btoa(String.fromCharCode.apply(null, bytes as unknown as number[]));
}

function* base64Slices(bytes: Uint8Array): Generator<string> {
  for (let at = 0; at < bytes.length; at += SLICE_BYTES) yield encodeSlice(bytes.subarray(at, at + SLICE_BYTES));
}

/** Base64 of `bytes`, built slice by slice. */
export function bytesToBase64(bytes: Uint8Array): string {
  return [...base64Slices(bytes)].join('');
}

const nextTask = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/** Base64 of a picked file, yielding to the page every few MB. */
export async function fileToBase64(file: Blob): Promise<string> {
  const parts: string[] = [];
  for (const part of base64Slices(new Uint8Array(await file.arrayBuffer()))) {
    if (parts.push(part) % SLICES_PER_YIELD === 0) await nextTask();
  }
  return parts.join('');
}

/** A byte count as people read file sizes: KiB below 1 MiB, MiB above. */
export function formatFileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  const mib = bytes / (1024 * 1024);
  return `${Number.isInteger(mib) ? mib : mib.toFixed(1)} MiB`;
}
