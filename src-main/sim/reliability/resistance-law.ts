import { memoryKind } from '../cells/electrical.ts';
import type { CellParams } from '../cells/params.ts';
import { expectOverNormal, normalCdf, type Tails } from './normal.ts';
import { tabulateTails } from './tabulated-tails.ts';
import type { CellVariation } from './variation.ts';

// How the resistance of one device in a given state varies from device to device (access device
// excluded). Resistive devices (ReRAM, PCRAM) are lognormal in each state, the usual description
// of filament-based switching. An MTJ's two states share one junction: its high state is its own
// low-state draw times (1 + TMR), the TMR drawn normal around R_high / R_low - 1 and kept from
// going negative (an antiparallel state below the parallel one is no working junction).

export type ResistanceLaw =
  | { readonly kind: 'lognormal'; readonly median_Ohm: number; readonly sigmaLn: number }
  | { readonly kind: 'mtj-high'; readonly lowMedian_Ohm: number; readonly sigmaLnLow: number; readonly tmr: number; readonly tmrSigma: number };

export interface StateLaws {
  readonly low: ResistanceLaw;
  readonly high: ResistanceLaw;
}

export function stateLaws(cell: CellParams, variation: CellVariation): StateLaws {
  const low: ResistanceLaw = { kind: 'lognormal', median_Ohm: cell.resistanceLow_Ohm, sigmaLn: variation.sigmaLnRLow };
  if (memoryKind(cell) !== 'MRAM') return { low, high: { kind: 'lognormal', median_Ohm: cell.resistanceHigh_Ohm, sigmaLn: variation.sigmaLnRHigh } };
  const tmr = cell.resistanceHigh_Ohm / cell.resistanceLow_Ohm - 1;
  // Without a TMR spread (or without a TMR) the high state is the low state's lognormal, scaled.
  if (!(variation.tmrSigma > 0 && tmr > 0)) return { low, high: { kind: 'lognormal', median_Ohm: cell.resistanceHigh_Ohm, sigmaLn: variation.sigmaLnRLow } };
  return { low, high: { kind: 'mtj-high', lowMedian_Ohm: cell.resistanceLow_Ohm, sigmaLnLow: variation.sigmaLnRLow, tmr, tmrSigma: variation.tmrSigma } };
}

/** A drawer of devices from the law, given a source of standard normal draws. */
export function resistanceSampler(law: ResistanceLaw, normal: () => number): () => number {
  if (law.kind === 'lognormal') {
    const { median_Ohm: median, sigmaLn: sigma } = law;
    return sigma > 0 ? () => median * Math.exp(sigma * normal()) : () => median;
  }
  const { lowMedian_Ohm: median, sigmaLnLow: sigma, tmr, tmrSigma } = law;
  return () => median * Math.exp(sigma * normal()) * (1 + Math.max(0, tmr * (1 + tmrSigma * normal())));
}

function fromBelow(below: number, above: () => number): Tails {
  if (below <= 0.5) return [below, 1 - below];
  const a = above();
  return [1 - a, a];
}

function lognormalTails(median_Ohm: number, sigmaLn: number, y: number): Tails {
  const d = y - Math.log(median_Ohm);
  if (!(sigmaLn > 0)) return d >= 0 ? [1, 0] : [0, 1];
  return fromBelow(normalCdf(d / sigmaLn), () => normalCdf(-d / sigmaLn));
}

/** Tails of w = ln(1 + TMR'), TMR' = max(0, tmr (1 + tmrSigma Z)). */
function tmrTails(tmr: number, tmrSigma: number, w: number): Tails {
  if (w < 0) return [0, 1];
  const z = ((Math.expm1(w) / tmr - 1) / tmrSigma);
  return fromBelow(normalCdf(z), () => normalCdf(-z));
}

/**
 * Tails of ln R_high = ln R_low' + ln(1 + TMR'). One of the two independent parts is integrated by
 * quadrature and the other taken in closed form; the part with the smaller spread goes to the
 * quadrature, so the closed form it multiplies varies slowly and the quadrature stays accurate.
 */
function mtjHighTails(law: Extract<ResistanceLaw, { kind: 'mtj-high' }>, y: number): Tails {
  const u = y - Math.log(law.lowMedian_Ohm);
  const { tmr, tmrSigma, sigmaLnLow } = law;
  if (!(sigmaLnLow > 0)) return tmrTails(tmr, tmrSigma, u);
  const tmrSpreadLn = (tmrSigma * tmr) / (1 + tmr);
  if (sigmaLnLow >= tmrSpreadLn) {
    const w = (z: number): number => Math.log1p(Math.max(0, tmr * (1 + tmrSigma * z)));
    const below = expectOverNormal((z) => normalCdf((u - w(z)) / sigmaLnLow));
    return fromBelow(below, () => expectOverNormal((z) => normalCdf((w(z) - u) / sigmaLnLow)));
  }
  const below = expectOverNormal((z) => tmrTails(tmr, tmrSigma, u - sigmaLnLow * z)[0]);
  return fromBelow(below, () => expectOverNormal((z) => tmrTails(tmr, tmrSigma, u - sigmaLnLow * z)[1]));
}

/** Each MTJ high-state law's quadrature, tabulated over its range on first use. */
const MTJ_TABLES = new WeakMap<ResistanceLaw, (y: number) => Tails>();

export function lnResistanceTails(law: ResistanceLaw, y: number): Tails {
  if (law.kind === 'lognormal') return lognormalTails(law.median_Ohm, law.sigmaLn, y);
  let table = MTJ_TABLES.get(law);
  if (!table) {
    const [low, high] = lnResistanceRange(law);
    MTJ_TABLES.set(law, (table = tabulateTails((x) => mtjHighTails(law, x), low, high)));
  }
  return table(y);
}

/** Nominal resistance of the state (what the references are placed by). */
export function nominalResistance(law: ResistanceLaw): number {
  return law.kind === 'lognormal' ? law.median_Ohm : law.lowMedian_Ohm * (1 + law.tmr);
}

/** Spread of ln R (sigma; for an MTJ high state, of its two parts together). */
export function lnSpread(law: ResistanceLaw): number {
  return law.kind === 'lognormal' ? law.sigmaLn : Math.hypot(law.sigmaLnLow, (law.tmrSigma * law.tmr) / (1 + law.tmr));
}

/**
 * The range of ln R holding all but about 1e-13 of the law (7.5 sigma each side); what lies
 * beyond is lumped into the range's ends by the binning, so no mass is lost.
 */
export function lnResistanceRange(law: ResistanceLaw): readonly [number, number] {
  const reach = 7.5;
  const centre = Math.log(nominalResistance(law));
  return [centre - reach * lnSpread(law), centre + reach * lnSpread(law)];
}
