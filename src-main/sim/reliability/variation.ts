import { memoryKind } from '../cells/electrical.ts';
import type { CellParams } from '../cells/params.ts';

// The variation a cell states, in the form the error models read it. A spread the cell does not
// give is taken as none (0), so a cell without variation data computes without errors, and the
// keys that were missing are named so a result can say what it leaves out.

export interface CellVariation {
  readonly sigmaLnRLow: number;
  /** Resistive cells only; MRAM derives its high state from the low state and the TMR. */
  readonly sigmaLnRHigh: number;
  readonly tmrSigma: number;
  readonly senseOffsetSigma_V: number;
  readonly referenceSigma: number;
  /** MAGIC output threshold; without it MAGIC gates are not modelled. */
  readonly magicThresholdOff_V?: number;
  readonly magicThresholdOffSigma_V: number;
  readonly setSwitchingTime_s?: number;
  readonly resetSwitchingTime_s?: number;
  readonly switchingTimeSigma: number;
}

export interface VariationReading {
  readonly variation: CellVariation;
  /** Library keys the cell's error models read but the cell does not give. */
  readonly missing: readonly string[];
}

const FIELD_OF_KEY: Readonly<Record<string, keyof CellParams>> = {
  sigmaLnRLow: 'sigmaLnRLow',
  sigmaLnRHigh: 'sigmaLnRHigh',
  tmrSigma: 'tmrSigma',
  senseOffsetSigma: 'senseOffsetSigma_V',
  referenceSigma: 'referenceSigma',
  magicThresholdOff: 'magicThresholdOff_V',
  magicThresholdOffSigma: 'magicThresholdOffSigma_V',
  setSwitchingTime: 'setSwitchingTime_s',
  resetSwitchingTime: 'resetSwitchingTime_s',
  switchingTimeSigma: 'switchingTimeSigma',
};

/**
 * Cell and design keys that only the reliability figures read (device spreads, endurance, wear
 * levelling): energy, latency, area and power do not depend on them.
 */
export const RELIABILITY_ONLY_KEYS: ReadonlySet<string> = new Set([...Object.keys(FIELD_OF_KEY), 'endurance', 'wear.spread']);

/** The variation keys the error models of this cell's family read. */
export function relevantVariationKeys(cell: CellParams): string[] {
  if (cell.family === 'sram') return [];
  const keys = ['sigmaLnRLow', memoryKind(cell) === 'MRAM' ? 'tmrSigma' : 'sigmaLnRHigh', 'senseOffsetSigma', 'referenceSigma'];
  if (cell.family === 'reram-magic') keys.push('magicThresholdOff', 'magicThresholdOffSigma');
  keys.push('setSwitchingTime', 'resetSwitchingTime', 'switchingTimeSigma');
  return keys;
}

export function readVariation(cell: CellParams): VariationReading {
  const variation: CellVariation = {
    sigmaLnRLow: cell.sigmaLnRLow ?? 0,
    sigmaLnRHigh: cell.sigmaLnRHigh ?? 0,
    tmrSigma: cell.tmrSigma ?? 0,
    senseOffsetSigma_V: cell.senseOffsetSigma_V ?? 0,
    referenceSigma: cell.referenceSigma ?? 0,
    magicThresholdOffSigma_V: cell.magicThresholdOffSigma_V ?? 0,
    switchingTimeSigma: cell.switchingTimeSigma ?? 0,
    ...(cell.magicThresholdOff_V === undefined ? {} : { magicThresholdOff_V: cell.magicThresholdOff_V }),
    ...(cell.setSwitchingTime_s === undefined ? {} : { setSwitchingTime_s: cell.setSwitchingTime_s }),
    ...(cell.resetSwitchingTime_s === undefined ? {} : { resetSwitchingTime_s: cell.resetSwitchingTime_s }),
  };
  const missing = relevantVariationKeys(cell).filter((key) => cell[FIELD_OF_KEY[key]!] === undefined);
  return { variation, missing };
}
