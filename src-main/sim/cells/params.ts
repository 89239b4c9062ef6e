import type { CellFamily } from '../isa/primitives.ts';
import { CELL_FAMILY_PRIMITIVES } from '../isa/primitives.ts';
import { readValues, type LibraryValue } from '../params/read-values.ts';
import type { Issue } from '../../shared/result.ts';

// The parameters of a memory cell, as a library stores them (a flat list of key, value, unit,
// source) and as the model uses them (SI numbers). One table describes every key, so conversion,
// validation, NVSim file mapping and the editor all agree.

export type ReadMode = 'current' | 'voltage';
export type WriteMode = 'current' | 'voltage';
export type AccessType = 'CMOS' | 'None' | 'diode';

/** A cell in SI units. Optional entries are absent when the cell does not have them. */
export interface CellParams {
  readonly family: CellFamily;
  readonly cellArea_F2: number;
  readonly aspectRatio: number;
  readonly resistanceLow_Ohm: number;
  readonly resistanceHigh_Ohm: number;
  readonly readMode: ReadMode;
  /** Read voltage across the cell; 0 when the cell is read by a forced current (`readCurrent_A`). */
  readonly readVoltage_V: number;
  /** Forced read current (NVSim's current-in voltage sensing, e.g. its PCRAM sample). */
  readonly readCurrent_A?: number;
  /** Power a cell draws while it is read (NVSim's ReadPower); derived from the read current when absent. */
  readonly readPower_W?: number;
  readonly minSenseVoltage_V: number;
  readonly setMode: WriteMode;
  readonly setCurrent_A?: number;
  readonly setVoltage_V?: number;
  readonly setPulse_s: number;
  readonly setEnergy_J?: number;
  readonly resetMode: WriteMode;
  readonly resetCurrent_A?: number;
  readonly resetVoltage_V?: number;
  readonly resetPulse_s: number;
  readonly resetEnergy_J?: number;
  readonly accessType: AccessType;
  readonly accessWidth_F?: number;
  readonly writeAccessWidth_F?: number;
  readonly accessVoltageDrop_V: number;
  readonly sotChannelResistance_Ohm?: number;
  /** Capacitance a cell without access transistor adds to its lines (NVSim's CapacitanceOn/Off). */
  readonly cellCapacitance_F?: number;
  /** Low resistance at the write voltage, for cells whose resistance depends on bias (NVSim's ResistanceOnAtResetVoltage). */
  readonly resistanceLowWrite_Ohm?: number;
  /** Low resistance at half the write voltage: what a half-selected cell of a cross-point array conducts with. */
  readonly resistanceLowHalfWrite_Ohm?: number;
  /** Time the device takes to switch under its drive; with it, voltage-driven switching is costed from device physics. */
  readonly switchingTime_s?: number;
  /** MAGIC: the voltage V0 applied across a gate's inputs and output. */
  readonly magicVoltage_V?: number;
  /** MAGIC: how long V0 is applied per gate (one logic step). */
  readonly magicPulse_s?: number;
  /** Device-to-device sigma of ln(R) of the low-resistance state. */
  readonly sigmaLnRLow?: number;
  /** Device-to-device sigma of ln(R) of the high-resistance state (resistive cells; MRAM derives its high state from the TMR). */
  readonly sigmaLnRHigh?: number;
  /** MRAM: sigma of the TMR relative to its nominal R_high / R_low - 1. */
  readonly tmrSigma?: number;
  /** Sense amplifier input-referred offset sigma. */
  readonly senseOffsetSigma_V?: number;
  /** Sigma of each sense reference relative to its nominal level (per amplifier). */
  readonly referenceSigma?: number;
  /** MAGIC: the output device's switch-off threshold voltage (VTEAM v_off). */
  readonly magicThresholdOff_V?: number;
  /** MAGIC: device-to-device sigma of that threshold. */
  readonly magicThresholdOffSigma_V?: number;
  /** Median time a set (reset) takes under the cell's write drive. */
  readonly setSwitchingTime_s?: number;
  readonly resetSwitchingTime_s?: number;
  /** Device-to-device sigma of ln(switching time). */
  readonly switchingTimeSigma?: number;
  /** Write cycles a cell endures. */
  readonly endurance_cycles?: number;
  /** SRAM: widths of the cell's pull-down NMOS and pull-up PMOS (NVSim's defaults 2.08 F and 1.23 F, from CACTI). */
  readonly sramNmosWidth_F?: number;
  readonly sramPmosWidth_F?: number;
}

export type NumericKey = { [K in keyof CellParams]-?: CellParams[K] extends number | undefined ? K : never }[keyof CellParams];

export interface NumericSpec {
  readonly key: string;
  readonly field: NumericKey;
  /** The quantity of the unit (see units.ts), checked on input. */
  readonly quantity: string;
  /** The unit the key is shown and exported in. */
  readonly unit: string;
  readonly required: boolean;
  readonly label: string;
  /** Bounds in SI units (read-values.ts): every value is checked against them where it is entered. */
  readonly min?: number;
  readonly max?: number;
  readonly positive?: boolean;
}

export interface TextSpec {
  readonly key: string;
  readonly field: 'family' | 'readMode' | 'setMode' | 'resetMode' | 'accessType';
  readonly choices: readonly string[];
  readonly required: boolean;
  readonly label: string;
}

// Upper bounds lie far beyond any published device (the Reference page gives typical ranges) and
// refuse what a slipped exponent or unit produces, which would also overflow the array model to
// Infinity: 10,000 F^2 is some 60 times the largest published cell (about 150 F^2 for SRAM and
// SOT-MRAM); 1e12 Ohm is an open circuit; 100 V breaks down any CMOS access device; 1 A or 1 W
// through one bit would melt it; a 1 s pulse is no longer a memory write; 1 uJ is a million times
// the costliest published write of a bit; 1 pF is the capacitance of a whole bit line, not of a
// cell; a transistor 1000 F wide spans a hundred cells. Lower bounds are what the physics needs:
// the cell's size, resistances and pulses must be positive (they divide), drives and widths not
// negative.
const OHM_MAX = 1e12;
const VOLT_MAX = 100;
const AMP_MAX = 1;
const SECOND_MAX = 1;
const JOULE_MAX = 1e-6;
const WIDTH_MAX = 1000;
const SIGMA_LN_MAX = 5;

export const NUMERIC_SPECS: readonly NumericSpec[] = [
  { key: 'cellArea', field: 'cellArea_F2', quantity: 'feature-area', unit: 'F^2', required: true, label: 'cell area', positive: true, max: 10_000 },
  { key: 'aspectRatio', field: 'aspectRatio', quantity: 'ratio', unit: '1', required: true, label: 'cell aspect ratio (height / width)', min: 0.01, max: 100 },
  { key: 'resistanceLow', field: 'resistanceLow_Ohm', quantity: 'resistance', unit: 'kOhm', required: false, label: 'low resistance (R_P, R_on)', positive: true, max: OHM_MAX },
  { key: 'resistanceHigh', field: 'resistanceHigh_Ohm', quantity: 'resistance', unit: 'kOhm', required: false, label: 'high resistance (R_AP, R_off)', positive: true, max: OHM_MAX },
  { key: 'readVoltage', field: 'readVoltage_V', quantity: 'voltage', unit: 'V', required: false, label: 'read voltage', min: 0, max: VOLT_MAX },
  { key: 'readCurrent', field: 'readCurrent_A', quantity: 'current', unit: 'uA', required: false, label: 'forced read current (instead of a read voltage)', min: 0, max: AMP_MAX },
  { key: 'readPower', field: 'readPower_W', quantity: 'power', unit: 'uW', required: false, label: 'power of a cell being read', min: 0, max: 1 },
  { key: 'minSenseVoltage', field: 'minSenseVoltage_V', quantity: 'voltage', unit: 'mV', required: true, label: 'minimum sense margin', positive: true, max: VOLT_MAX },
  { key: 'setCurrent', field: 'setCurrent_A', quantity: 'current', unit: 'uA', required: false, label: 'set (to low resistance) current', min: 0, max: AMP_MAX },
  { key: 'setVoltage', field: 'setVoltage_V', quantity: 'voltage', unit: 'V', required: false, label: 'set voltage', min: 0, max: VOLT_MAX },
  { key: 'setPulse', field: 'setPulse_s', quantity: 'time', unit: 'ns', required: false, label: 'set pulse', positive: true, max: SECOND_MAX },
  { key: 'setEnergy', field: 'setEnergy_J', quantity: 'energy', unit: 'pJ', required: false, label: 'set energy per bit', min: 0, max: JOULE_MAX },
  { key: 'resetCurrent', field: 'resetCurrent_A', quantity: 'current', unit: 'uA', required: false, label: 'reset (to high resistance) current', min: 0, max: AMP_MAX },
  { key: 'resetVoltage', field: 'resetVoltage_V', quantity: 'voltage', unit: 'V', required: false, label: 'reset voltage', min: 0, max: VOLT_MAX },
  { key: 'resetPulse', field: 'resetPulse_s', quantity: 'time', unit: 'ns', required: false, label: 'reset pulse', positive: true, max: SECOND_MAX },
  { key: 'resetEnergy', field: 'resetEnergy_J', quantity: 'energy', unit: 'pJ', required: false, label: 'reset energy per bit', min: 0, max: JOULE_MAX },
  { key: 'accessWidth', field: 'accessWidth_F', quantity: 'feature-length', unit: 'F', required: false, label: 'read access transistor width', min: 0, max: WIDTH_MAX },
  { key: 'writeAccessWidth', field: 'writeAccessWidth_F', quantity: 'feature-length', unit: 'F', required: false, label: 'write access transistor width', min: 0, max: WIDTH_MAX },
  { key: 'accessVoltageDrop', field: 'accessVoltageDrop_V', quantity: 'voltage', unit: 'V', required: false, label: 'voltage drop of a diode access device', min: 0, max: VOLT_MAX },
  { key: 'sotChannelResistance', field: 'sotChannelResistance_Ohm', quantity: 'resistance', unit: 'Ohm', required: false, label: 'SOT heavy-metal channel resistance', min: 0, max: OHM_MAX },
  { key: 'cellCapacitance', field: 'cellCapacitance_F', quantity: 'capacitance', unit: 'fF', required: false, label: 'capacitance of a cell on its lines (cells without access transistor)', min: 0, max: 1e-12 },
  { key: 'resistanceLowWrite', field: 'resistanceLowWrite_Ohm', quantity: 'resistance', unit: 'kOhm', required: false, label: 'low resistance at the write voltage', positive: true, max: OHM_MAX },
  { key: 'resistanceLowHalfWrite', field: 'resistanceLowHalfWrite_Ohm', quantity: 'resistance', unit: 'kOhm', required: false, label: 'low resistance at half the write voltage (half-selected cells)', positive: true, max: OHM_MAX },
  { key: 'switchingTime', field: 'switchingTime_s', quantity: 'time', unit: 'ns', required: false, label: 'device switching time under its drive', positive: true, max: SECOND_MAX },
  { key: 'magicVoltage', field: 'magicVoltage_V', quantity: 'voltage', unit: 'V', required: false, label: 'MAGIC gate voltage V0', min: 0, max: VOLT_MAX },
  { key: 'magicPulse', field: 'magicPulse_s', quantity: 'time', unit: 'ns', required: false, label: 'MAGIC gate pulse (one logic step)', positive: true, max: SECOND_MAX },
  // Variation: a sigma of ln R or of a relative spread beyond 5 (a factor e^5 per sigma) or 1 describes
  // no device population; an offset or threshold spread of a volt is a broken amplifier or device.
  { key: 'sigmaLnRLow', field: 'sigmaLnRLow', quantity: 'ratio', unit: '1', required: false, label: 'device-to-device sigma of ln R, low state', min: 0, max: SIGMA_LN_MAX },
  { key: 'sigmaLnRHigh', field: 'sigmaLnRHigh', quantity: 'ratio', unit: '1', required: false, label: 'device-to-device sigma of ln R, high state (resistive cells)', min: 0, max: SIGMA_LN_MAX },
  { key: 'tmrSigma', field: 'tmrSigma', quantity: 'ratio', unit: '1', required: false, label: 'relative sigma of the TMR (MRAM)', min: 0, max: 1 },
  { key: 'senseOffsetSigma', field: 'senseOffsetSigma_V', quantity: 'voltage', unit: 'mV', required: false, label: 'sense amplifier input offset sigma', min: 0, max: 1 },
  { key: 'referenceSigma', field: 'referenceSigma', quantity: 'ratio', unit: '1', required: false, label: 'relative sigma of each sense reference', min: 0, max: 1 },
  { key: 'magicThresholdOff', field: 'magicThresholdOff_V', quantity: 'voltage', unit: 'V', required: false, label: 'MAGIC output switch-off threshold (VTEAM v_off)', positive: true, max: VOLT_MAX },
  { key: 'magicThresholdOffSigma', field: 'magicThresholdOffSigma_V', quantity: 'voltage', unit: 'mV', required: false, label: 'sigma of the MAGIC switch-off threshold', min: 0, max: 1 },
  { key: 'setSwitchingTime', field: 'setSwitchingTime_s', quantity: 'time', unit: 'ns', required: false, label: 'median switching time of a set under the write drive', positive: true, max: SECOND_MAX },
  { key: 'resetSwitchingTime', field: 'resetSwitchingTime_s', quantity: 'time', unit: 'ns', required: false, label: 'median switching time of a reset under the write drive', positive: true, max: SECOND_MAX },
  { key: 'switchingTimeSigma', field: 'switchingTimeSigma', quantity: 'ratio', unit: '1', required: false, label: 'device-to-device sigma of ln(switching time)', min: 0, max: SIGMA_LN_MAX },
  { key: 'endurance', field: 'endurance_cycles', quantity: 'ratio', unit: '1', required: false, label: 'write cycles a cell endures', min: 1, max: 1e20 },
  { key: 'sramNmosWidth', field: 'sramNmosWidth_F', quantity: 'feature-length', unit: 'F', required: false, label: 'SRAM pull-down NMOS width', positive: true, max: WIDTH_MAX },
  { key: 'sramPmosWidth', field: 'sramPmosWidth_F', quantity: 'feature-length', unit: 'F', required: false, label: 'SRAM pull-up PMOS width', positive: true, max: WIDTH_MAX },
];

/** Keys every resistive cell needs; an SRAM cell (a latch) has none of them. */
const RESISTIVE_KEYS = ['resistanceLow', 'resistanceHigh', 'setPulse', 'resetPulse', 'setMode', 'resetMode'] as const;

export const CELL_FAMILIES = Object.keys(CELL_FAMILY_PRIMITIVES) as CellFamily[];

export const TEXT_SPECS: readonly TextSpec[] = [
  { key: 'family', field: 'family', choices: CELL_FAMILIES, required: true, label: 'cell family (which in-memory operations it supports)' },
  { key: 'readMode', field: 'readMode', choices: ['current', 'voltage'], required: true, label: 'sensing scheme' },
  { key: 'setMode', field: 'setMode', choices: ['current', 'voltage'], required: false, label: 'set drive' },
  { key: 'resetMode', field: 'resetMode', choices: ['current', 'voltage'], required: false, label: 'reset drive' },
  { key: 'accessType', field: 'accessType', choices: ['CMOS', 'None', 'diode'], required: true, label: 'access device' },
];

/** One library value of a cell, as stored. */
export type CellValue = LibraryValue;

export type CellParseResult = { readonly ok: true; readonly params: CellParams } | { readonly ok: false; readonly issues: Issue[] };

/** Turns library values into cell parameters, naming every missing or malformed key. */
export function cellParamsFromValues(values: readonly CellValue[]): CellParseResult {
  const read = readValues(values, NUMERIC_SPECS, TEXT_SPECS);
  if (!read.ok) return read;
  if (read.params.family === 'sram') {
    // A latch has no resistances or write pulses; the fields the resistive physics reads are neutral.
    const params = { accessVoltageDrop_V: 0, readVoltage_V: 0, resistanceLow_Ohm: 0, resistanceHigh_Ohm: 0, setPulse_s: 0, resetPulse_s: 0, setMode: 'voltage', resetMode: 'voltage', sramNmosWidth_F: 2.08, sramPmosWidth_F: 1.23, ...read.params };
    return { ok: true, params: params as unknown as CellParams };
  }
  const present = new Set(values.map((v) => v.key));
  const missing = RESISTIVE_KEYS.filter((key) => !present.has(key));
  if (missing.length) {
    const labels = new Map<string, string>([...NUMERIC_SPECS, ...TEXT_SPECS].map((spec) => [spec.key, spec.label]));
    return { ok: false, issues: missing.map((key) => ({ path: key, message: `is missing (${labels.get(key)})` })) };
  }
  const params = { accessVoltageDrop_V: 0, readVoltage_V: 0, ...read.params };
  return { ok: true, params: params as unknown as CellParams };
}
