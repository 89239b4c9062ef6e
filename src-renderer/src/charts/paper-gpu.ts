import type { GpuComparisonOutput, ReproduceOutput } from '@shared/schemas/design-api.ts';
import type { ExportTable, TableCell } from '@/export/table.ts';
import { columnUnit } from './normalized.ts';
import { shortName } from './paper-ratios.ts';

// FloatPIM's GPU claim beside the model, on the basis shown: the baseline's step and the GTX
// 1080's (FP32, same batch) per network, their ratios GPU ÷ baseline (bigger favours the PIM
// design), both means of them (FloatPIM's "average" names neither) and FloatPIM's published pair.

export const ARITHMETIC_LABEL = 'Arithmetic mean';
export const GEOMETRIC_LABEL = 'Geometric mean';
export const PUBLISHED_GPU_LABEL = 'FloatPIM published (average)';

/** The table, or null where the basis has no seconds and joules to compare (step-count) or the comparison predates it. */
export function paperGpuTable(result: ReproduceOutput): ExportTable | null {
  const g = result.gpuComparison;
  if (!g || !g.comparable) return null;
  const energy = columnUnit(g.models.flatMap((m) => [m.gpu.energy_J, m.pim.energy_J]), 'J');
  const time = columnUnit(g.models.flatMap((m) => [m.gpu.latency_s, m.pim.latency_s]), 's');
  const pim = shortName(g.against);
  const gpu = shortName(g.gpu.name);
  const ratioRow = (label: string, r: GpuComparisonOutput['average']['arithmetic']): TableCell[] => [label, null, null, null, null, r.speedup, r.energyEfficiency];
  return {
    title: `${pim} against the ${gpu}, ${result.basis}`,
    caption: `One training step (batch ${g.batch}) on each network: the ${gpu} in ${g.gpu.format}, ${pim} on the ${result.basis} basis. Speed is the GPU's step time ÷ ${pim}'s, energy efficiency the GPU's step energy ÷ ${pim}'s (the same images per step); bigger favours ${pim}.`,
    columns: [
      { label: 'Network' },
      { group: gpu, label: 'energy', unit: energy.unit, digits: 4 },
      { group: gpu, label: 'time', unit: time.unit, digits: 4 },
      { group: pim, label: 'energy', unit: energy.unit, digits: 4 },
      { group: pim, label: 'time', unit: time.unit, digits: 4 },
      { group: 'GPU ÷ PIM', label: 'speed', unit: '×', digits: 4 },
      { group: 'GPU ÷ PIM', label: 'energy efficiency', unit: '×', digits: 4 },
    ],
    rows: g.models.map((m) => [m.network, m.gpu.energy_J / energy.factor, m.gpu.latency_s / time.factor, m.pim.energy_J / energy.factor, m.pim.latency_s / time.factor, m.ratios.speedup, m.ratios.energyEfficiency]),
    footer: [ratioRow(ARITHMETIC_LABEL, g.average.arithmetic), ratioRow(GEOMETRIC_LABEL, g.average.geometric), ratioRow(PUBLISHED_GPU_LABEL, g.published)],
  };
}
