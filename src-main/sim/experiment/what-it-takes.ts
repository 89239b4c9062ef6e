import type { CellParams } from '../cells/params.ts';
import { seek, type SeekResult } from '../analysis/seek.ts';
import type { PaperBasis, SideInput } from './bases.ts';

// What it would take for the proposed design to reach each of the paper's ratios: the single cell
// value that does it, found by the same search as goal seek (analysis/seek.ts: a scan, then Brent
// on the logarithm of the value), or why no value in a physical range does.

export type Metric = 'energy' | 'latency' | 'area';

export interface WhatItTakes {
  readonly metric: Metric;
  readonly basis: PaperBasis;
  readonly key: string;
  /** The value (in `unit`) at which the modelled ratio equals the paper's; null when none does. */
  readonly value: number | null;
  readonly unit: string;
  readonly feasible: boolean;
  readonly reason: string;
}

interface Knob {
  readonly key: string;
  readonly label: string;
  readonly unit: string;
  readonly toUnit: number;
  readonly get: (cell: CellParams) => number | undefined;
  readonly set: (cell: CellParams, value: number) => CellParams;
  /** The physical range searched, from the cell. */
  readonly range: (cell: CellParams, current: number) => [number, number];
}

const WRITE_CURRENT: Knob = {
  key: 'setCurrent',
  label: 'write current (set and reset)',
  unit: 'uA',
  toUnit: 1e6,
  get: (c) => (c.setMode === 'current' ? c.setCurrent_A : undefined),
  set: (c, v) => ({ ...c, setCurrent_A: v, resetCurrent_A: v }),
  range: (_cell, current) => [1e-6, Math.max(current, 1e-6) * 10],
};

const WRITE_VOLTAGE: Knob = {
  key: 'setVoltage',
  label: 'write voltage (set and reset)',
  unit: 'V',
  toUnit: 1,
  get: (c) => (c.setMode === 'voltage' ? c.setVoltage_V : undefined),
  set: (c, v) => ({ ...c, setVoltage_V: v, resetVoltage_V: v }),
  range: (_cell, current) => [0.05, current * 10],
};

const WRITE_PULSE: Knob = {
  key: 'setPulse',
  label: 'write pulse (set and reset)',
  unit: 'ns',
  toUnit: 1e9,
  get: (c) => c.setPulse_s,
  set: (c, v) => ({ ...c, setPulse_s: v, resetPulse_s: v }),
  range: (_cell, current) => [1e-12, current * 10],
};

const CELL_AREA: Knob = {
  key: 'cellArea',
  label: 'cell area',
  unit: 'F^2',
  toUnit: 1,
  get: (c) => c.cellArea_F2,
  set: (c, v) => ({ ...c, cellArea_F2: v }),
  // From the smallest cell a sense amplifier still fits under (wider than 2 F, NVSim's limit).
  range: (cell, current) => [Math.max(1, 4.05 * cell.aspectRatio), current * 10],
};

function knobFor(metric: Metric, cell: CellParams): Knob {
  if (metric === 'area') return CELL_AREA;
  if (metric === 'latency') return WRITE_PULSE;
  return cell.setMode === 'current' ? WRITE_CURRENT : WRITE_VOLTAGE;
}

/** The geometric-mean ratio (baseline / proposed) of one metric for a proposed design built on `cell`. */
export type RatioOf = (cell: CellParams) => number;

const fmt = (x: number): string => Number(x.toPrecision(3)).toString();

export function whatItTakes(metric: Metric, basis: PaperBasis, proposed: SideInput, target: number, ratioOf: RatioOf): WhatItTakes {
  const knob = knobFor(metric, proposed.cell);
  const current = knob.get(proposed.cell);
  const base = { metric, basis, key: knob.key, unit: knob.unit };
  if (basis === 'step-count' && metric !== 'area') {
    return { ...base, value: null, feasible: false, reason: 'step counts do not depend on device values: no single cell value changes this ratio (only the microprograms do)' };
  }
  if (current === undefined) return { ...base, value: null, feasible: false, reason: `the proposed cell has no ${knob.label} to vary` };
  const [lo, hi] = knob.range(proposed.cell, current);
  let found: SeekResult;
  try {
    found = seek(
      (value) => {
        const ratio = ratioOf(knob.set(proposed.cell, value));
        return Number.isFinite(ratio) && ratio > 0 ? ratio : null;
      },
      target,
      [lo, hi],
      { tolerance: 1e-4, scan: 9 },
    );
  } catch (error) {
    return { ...base, value: null, feasible: false, reason: `the model cannot be built over the range: ${(error as Error).message}` };
  }
  if (!found.found) {
    const span = found.metricRange ? `the ratio spans ${fmt(found.metricRange[0])}x to ${fmt(found.metricRange[1])}x there` : 'the model cannot be built anywhere in it';
    const jumps = found.jumps.map((j) => `; near ${fmt(j.at * knob.toUnit)} ${knob.unit} the ratio jumps across ${target}x`).join('');
    return {
      ...base,
      value: null,
      feasible: false,
      reason: `no ${knob.label} within [${fmt(lo * knob.toUnit)}, ${fmt(hi * knob.toUnit)}] ${knob.unit} reaches ${target}x: ${span}${jumps}${metric === 'area' ? ', so the periphery and the other components alone exceed the budget' : ', the rest of the cost (periphery, steps that do not write) does not scale with it'}`,
    };
  }
  const value = found.value * knob.toUnit;
  const now = current * knob.toUnit;
  return {
    ...base,
    value,
    feasible: true,
    reason: `${knob.label} <= ${fmt(value)} ${knob.unit} (the cell has ${fmt(now)} ${knob.unit}; ${found.iterations} model evaluations)`,
  };
}
