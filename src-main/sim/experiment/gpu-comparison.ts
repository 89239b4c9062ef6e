import { BUILTIN_GPUS } from '../gpu/builtin.ts';
import { evaluateGpuTotals } from '../gpu/evaluate.ts';
import { gpuParamsFromValues, type GpuParams } from '../gpu/params.ts';
import type { NetworkAnalysis } from '../workload/analyze.ts';
import type { StepFigures } from '../workload/totals.ts';
import type { PaperBasis } from './bases.ts';

// FloatPIM's published comparison against a GPU (Imani et al., ISCA 2019: 303.2x the speed and
// 48.6x the energy efficiency of an NVIDIA GTX 1080 in training, the average of AlexNet, VGG-16,
// GoogLeNet and SqueezeNet) set beside the model's: the built-in GTX 1080 trains the same networks
// at the same batch, and on each basis the baseline's (FloatPIM's) step is set against it. Both
// ratios are GPU ÷ FloatPIM (bigger favours FloatPIM): step time for the speed, step energy for the
// energy efficiency (the same images per step, so per image alike).

export const CLAIM_GPU_ID = 'gtx-1080';
/** FloatPIM's baseline GPU runs FP32: a GTX 1080 (GP104) runs FP16 at 1/64 of the FP32 rate. */
export const CLAIM_GPU_FORMAT = 'fp32';

/** GPU ÷ the PIM design; null where the basis has no physical units. */
export interface GpuRatios {
  readonly speedup: number | null;
  readonly energyEfficiency: number | null;
}

export interface GpuComparison {
  readonly gpu: { readonly id: string; readonly name: string; readonly format: string };
  /** The design set against the GPU: the comparison's baseline (FloatPIM in the paper). */
  readonly against: string;
  readonly batch: number;
  /** false on the step-count basis, whose figures count array steps, not seconds and joules. */
  readonly comparable: boolean;
  readonly note: string;
  readonly models: { readonly network: string; readonly gpu: StepFigures; readonly pim: StepFigures; readonly ratios: GpuRatios }[];
  /** Of the per-network ratios: FloatPIM says "average" without saying which mean, so both. */
  readonly average: { readonly arithmetic: GpuRatios; readonly geometric: GpuRatios };
  readonly published: { readonly speedup: number; readonly energyEfficiency: number };
}

/** FloatPIM's published training results against a GTX 1080 (average of its four networks). */
export const FLOATPIM_GPU_CLAIMS = { speedup: 303.2, energyEfficiency: 48.6 } as const;

/** The built-in GTX 1080 with every phase in FP32. */
export function claimGpu(): { readonly name: string; readonly params: GpuParams } {
  const definition = BUILTIN_GPUS.find((g) => g.id === CLAIM_GPU_ID);
  if (!definition) throw new Error(`the built-in GPU "${CLAIM_GPU_ID}" is missing`);
  const values = definition.values.map((v) => (v.key.startsWith('format.') ? { ...v, value: CLAIM_GPU_FORMAT } : v));
  const parsed = gpuParamsFromValues(values);
  if (!parsed.ok) throw new Error(`the built-in GPU "${CLAIM_GPU_ID}" does not read: ${parsed.issues.map((i) => `${i.path} ${i.message}`).join('; ')}`);
  return { name: definition.name, params: parsed.params };
}

/** The GPU's step on each network, in order. */
export function claimGpuSteps(networks: readonly NetworkAnalysis[], batch: number): StepFigures[] {
  const { params } = claimGpu();
  return networks.map((n) => {
    const t = evaluateGpuTotals(params, n, batch);
    return { energy_J: t.energy_J, latency_s: t.latency_s };
  });
}

const arithmeticMean = (xs: readonly number[]): number => xs.reduce((s, x) => s + x, 0) / xs.length;
const geometricMean = (xs: readonly number[]): number => Math.exp(xs.reduce((s, x) => s + Math.log(x), 0) / xs.length);
const NO_RATIOS: GpuRatios = { speedup: null, energyEfficiency: null };

function meanOf(models: GpuComparison['models'], mean: (xs: readonly number[]) => number): GpuRatios {
  if (models.length === 0) return NO_RATIOS;
  return { speedup: mean(models.map((m) => m.ratios.speedup!)), energyEfficiency: mean(models.map((m) => m.ratios.energyEfficiency!)) };
}

export interface GpuComparisonInput {
  readonly basis: PaperBasis;
  readonly against: string;
  readonly batch: number;
  readonly networks: readonly string[];
  readonly gpuSteps: readonly StepFigures[];
  readonly pimSteps: readonly StepFigures[];
}

export function gpuComparison(input: GpuComparisonInput): GpuComparison {
  const gpu = { id: `builtin:${CLAIM_GPU_ID}`, name: claimGpu().name, format: CLAIM_GPU_FORMAT };
  const common = { gpu, against: input.against, batch: input.batch, published: { ...FLOATPIM_GPU_CLAIMS } };
  if (input.basis === 'step-count') {
    const note = 'not comparable: the step-count basis counts array steps, not seconds and joules, so there is no time or energy to set beside the GPU';
    return { ...common, comparable: false, note, models: [], average: { arithmetic: NO_RATIOS, geometric: NO_RATIOS } };
  }
  const models = input.networks.map((network, i) => {
    const g = input.gpuSteps[i]!;
    const p = input.pimSteps[i]!;
    return { network, gpu: g, pim: p, ratios: { speedup: g.latency_s / p.latency_s, energyEfficiency: g.energy_J / p.energy_J } };
  });
  const note = `GPU ÷ ${input.against}: step time for the speed, step energy for the energy efficiency, the ${gpu.name} in ${CLAIM_GPU_FORMAT} at batch ${input.batch}`;
  return { ...common, comparable: true, note, models, average: { arithmetic: meanOf(models, arithmeticMean), geometric: meanOf(models, geometricMean) } };
}
