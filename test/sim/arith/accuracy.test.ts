import { describe, expect, it } from 'vitest';
import { ftzTruncError } from '../../../src-main/sim/arith/accuracy.ts';
import { FORMATS } from '../../../src-main/sim/arith/formats.ts';

describe('ftz-trunc error against IEEE', () => {
  it('stays within a few ulps on normal operands, and is not always exact (it is not IEEE)', () => {
    for (const format of ['bf16', 'fp16', 'fp32']) {
      for (const op of ['add', 'mul'] as const) {
        const report = ftzTruncError('sot-mram-2t2mtj', op, FORMATS[format]!, 2048);
        expect(report.maxUlp, `${format} ${op}`).toBeLessThanOrEqual(3);
        expect(report.exactFraction, `${format} ${op}`).toBeLessThan(1);
        expect(report.samples).toBe(2048);
      }
    }
  });
});
