import { binLaw, difference, pointMass, type GridMass } from './grid.ts';
import { probabilityBelow, type Tails } from './normal.ts';

// When a MAGIC output switches, for inputs of summed conductance S: the output (lognormal R_out)
// sees V0 R_out S / (1 + R_out S) and switches iff that exceeds its threshold v (Gaussian), i.e.
// iff ln S > D with D = T - ln R_out and T = ln(v / (V0 - v)). T maps the threshold through a
// logarithm that diverges as v nears 0 (a threshold that low is switched by the off inputs'
// leakage alone), which defeats a fixed quadrature; so T is binned from its exact CDF,
// P(T <= t) = Phi((V0 / (1 + e^-t) - v_off) / sigma), ln R_out from its own, and D's law is
// their difference, formed once per gate and read for every input sum.

export interface SwitchingLaw {
  /** [P(no switch), P(switch)] for inputs of summed conductance e^lnS. */
  readonly tails: (lnS: number) => Tails;
}

/** Most grid points D's law may take (the resolution is eased beyond it). */
const MOST_POINTS = 16384;
const POINTS_PER_SPREAD = 64;
/** A threshold at or beyond 0 or V0 is kept this share of V0 inside, where ln(v / (V0 - v)) is finite. */
const EDGE = 1e-9;
const LOGIT_SPAN = 2 * Math.log(1 / EDGE);

export interface ThresholdDevice {
  readonly gateVoltage_V: number;
  readonly threshold_V: number;
  readonly thresholdSigma_V: number;
  readonly outputMedian_Ohm: number;
  readonly outputSigmaLn: number;
}

/** The law of T - ln R_out's median, so the output's spread alone remains to be subtracted. */
function thresholdLaw(d: ThresholdDevice, step: number): GridMass {
  const { gateVoltage_V: v0, threshold_V: vt, thresholdSigma_V: sv } = d;
  const inside = (v: number): number => Math.min(Math.max(v, EDGE * v0), v0 * (1 - EDGE));
  const lnMedian = Math.log(d.outputMedian_Ohm);
  const logit = (v: number): number => Math.log(inside(v) / (v0 - inside(v))) - lnMedian;
  if (!(sv > 0)) return pointMass(logit(vt), step);
  const tails = (t: number): Tails => {
    const margin = v0 / (1 + Math.exp(-t - lnMedian)) - vt;
    const below = probabilityBelow(margin, sv);
    if (below <= 0.5) return [below, 1 - below];
    const above = probabilityBelow(-margin, sv);
    return [1 - above, above];
  };
  return binLaw(tails, logit(vt - 8 * sv), logit(vt + 8 * sv), step);
}

function lawStep(d: ThresholdDevice): number {
  const { gateVoltage_V: v0, threshold_V: vt, thresholdSigma_V: sv, outputSigmaLn: sr } = d;
  const spreadT = vt > 0 && vt < v0 ? (sv * v0) / (vt * (v0 - vt)) : 0;
  const finest = Math.min(sr > 0 ? sr : Infinity, spreadT > 0 ? spreadT : Infinity);
  if (finest === Infinity) return 1e-6;
  const span = (sv > 0 ? LOGIT_SPAN : 0) + 15 * sr;
  return Math.max(finest / POINTS_PER_SPREAD, span / MOST_POINTS);
}

/** Cumulative masses from both ends, so each tail of D is read without round-off. */
function cumulative(law: GridMass): { below: Float64Array; above: Float64Array } {
  const n = law.mass.length;
  const below = new Float64Array(n);
  const above = new Float64Array(n);
  for (let k = 1; k < n; k++) below[k] = below[k - 1]! + law.mass[k - 1]!;
  for (let k = n - 2; k >= 0; k--) above[k] = above[k + 1]! + law.mass[k + 1]!;
  return { below, above };
}

export function switchingLaw(d: ThresholdDevice): SwitchingLaw {
  const step = lawStep(d);
  // The output's deviation from its median, ln(R_out / median): zero-centred, so none is a point at 0.
  const sr = d.outputSigmaLn;
  const deviation = sr > 0 ? binLaw((x) => [probabilityBelow(x, sr), probabilityBelow(-x, sr)], -7.5 * sr, 7.5 * sr, step) : pointMass(0, step);
  const law = difference(deviation, thresholdLaw(d, step));
  const { below, above } = cumulative(law);
  return {
    tails: (lnS) => {
      // The bin holding ln S is taken as evenly spread: the part of it below ln S switches.
      const k = Math.round(lnS / step) - law.first;
      if (k < 0) return [1, 0];
      if (k >= law.mass.length) return [0, 1];
      const share = Math.min(1, Math.max(0, lnS / step - (law.first + k) + 0.5));
      return [above[k]! + law.mass[k]! * (1 - share), below[k]! + law.mass[k]! * share];
    },
  };
}
