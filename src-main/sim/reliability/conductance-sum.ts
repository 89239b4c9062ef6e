import { binLaw, convolve, convolvePower, expectOnGrid, pointMass, type BinFunction, type GridMass } from './grid.ts';
import { binLogLaw, expectOnLogGrid, logSum, logSumPower, type LogGridMass } from './log-grid.ts';
import type { Tails } from './normal.ts';
import { lnResistanceRange, lnResistanceTails, lnSpread, type ResistanceLaw, type StateLaws } from './resistance-law.ts';

// The law of the summed conductance of the devices a primitive connects in parallel, for one
// count of low-resistance devices: each device's conductance binned from its exact CDF, then
// convolved. Narrow laws (MTJs) go on a linear grid, refined near the decision thresholds; wide
// ones (ReRAM) on a logarithmic grid, which resolves every decade they span alike.

/** Grid points across the widest sum; the midpoint rule's error falls as the square of the step. */
export const SUM_BINS = 1024;
/** Grid points per device spread near a decision threshold, and the most points a sum may take (fewer for long sums, whose convolutions cost more). */
const POINTS_PER_SPREAD = 16;
const MOST_BINS_SHORT = 8192;
const MOST_BINS_LONG = 2048;

/** [P(G <= g), P(G > g)] for G = 1 / (R + R_access). */
export function conductanceTails(law: ResistanceLaw, access_Ohm: number, g: number): Tails {
  if (!(g > 0)) return [0, 1];
  const r = 1 / g - access_Ohm;
  if (!(r > 0)) return [1, 0];
  const [below, above] = lnResistanceTails(law, Math.log(r));
  return [above, below];
}

function conductanceRange(law: ResistanceLaw, access_Ohm: number): readonly [number, number] {
  const [lnLow, lnHigh] = lnResistanceRange(law);
  return [1 / (Math.exp(lnHigh) + access_Ohm), 1 / (Math.exp(lnLow) + access_Ohm)];
}

/**
 * The grid step of one sum: SUM_BINS across its width, finer where a wide law's tail meets a
 * decision threshold (a lognormal's long upper tail would otherwise stretch the grid and leave its
 * lower tail, where a low state fails to pull the node, a few points), within a cap on the work.
 */
function sumStep(width: number, largest: number, devices: number, thresholds_S: readonly number[], spread: number): number {
  let step = width / SUM_BINS;
  if (spread > 0) for (const t of thresholds_S) if (t > 0 && t < Infinity) step = Math.min(step, (t * spread) / POINTS_PER_SPREAD);
  // Without variation every device is a point; a step far below the sum keeps it exact.
  return Math.max(step, width / (devices <= 3 ? MOST_BINS_SHORT : MOST_BINS_LONG), largest * 1e-12);
}

/** The law of a sum of conductances, on a linear grid (narrow laws) or a logarithmic one (wide laws). */
export type ConductanceSum = { readonly scale: 'linear'; readonly grid: GridMass } | { readonly scale: 'log'; readonly grid: LogGridMass };

/** Above this sigma of ln R a state spans enough of a decade that a logarithmic grid resolves it better. */
const WIDE_SPREAD = 0.15;
const LOG_BINS_SHORT = 512;
const LOG_BINS_LONG = 256;

function linearSum(laws: StateLaws, access_Ohm: number, ones: number, zeros: number, thresholds_S: readonly number[]): GridMass {
  const low = conductanceRange(laws.low, access_Ohm);
  const high = conductanceRange(laws.high, access_Ohm);
  const width = ones * (low[1] - low[0]) + zeros * (high[1] - high[0]);
  const spread = Math.max(ones > 0 ? lnSpread(laws.low) : 0, zeros > 0 ? lnSpread(laws.high) : 0);
  const step = sumStep(width, ones * low[1] + zeros * high[1], ones + zeros, thresholds_S, spread);
  const binned = (law: ResistanceLaw, range: readonly [number, number]): GridMass =>
    range[1] > range[0] ? binLaw((g) => conductanceTails(law, access_Ohm, g), range[0], range[1], step) : pointMass(range[0], step);
  const parts: GridMass[] = [];
  if (ones > 0) parts.push(convolvePower(binned(laws.low, low), ones));
  if (zeros > 0) parts.push(convolvePower(binned(laws.high, high), zeros));
  return parts.length === 2 ? convolve(parts[0]!, parts[1]!) : parts[0]!;
}

/** The law of the summed conductance on a log grid (every decade resolved alike). */
export function logConductanceSum(laws: StateLaws, access_Ohm: number, ones: number, zeros: number): LogGridMass {
  const lnRange = (law: ResistanceLaw): readonly [number, number] => {
    const [g0, g1] = conductanceRange(law, access_Ohm);
    return [Math.log(g0), Math.log(g1)];
  };
  const low = lnRange(laws.low);
  const high = lnRange(laws.high);
  const widest = Math.max(ones > 0 ? low[1] - low[0] : 0, zeros > 0 ? high[1] - high[0] : 0);
  const step = widest > 0 ? widest / (ones + zeros <= 3 ? LOG_BINS_SHORT : LOG_BINS_LONG) : 1e-9;
  const binned = (law: ResistanceLaw, range: readonly [number, number]): LogGridMass =>
    binLogLaw((x) => conductanceTails(law, access_Ohm, Math.exp(x)), range[0], range[1], step);
  const parts: LogGridMass[] = [];
  if (ones > 0) parts.push(logSumPower(binned(laws.low, low), ones));
  if (zeros > 0) parts.push(logSumPower(binned(laws.high, high), zeros));
  return parts.length === 2 ? logSum(parts[0]!, parts[1]!) : parts[0]!;
}

/**
 * The law of the summed conductance of `ones` low and `zeros` high devices: on a log grid when a
 * law is wide, else on a linear grid resolved near `thresholds_S`.
 */
export function conductanceSum(laws: StateLaws, access_Ohm: number, ones: number, zeros: number, thresholds_S: readonly number[] = []): ConductanceSum {
  const wide = Math.max(ones > 0 ? lnSpread(laws.low) : 0, zeros > 0 ? lnSpread(laws.high) : 0) > WIDE_SPREAD;
  return wide ? { scale: 'log', grid: logConductanceSum(laws, access_Ohm, ones, zeros) } : { scale: 'linear', grid: linearSum(laws, access_Ohm, ones, zeros, thresholds_S) };
}

export function expectOnSum(sum: ConductanceSum, f: BinFunction): number {
  return sum.scale === 'log' ? expectOnLogGrid(sum.grid, f) : expectOnGrid(sum.grid, f);
}

/** Binomial weights of the counts of ones among `rows` random bits. */
export function binomialWeights(rows: number): number[] {
  const weights = [Math.pow(0.5, rows)];
  for (let ones = 1; ones <= rows; ones++) weights.push((weights[ones - 1]! * (rows - ones + 1)) / ones);
  return weights;
}

