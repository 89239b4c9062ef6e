// The number formats a GPU computes a training phase in. A GPU's list is its own: TF32 is a
// tensor-core mode that reads and writes FP32 data, so it has no entry among the bit-level formats
// of sim/arith (FORMATS), and the FP8 formats share one peak rate. A phase's format sets how many
// bytes each value moves and which peak rate its multiply-accumulates run at.

/** The library key of each peak rate, by what the GPU's matrix units (or CUDA cores for FP32) offer. */
export const PEAK_KEYS = ['fp32', 'tf32', 'fp16', 'bf16', 'fp8'] as const;
export type PeakKey = (typeof PEAK_KEYS)[number];

interface GpuFormat {
  /** Bytes one value takes in DRAM. */
  readonly bytes: number;
  readonly peak: PeakKey;
}

export const GPU_FORMATS = {
  fp32: { bytes: 4, peak: 'fp32' },
  tf32: { bytes: 4, peak: 'tf32' },
  fp16: { bytes: 2, peak: 'fp16' },
  bf16: { bytes: 2, peak: 'bf16' },
  'fp8-e4m3': { bytes: 1, peak: 'fp8' },
  'fp8-e5m2': { bytes: 1, peak: 'fp8' },
} as const satisfies Record<string, GpuFormat>;

export type GpuFormatName = keyof typeof GPU_FORMATS;
export const GPU_FORMAT_NAMES = Object.keys(GPU_FORMATS) as GpuFormatName[];

export function bytesOf(format: GpuFormatName): number {
  return GPU_FORMATS[format].bytes;
}
