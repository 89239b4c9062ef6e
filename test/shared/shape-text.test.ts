import { describe, expect, it } from 'vitest';
import { formatShape, parseShapeText } from '../../src-main/shared/shape-text.ts';

describe('shape text', () => {
  it('reads AxBxCxD and A,B,C,D, with spaces around the numbers', () => {
    expect(parseShapeText('1x3x224x224')).toEqual({ ok: true, shape: [1, 3, 224, 224] });
    expect(parseShapeText(' 1, 3, 32, 32 ')).toEqual({ ok: true, shape: [1, 3, 32, 32] });
    expect(parseShapeText('8X3×64x64')).toEqual({ ok: true, shape: [8, 3, 64, 64] });
    expect(parseShapeText('1x784')).toEqual({ ok: true, shape: [1, 784] });
    expect(formatShape([1, 3, 224, 224])).toBe('1x3x224x224');
  });

  it('says what is wrong with anything else', () => {
    const message = (text: string) => {
      const parsed = parseShapeText(text);
      return parsed.ok ? 'ok' : parsed.message;
    };
    expect(message('')).toMatch(/^is empty; give 2 to 6 whole numbers/);
    expect(message('224')).toMatch(/^has 1 dimension; /);
    expect(message('1x2x3x4x5x6x7')).toMatch(/^has 7 dimensions; /);
    expect(message('1x3,224x224')).toMatch(/^mixes x and commas/);
    expect(message('1x3x0x224')).toMatch(/^has "0", which is not a positive whole number/);
    expect(message('1x3x2.5x224')).toMatch(/^has "2.5", which is not a positive whole number/);
    expect(message('1x3x-4x224')).toMatch(/^has "-4", which is not a positive whole number/);
    expect(message('1x3xx224')).toMatch(/^has an empty dimension/);
    expect(message('1x3x')).toMatch(/^has an empty dimension/);
    expect(message('1x3x2e3x224')).toMatch(/^has "2e3", which is not/);
    expect(message('1x3x2000000x224')).toMatch(/^has 2000000, larger than 1048576/);
  });
});
