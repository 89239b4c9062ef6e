// What one bridge is willing to hold for its clients. The bridge serves one person's browser tabs,
// so the limits are far above what the page needs and far below what would hurt the machine.

export interface BridgeLimits {
  /** Largest request body accepted (bytes); a larger one gets 413 before it is buffered. */
  readonly maxBodyBytes: number;
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
  // Four maximal bodies at once; parsing can briefly triple that, which still fits comfortably.
  maxBufferedBytes: 64 * 1024 * 1024,
  // The page opens one stream per tab; 16 tabs is generous, and each idle stream costs a socket,
  // a heartbeat timer and an event subscription that every push has to serve.
  maxEventStreams: 16,
  lingerMs: 5_000,
};
