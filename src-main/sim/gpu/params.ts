import type { Issue } from '../../shared/result.ts';
import { readValues, type ChoiceSpec, type LibraryValue, type NumberSpec } from '../params/read-values.ts';
import { GPU_FORMAT_NAMES, GPU_FORMATS, PEAK_KEYS, type GpuFormatName, type PeakKey } from './formats.ts';

// A GPU as a design of kind `gpu`: the library values (each with unit and source) that describe
// one board, read into SI parameters for the roofline model (roofline.ts). Peak rates are entered
// in Hz (1 THz = 10^12 FLOP/s): the workbench's units have no FLOP, and a rate of operations has
// the dimension of a frequency. Bytes are read through the information unit (SI: bits) and kept
// here in bytes, as bandwidths and capacities are quoted.

export interface GpuParams {
  readonly name?: string;
  readonly node_nm: number;
  /** Streaming multiprocessors and FP32 CUDA cores (shown as blocks and lanes). */
  readonly sms: number;
  readonly cudaCores: number;
  /** Dense peak FLOP/s of the units a format's multiply-accumulates run on; absent: the GPU lacks them. */
  readonly peak_FLOPs: Readonly<Partial<Record<PeakKey, number>>>;
  readonly bandwidth_Bps: number;
  /** Last-level cache; the model reuses nothing across kernels (roofline.ts), so it is shown, not used. */
  readonly onChip_B: number;
  readonly memory_B: number;
  readonly boardPower_W: number;
  readonly idlePower_W: number;
  /** Die area (HBM stacks and board not included). */
  readonly area_m2: number;
  readonly formatForward: GpuFormatName;
  readonly formatBackward: GpuFormatName;
  readonly formatUpdate: GpuFormatName;
  /** Fractions of the peak reached by GEMMs (fc), convolutions, grouped/depthwise convolutions and element-wise kernels. */
  readonly utilisationGemm: number;
  readonly utilisationConv: number;
  readonly utilisationGroupedConv: number;
  readonly utilisationVector: number;
  /** A grouped convolution with fewer input channels per group than this runs at utilisationGroupedConv. */
  readonly groupedConvChannels: number;
  /** Fraction of the peak DRAM bandwidth a streaming kernel reaches. */
  readonly memoryEfficiency: number;
  /** Share of (board - idle) power drawn while a kernel runs. */
  readonly activity: number;
  /** FP32 lane operations one divide, exponential or square root costs. */
  readonly specialFunctionOps: number;
  readonly launchOverhead_s: number;
  readonly defaultBatch: number;
}

type NumberField =
  | 'nodeSI'
  | 'sms'
  | 'cudaCores'
  | `peak.${PeakKey}`
  | 'bandwidthSI'
  | 'onChipSI'
  | 'memorySI'
  | 'boardPower_W'
  | 'idlePower_W'
  | 'area_m2'
  | 'utilisationGemm'
  | 'utilisationConv'
  | 'utilisationGroupedConv'
  | 'utilisationVector'
  | 'groupedConvChannels'
  | 'memoryEfficiency'
  | 'activity'
  | 'specialFunctionOps'
  | 'launchOverhead_s'
  | 'defaultBatch';
type ChoiceField = 'formatForward' | 'formatBackward' | 'formatUpdate';

const BITS_PER_BYTE = 8;
// Upper bounds refuse slipped exponents, not unusual boards: 100 PFLOP/s is fifty times the FP8
// peak of an H100; 100 TB/s and 10 TB are far beyond any memory on one package; 5000 mm^2 is a
// package of several reticle-sized dies; 10 kW is a rack.
const PEAK_MAX = 1e17;

const fraction = (key: string, field: NumberField, label: string): NumberSpec<NumberField> => ({ key, field, quantity: 'ratio', unit: '1', required: true, label, positive: true, max: 1 });
const count = (key: string, field: NumberField, label: string, max: number): NumberSpec<NumberField> => ({ key, field, quantity: 'ratio', unit: '1', required: true, label, min: 1, max, integer: true });
const peak = (key: PeakKey, label: string): NumberSpec<NumberField> => ({ key: `peak.${key}`, field: `peak.${key}`, quantity: 'frequency', unit: 'THz', required: false, label: `dense peak of ${label}, FLOP/s (1 THz = 10^12 FLOP/s)`, positive: true, max: PEAK_MAX });

export const GPU_NUMBER_SPECS: readonly NumberSpec<NumberField>[] = [
  { key: 'node', field: 'nodeSI', quantity: 'length', unit: 'nm', required: true, label: 'process node', positive: true, max: 1e-6 },
  count('sms', 'sms', 'streaming multiprocessors', 10_000),
  count('cudaCores', 'cudaCores', 'FP32 CUDA cores', 1_000_000),
  peak('fp32', 'FP32 on the CUDA cores'),
  peak('tf32', 'TF32 on the tensor cores'),
  peak('fp16', 'FP16 (tensor cores where the GPU has them)'),
  peak('bf16', 'BF16 on the tensor cores'),
  peak('fp8', 'FP8 on the tensor cores'),
  { key: 'bandwidth', field: 'bandwidthSI', quantity: 'information/time', unit: 'GB/s', required: true, label: 'peak DRAM bandwidth', positive: true, max: 1e14 * BITS_PER_BYTE },
  { key: 'onChip', field: 'onChipSI', quantity: 'information', unit: 'MB', required: true, label: 'last-level (L2) cache', min: 0, max: 1e10 * BITS_PER_BYTE },
  { key: 'memory', field: 'memorySI', quantity: 'information', unit: 'GB', required: true, label: 'DRAM capacity', positive: true, max: 1e13 * BITS_PER_BYTE },
  { key: 'boardPower', field: 'boardPower_W', quantity: 'power', unit: 'W', required: true, label: 'board power (TDP)', positive: true, max: 10_000 },
  { key: 'idlePower', field: 'idlePower_W', quantity: 'power', unit: 'W', required: true, label: 'power while no kernel runs', min: 0, max: 10_000 },
  { key: 'area', field: 'area_m2', quantity: 'area', unit: 'mm^2', required: true, label: 'die area', positive: true, max: 5e-3 },
  fraction('utilisation.gemm', 'utilisationGemm', 'share of the peak a fully-connected (GEMM) layer reaches'),
  fraction('utilisation.conv', 'utilisationConv', 'share of the peak a convolution reaches'),
  fraction('utilisation.groupedConv', 'utilisationGroupedConv', 'share of the peak a grouped or depthwise convolution reaches'),
  fraction('utilisation.vector', 'utilisationVector', 'share of the FP32 lanes an element-wise kernel keeps busy'),
  { key: 'groupedConv.channelsPerGroup', field: 'groupedConvChannels', quantity: 'ratio', unit: '1', required: true, label: 'input channels per group below which a grouped convolution runs like a depthwise one', min: 1, max: 1_048_576 },
  fraction('memoryEfficiency', 'memoryEfficiency', 'share of the peak DRAM bandwidth a kernel reaches'),
  { key: 'activity', field: 'activity', quantity: 'ratio', unit: '1', required: true, label: 'share of (board - idle) power drawn while a kernel runs', min: 0, max: 1 },
  { key: 'specialFunctionOps', field: 'specialFunctionOps', quantity: 'ratio', unit: '1', required: true, label: 'FP32 lane operations per divide, exponential or square root', min: 1, max: 1000 },
  { key: 'launchOverhead', field: 'launchOverhead_s', quantity: 'time', unit: 'us', required: true, label: 'time between kernels (launch and gaps)', min: 0, max: 1e-2 },
  count('batch', 'defaultBatch', 'default batch size', 65_536),
];

export const GPU_CHOICE_SPECS: readonly ChoiceSpec<ChoiceField>[] = [
  { key: 'format.forward', field: 'formatForward', choices: GPU_FORMAT_NAMES, required: true, label: 'number format of the forward pass' },
  { key: 'format.backward', field: 'formatBackward', choices: GPU_FORMAT_NAMES, required: true, label: 'number format of the gradients' },
  { key: 'format.update', field: 'formatUpdate', choices: GPU_FORMAT_NAMES, required: true, label: 'number format of the weight update (the master weights)' },
];

/** A design is a GPU when one of its values is `kind: gpu`. */
export function isGpuValues(values: readonly LibraryValue[]): boolean {
  return values.some((v) => v.key === 'kind' && v.value === 'gpu');
}

export type GpuParseResult = { readonly ok: true; readonly params: GpuParams } | { readonly ok: false; readonly issues: Issue[] };

export function gpuParamsFromValues(values: readonly LibraryValue[]): GpuParseResult {
  const read = readValues(values, GPU_NUMBER_SPECS, GPU_CHOICE_SPECS);
  const issues = read.ok ? [] : [...read.issues];
  if (!isGpuValues(values)) issues.unshift({ path: 'kind', message: 'must be "gpu" (a GPU design)' });
  const name = values.find((v) => v.key === 'name');
  if (name !== undefined && typeof name.value !== 'string') issues.push({ path: 'name', message: 'must be text (the GPU\'s name)' });
  if (!read.ok) return { ok: false, issues };
  const params = paramsOf(read.params, typeof name?.value === 'string' ? name.value.trim() : undefined);
  issues.push(...consistencyIssues(params));
  return issues.length > 0 ? { ok: false, issues } : { ok: true, params };
}

function paramsOf(raw: Record<string, number | string>, name: string | undefined): GpuParams {
  const num = (field: NumberField): number => raw[field] as number;
  const peak_FLOPs = Object.fromEntries(PEAK_KEYS.filter((k) => raw[`peak.${k}`] !== undefined).map((k) => [k, num(`peak.${k}`)]));
  return {
    ...(name ? { name } : {}),
    node_nm: Math.round(num('nodeSI') * 1e9 * 1000) / 1000,
    sms: num('sms'),
    cudaCores: num('cudaCores'),
    peak_FLOPs,
    bandwidth_Bps: num('bandwidthSI') / BITS_PER_BYTE,
    onChip_B: num('onChipSI') / BITS_PER_BYTE,
    memory_B: num('memorySI') / BITS_PER_BYTE,
    boardPower_W: num('boardPower_W'),
    idlePower_W: num('idlePower_W'),
    area_m2: num('area_m2'),
    formatForward: raw.formatForward as GpuFormatName,
    formatBackward: raw.formatBackward as GpuFormatName,
    formatUpdate: raw.formatUpdate as GpuFormatName,
    utilisationGemm: num('utilisationGemm'),
    utilisationConv: num('utilisationConv'),
    utilisationGroupedConv: num('utilisationGroupedConv'),
    utilisationVector: num('utilisationVector'),
    groupedConvChannels: num('groupedConvChannels'),
    memoryEfficiency: num('memoryEfficiency'),
    activity: num('activity'),
    specialFunctionOps: num('specialFunctionOps'),
    launchOverhead_s: num('launchOverhead_s'),
    defaultBatch: num('defaultBatch'),
  };
}

/** Element-wise work runs on the FP32 lanes, so every GPU needs that rate; each phase's format needs its own. */
function consistencyIssues(gpu: GpuParams): Issue[] {
  const issues: Issue[] = [];
  if (gpu.peak_FLOPs.fp32 === undefined) issues.push({ path: 'peak.fp32', message: 'is missing (the FP32 rate of the CUDA cores, which run the element-wise work)' });
  const phases = [
    ['format.forward', gpu.formatForward],
    ['format.backward', gpu.formatBackward],
    ['format.update', gpu.formatUpdate],
  ] as const;
  for (const [key, format] of phases) {
    const needed = GPU_FORMATS[format].peak;
    // A missing FP32 rate is reported once, above.
    if (gpu.peak_FLOPs[needed] === undefined && needed !== 'fp32') issues.push({ path: key, message: `is ${format}, but the GPU gives no peak.${needed} rate (add it, or choose a format the GPU computes)` });
  }
  if (gpu.idlePower_W > gpu.boardPower_W) issues.push({ path: 'idlePower', message: `must be at most the board power (${gpu.boardPower_W} W)` });
  return issues;
}

/** The peak FLOP/s a format's multiply-accumulates run at (checked present when the params were read). */
export function peakOf(gpu: GpuParams, format: GpuFormatName): number {
  return gpu.peak_FLOPs[GPU_FORMATS[format].peak] ?? 0;
}
