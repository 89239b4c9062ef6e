import { describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS, bodyLimitFor } from '../../src-main/serve/limits.ts';
import { NETWORK_BASE64_MAX_CHARS } from '../../src-main/shared/schemas/network-api.ts';
import { errorOf, send, useBridge } from './bridge-fixture.ts';

// networks.import carries a whole ONNX model (weights included) as base64, far past the 16 MB the
// other channels accept; only that channel gets the larger limit.

/** A JSON body of exactly `bytes` bytes: `payload` padded with trailing spaces. */
function padded(payload: unknown, bytes: number): string {
  const text = JSON.stringify(payload);
  return text + ' '.repeat(bytes - text.length);
}

describe('the body limit of file uploads', () => {
  const bridge = useBridge();

  it('lets networks.import carry the largest ONNX model as base64, and no other channel', () => {
    expect(bodyLimitFor(DEFAULT_LIMITS, 'networks.import')).toBeGreaterThan(NETWORK_BASE64_MAX_CHARS + 100_000);
    expect(bodyLimitFor(DEFAULT_LIMITS, 'libraries.import')).toBe(16 * 1024 * 1024);
    expect(bodyLimitFor(DEFAULT_LIMITS, 'cells.importNvsim')).toBe(DEFAULT_LIMITS.maxBodyBytes);
    // One model upload at a time must fit beside ordinary requests, or it would always get 503.
    expect(DEFAULT_LIMITS.maxBufferedBytes).toBeGreaterThanOrEqual(bodyLimitFor(DEFAULT_LIMITS, 'networks.import') + 2 * DEFAULT_LIMITS.maxBodyBytes);
  });

  it('reads a networks.import body past the ordinary limit, refuses one past its own, and keeps the others at the ordinary limit', async () => {
    const b = await bridge.start({ maxBodyBytes: 1000, maxFileBodyBytes: 5000, maxBufferedBytes: 20_000 });
    const headers = { Authorization: `Bearer ${b.token}`, 'Content-Type': 'application/json' };
    const model = { files: [{ fileName: 'model.onnx', base64: 'AAAA' }], store: false };
    const read = await send(b.port, 'POST', '/api/networks.import', { headers, body: padded(model, 3000) });
    expect(read.status).toBe(400);
    expect(errorOf(read).message).toBe('cannot import model.onnx');
    const tooLarge = await send(b.port, 'POST', '/api/networks.import', { headers, body: padded(model, 5001) });
    expect(tooLarge.status).toBe(413);
    expect(errorOf(tooLarge).message).toMatch(/larger than the bridge accepts \(5000 bytes/);
    const other = await send(b.port, 'POST', '/api/libraries.list', { headers, body: padded({}, 3000) });
    expect(other.status).toBe(413);
  });
});
