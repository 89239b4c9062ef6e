import { describe, expect, it } from 'vitest';
import { firstNonFinite } from '../../src-main/services/finite.ts';
import { createDispatch } from '../../src-main/services/dispatch.ts';
import type { Handlers } from '../../src-main/shared/ipc/contract.ts';

describe('finite outputs', () => {
  it('finds the first NaN or infinity and its path', () => {
    expect(firstNonFinite({ a: 1, b: [2, { c: Infinity }] })).toEqual({ path: 'b[1].c', value: Infinity });
    expect(firstNonFinite({ a: 1, b: [2, { c: 3 }] })).toBeUndefined();
    expect(firstNonFinite(Number.NaN)).toMatchObject({ path: '' });
  });

  it('turns an overflowing result into an input error naming the figure, not an internal error', async () => {
    const handlers = { 'designs.list': () => ({ items: [], overflow: Infinity }) } as unknown as Handlers;
    const result = await createDispatch(handlers)('designs.list', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringMatching(/overflows \(overflow is Infinity\)/) } });
  });
});
