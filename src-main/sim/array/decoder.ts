import type { TechNode } from '../tech/nodes.ts';
import { drainCap, gateCap, minWidth, tau, transistorArea, unitInverterCap, leakagePower } from '../tech/devices.ts';

// Row decoder with word-line driver, sized by logical effort (Sutherland, Sproull & Harris):
// address bits are predecoded in groups of up to 3 (NAND2/NAND3), a final NAND combines one line
// of each group, and a chain of inverters drives the word line. Memory decoders are pitch-limited,
// so the chain is sized for area, not minimum delay: assumption: a stage effort of about 12
// instead of the delay-optimal 4 (drivers that fit the row pitch; NVSim and CACTI trade the same way).
const STAGE_EFFORT = 12;

export interface DecoderResult {
  readonly latency_s: number;
  readonly energy_J: number;
  readonly area_m2: number;
  /** Of the area: the decoding gates (predecoders, final NANDs), which SIMD blocks may share. */
  readonly logicArea_m2: number;
  /** Of the area: one driver chain per line, which every array needs for itself. */
  readonly driverArea_m2: number;
  readonly leakage_W: number;
  readonly stages: number;
}

function nandEffort(inputs: number): number {
  return (inputs + 2) / 3;
}

function predecodeGroups(bits: number): number[] {
  const groups: number[] = [];
  for (let left = bits; left > 0; left -= 3) groups.push(Math.min(3, left === 4 ? 2 : left));
  return groups;
}

/**
 * Decoder for `lines` outputs, each driving `load_F` (the word line). `lineLength_m` is the height
 * of the array the predecoded lines run along.
 */
export function rowDecoder(tech: TechNode, lines: number, load_F: number, lineLength_m: number): DecoderResult {
  const bits = Math.max(1, Math.ceil(Math.log2(lines)));
  const groups = predecodeGroups(bits);
  const groupBits = Math.max(...groups);
  const finalInputs = groups.length;
  const branching = lines / 2 ** groupBits;
  const cUnit = unitInverterCap(tech);
  const logicalEffort = nandEffort(groupBits) * nandEffort(finalInputs);
  const pathEffort = logicalEffort * branching * Math.max(1, load_F / cUnit);
  const stages = Math.max(3, Math.round(Math.log(pathEffort) / Math.log(STAGE_EFFORT)));
  const stageEffort = pathEffort ** (1 / stages);
  const parasitic = groupBits + finalInputs + (stages - 2);
  // Predecoded lines run the height of the array in an upper (semi-global) metal layer.
  const wire = tech.globalWire;
  const wireC = wire.c_F_per_m * lineLength_m;
  const predecodeWire = 0.38 * wire.r_Ohm_per_m * lineLength_m * wireC;
  const latency_s = (stages * stageEffort + parasitic) * tau(tech) + predecodeWire;
  // Switched capacitance: the selected driver chain (a geometric series down from the load), one
  // predecoded line per group (its wire and the NAND inputs on it), and the address inputs.
  const chainC = load_F * (1 + 1 / Math.max(1.5, stageEffort - 1));
  const predecodeC = groups.length * (wireC + branching * cUnit * nandEffort(finalInputs));
  const energy_J = (chainC + predecodeC) * tech.vdd_V * tech.vdd_V;
  const w = minWidth(tech);
  const driverWidth = (3 * w * load_F) / cUnit / Math.max(1.5, stageEffort - 1);
  const perLineWidth = driverWidth + finalInputs * 2 * w;
  const driverArea_m2 = lines * transistorArea(tech, driverWidth);
  const nandArea = lines * finalInputs * 2 * transistorArea(tech, w);
  const predecodeArea = groups.reduce((sum, g) => sum + 2 ** g * (g * 2 + 2) * transistorArea(tech, 2 * w), 0);
  return {
    latency_s,
    energy_J: energy_J + drainCap(tech, driverWidth) * tech.vdd_V * tech.vdd_V,
    area_m2: driverArea_m2 + nandArea + predecodeArea,
    logicArea_m2: nandArea + predecodeArea,
    driverArea_m2,
    leakage_W: leakagePower(tech, lines * perLineWidth * 0.5),
    stages,
  };
}

/** Exposed for tests: the gate capacitance the final NAND presents per input. */
export function finalNandInputCap(tech: TechNode, inputs: number): number {
  return gateCap(tech, 3 * minWidth(tech)) * nandEffort(inputs);
}
