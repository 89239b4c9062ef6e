// What one bridge is willing to hold for its clients. The bridge serves one person's browser tabs,
// so the limits are far above what the page needs and far below what would hurt the machine.
import { NETWORK_BASE64_MAX_CHARS } from '../shared/schemas/network-api.ts';

export interface BridgeLimits {
  /** Largest request body accepted (bytes); a larger one gets 413 before it is buffered. */
  readonly maxBodyBytes: number;
  /** Largest body of a channel in LARGE_BODY_CHANNELS (bytes): a whole model file, weights included. */
  readonly maxFileBodyBytes: number;
  /** Request-body bytes held in memory at once over all requests; past it, 503 until some finish. */
  readonly maxBufferedBytes: number;
  /** Open server-sent-event streams per session token; one more gets 429. */
  readonly maxEventStreams: number;
  /** How long a refused body is still read (and discarded) so the client can read the answer. */
  readonly lingerMs: number;
}

export const DEFAULT_LIMITS: BridgeLimits = {
  // The largest payloads the page sends are file imports. The schemas cap a library file at 8 MB
  // (LIBRARY_FILE_MAX_BYTES; its values' text at 4 MB) and NVSim .cell text at 1 MB. An experiment
  // bundle grows with its network: GoogLeNet's 196 layers give 103 kB (114 kB as an escaped JSON
  // string), so the 5000 layers the schemas allow give about 3 MB. 16 MB is twice the largest of
  // these; the bundle schema's own 50 MB ceiling guards against absurd files, not a size the
  // workbench produces.
  maxBodyBytes: 16 * 1024 * 1024,
  // An ONNX model carries its weights: the importer takes 256 MiB (ONNX_FILE_MAX_BYTES), which is
  // 342 MiB as base64. Only networks.import gets this limit, so every other channel keeps refusing
  // a runaway body at 16 MB; 1 MiB on top holds the rest of the JSON (file name, network name, shape).
  maxFileBodyBytes: NETWORK_BASE64_MAX_CHARS + 1024 * 1024,
  // One model upload beside four maximal ordinary bodies: a second upload at the same time waits
  // (503) rather than doubling the bridge's memory. Reading and parsing briefly hold about three
  // copies of a body (chunks, text, parsed JSON): about 1 GB for a model at the limit, proportionally
  // less for a smaller one.
  maxBufferedBytes: NETWORK_BASE64_MAX_CHARS + 1024 * 1024 + 64 * 1024 * 1024,
  // The page opens one stream per tab; 16 tabs is generous, and each idle stream costs a socket,
  // a heartbeat timer and an event subscription that every push has to serve.
  maxEventStreams: 16,
  lingerMs: 5_000,
};

/** Channels that carry a whole file upload and so may send bodies up to maxFileBodyBytes. */
export const LARGE_BODY_CHANNELS: ReadonlySet<string> = new Set(['networks.import']);

/** The body limit of one channel's requests. */
export function bodyLimitFor(limits: BridgeLimits, channel: string): number {
  return LARGE_BODY_CHANNELS.has(channel) ? Math.max(limits.maxBodyBytes, limits.maxFileBodyBytes) : limits.maxBodyBytes;
}
