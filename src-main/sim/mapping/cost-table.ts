import type { FormatCosts, LaneCost } from './lane-costs.ts';
import { OP } from './tally.ts';

// The per-lane costs of one format as a flat table: latency, energy and cell energy of each
// operation at 3 x its index (tally.ts OP), then the wire energy of one transferred value, then the
// write pulses each operation puts on the most-written cell of its lane, at COST_WEAR + its index.

export const COST_WIRE = 3 * 8;
export const COST_WEAR = COST_WIRE + 1;
export const COST_TABLE_SIZE = COST_WEAR + 8;

export function costTable(costs: FormatCosts, wireEnergyPerBit_J: number): Float64Array {
  const table = new Float64Array(COST_TABLE_SIZE);
  const put = (op: number, c: LaneCost): void => {
    table[3 * op] = c.latency_s;
    table[3 * op + 1] = c.energy_J;
    table[3 * op + 2] = c.cellEnergy_J;
  };
  put(OP.fpMul, costs.fpMul);
  put(OP.fpAdd, costs.fpAdd);
  put(OP.compare, costs.compare);
  put(OP.fpDiv, costs.fpDiv);
  put(OP.fpExp, costs.fpExp);
  put(OP.fpSqrt, costs.fpSqrt);
  put(OP.write, costs.write);
  put(OP.transfer, costs.transfer);
  table[COST_WIRE] = costs.format.width * wireEnergyPerBit_J;
  for (const [op, writes] of Object.entries(costs.hotRowWrites)) table[COST_WEAR + OP[op as keyof typeof costs.hotRowWrites]] = writes;
  return table;
}
