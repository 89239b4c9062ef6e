import { WorkbenchFailure, type Issue } from '../shared/result.ts';
import type { LibraryDetail } from '../shared/schemas/library.ts';
import type { DesignDetail, DesignSummary } from '../shared/schemas/design-api.ts';
import type { LibraryValue } from '../sim/params/read-values.ts';
import { gpuParamsFromValues, type GpuParams } from '../sim/gpu/params.ts';
import { dynamicPower_W } from '../sim/gpu/power.ts';
import { GPU_SNAPSHOT_CELL_ID } from '../shared/schemas/experiment.ts';

// GPU designs as the services hand them out: an architecture library whose values say `kind: gpu`
// (sim/gpu/params.ts), read into the GPU model's parameters. A GPU has no cell: where a stored
// snapshot needs one (experiments, sweeps), GPU_NO_CELL stands in, with no values.

export interface ResolvedGpuDesign {
  readonly kind: 'gpu';
  readonly id: string;
  readonly name: string;
  readonly version: number;
  readonly builtIn: boolean;
  readonly description: string;
  readonly values: readonly LibraryValue[];
  readonly params: GpuParams;
}

/** The cell of a GPU run's snapshot: none. */
export const GPU_NO_CELL = { id: GPU_SNAPSHOT_CELL_ID, name: 'none (a GPU has no PIM cell)', version: 1 } as const;

/** The GPU a library describes, or null when its values do not make one (checkGpu says why). */
export function resolveGpu(library: LibraryDetail): ResolvedGpuDesign | null {
  const parsed = gpuParamsFromValues(library.values);
  if (!parsed.ok) return null;
  return { kind: 'gpu', id: library.id, name: library.name, version: library.shownVersion, builtIn: library.builtIn, description: library.description, values: library.values, params: parsed.params };
}

/** What the GPU model refuses in values being edited, by key. */
export function checkGpu(values: readonly LibraryValue[]): { errors: Issue[]; warnings: Issue[] } {
  const parsed = gpuParamsFromValues(values);
  return { errors: parsed.ok ? [] : parsed.issues, warnings: [] };
}

const GB = 1e9;
const gb = (bytes: number): number => Number((bytes / GB).toPrecision(4));
// Memory sizes are binary (NVIDIA's "8 GB" is 2^33 bytes): shown as GiB they read as sold.
const gib = (bytes: number): number => Number((bytes / 2 ** 30).toPrecision(4));

export function gpuSummary(design: ResolvedGpuDesign): DesignSummary {
  const p = design.params;
  return {
    id: design.id,
    kind: 'gpu',
    name: design.name,
    builtIn: design.builtIn,
    version: design.version,
    cell: '',
    node_nm: p.node_nm,
    organisation: `GPU: ${p.sms} SMs, ${p.cudaCores} CUDA cores, ${gib(p.memory_B)} GiB at ${gb(p.bandwidth_Bps)} GB/s`,
    area_m2: p.area_m2,
    peakPower_W: p.boardPower_W,
    activeBlocks: p.sms,
    blocks: p.sms,
  };
}

export function gpuDetail(design: ResolvedGpuDesign): DesignDetail {
  const p = design.params;
  return {
    ...gpuSummary(design),
    description: design.description,
    values: design.values.map((v) => ({ ...v })),
    area: { cells: 0, periphery: p.area_m2, interconnect: 0, controller: 0 },
    power: { blockCompute_W: dynamicPower_W(p), static_W: p.idlePower_W, uncapped_W: p.boardPower_W, peak_W: p.boardPower_W },
    gpu: {
      sms: p.sms,
      cudaCores: p.cudaCores,
      peak_FLOPs: { ...p.peak_FLOPs },
      formats: { forward: p.formatForward, backward: p.formatBackward, update: p.formatUpdate },
      bandwidth_Bps: p.bandwidth_Bps,
      memory_B: p.memory_B,
      onChip_B: p.onChip_B,
      boardPower_W: p.boardPower_W,
      idlePower_W: p.idlePower_W,
    },
    warnings: [],
  };
}

const FORMAT_KEYS = ['format.forward', 'format.backward', 'format.update'];

/**
 * The values a run evaluates: with a format chosen for the run, every phase's format replaced by
 * it, refused (naming `format`) when the GPU has no units for it.
 */
export function gpuValuesForRun(design: Pick<ResolvedGpuDesign, 'name' | 'values'>, format: string | undefined): LibraryValue[] {
  if (format === undefined) return [...design.values];
  const values = design.values.map((v) => (FORMAT_KEYS.includes(v.key) ? { ...v, value: format } : v));
  const parsed = gpuParamsFromValues(values);
  if (parsed.ok) return values;
  // Every phase fails alike: the first reason says it.
  const why = parsed.issues[0] ? `${parsed.issues[0].path} ${parsed.issues[0].message}` : 'the GPU refuses it';
  throw new WorkbenchFailure('invalid_input', `"${design.name}" cannot compute in ${format}: ${why}`, [{ path: 'format', message: `is not a format ${design.name} computes in` }]);
}
