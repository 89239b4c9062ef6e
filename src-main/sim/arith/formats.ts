// Binary floating-point formats from (exponent bits, fraction bits): IEEE 754 binary16/32 and
// bfloat16 are built in; other formats (FP8 variants) are one line each.

export interface FloatFormat {
  readonly name: string;
  readonly expBits: number;
  readonly fracBits: number;
  readonly bias: number;
  readonly width: number;
}

export function floatFormat(name: string, expBits: number, fracBits: number): FloatFormat {
  return { name, expBits, fracBits, bias: 2 ** (expBits - 1) - 1, width: 1 + expBits + fracBits };
}

export const FORMATS: Readonly<Record<string, FloatFormat>> = {
  bf16: floatFormat('bf16', 8, 7),
  fp16: floatFormat('fp16', 5, 10),
  fp32: floatFormat('fp32', 8, 23),
  // IEEE-style 8-bit formats (with infinities and NaNs), for exploring narrow training formats.
  'fp8-e5m2': floatFormat('fp8-e5m2', 5, 2),
  'fp8-e4m3': floatFormat('fp8-e4m3', 4, 3),
};

export type ArithMode = 'ieee' | 'ftz-trunc';

export const ARITH_MODES: readonly ArithMode[] = ['ieee', 'ftz-trunc'];

export function formatByName(name: string): FloatFormat {
  const format = FORMATS[name];
  if (!format) throw new Error(`unknown format "${name}"; known: ${Object.keys(FORMATS).join(', ')}`);
  return format;
}
