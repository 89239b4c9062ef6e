import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { evaluateSubarray } from '../../../src-main/sim/array/subarray.ts';
import { parseNvsimCell } from '../../../src-main/sim/cells/nvsim-cell-format.ts';

// Every row of shared/reference/nvsim-sample-results.md (NVSim, SEAL-UCSB, on its sample STT-RAM
// cell: one subarray, no column mux, HP devices, 350 K). The tolerance: within 2x on each
// of area, read and write latency, read and write energy.
const NVSIM_ROWS = [
  // node, rows, cols, area um^2, read ns, write ns, read pJ, write pJ
  [22, 256, 256, 9986, 1.628, 10.161, 61.1, 259.8],
  [22, 512, 512, 21851, 1.946, 10.447, 122.2, 526.9],
  [22, 1024, 1024, 55860, 3.17, 11.558, 244.7, 1083.0],
  [22, 256, 1024, 34046, 3.023, 11.557, 244.3, 1039.0],
  [32, 256, 256, 21667, 1.277, 10.191, 49.3, 261.8],
  [32, 512, 512, 46887, 1.627, 10.508, 98.6, 534.5],
  [32, 1024, 1024, 119069, 2.971, 11.739, 197.5, 1113.0],
  [32, 256, 1024, 72572, 2.823, 11.737, 196.9, 1047.0],
  [45, 256, 256, 40498, 0.99, 10.177, 39.8, 266.0],
  [45, 512, 512, 92720, 1.232, 10.396, 79.5, 551.0],
  [45, 1024, 1024, 235464, 2.146, 11.226, 159.0, 1178.0],
  [45, 256, 1024, 143514, 2.038, 11.225, 158.7, 1064.0],
] as const;

const METRICS = ['area', 'readLatency', 'writeLatency', 'readEnergy', 'writeEnergy'] as const;

export function nvsimRatios(): Record<(typeof METRICS)[number], number[]> {
  const parsed = parseNvsimCell(readFileSync(new URL('../../fixtures/cells/nvsim-sample-sttram.cell', import.meta.url), 'utf8'));
  if (!parsed.ok) throw new Error('fixture does not parse');
  const ratios = { area: [] as number[], readLatency: [] as number[], writeLatency: [] as number[], readEnergy: [] as number[], writeEnergy: [] as number[] };
  for (const [node, rows, cols, area, readNs, writeNs, readPj, writePj] of NVSIM_ROWS) {
    const r = evaluateSubarray({ cell: parsed.params, rows, cols, node_nm: node });
    ratios.area.push((r.area_m2 * 1e12) / area);
    ratios.readLatency.push((r.read.latency_s * 1e9) / readNs);
    ratios.writeLatency.push((r.write.latency_s * 1e9) / writeNs);
    ratios.readEnergy.push((r.read.energy_J * 1e12) / readPj);
    ratios.writeEnergy.push((r.write.energy_J * 1e12) / writePj);
  }
  return ratios;
}

describe('subarray model against NVSim', () => {
  const ratios = nvsimRatios();
  for (const metric of METRICS) {
    it(`${metric} is within 2x of NVSim on every sample row`, () => {
      for (const ratio of ratios[metric]) {
        expect(ratio).toBeGreaterThan(0.5);
        expect(ratio).toBeLessThan(2);
      }
    });
  }
});
