import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { ArrayInputError, evaluateSubarray } from '../../../src-main/sim/array/subarray.ts';
import { cellParamsFromValues, type CellParams } from '../../../src-main/sim/cells/params.ts';
import { parseNvsimCell } from '../../../src-main/sim/cells/nvsim-cell-format.ts';
import { BUILTIN_CELLS } from '../../../src-main/sim/cells/builtin/index.ts';
import { CELL_FAMILY_PRIMITIVES } from '../../../src-main/sim/isa/primitives.ts';
import { SUPPORTED_NODES_NM } from '../../../src-main/sim/tech/nodes.ts';

function cells(): [string, CellParams][] {
  const list: [string, CellParams][] = BUILTIN_CELLS.map((d) => {
    const p = cellParamsFromValues(d.values);
    if (!p.ok) throw new Error(d.id);
    return [d.id, p.params];
  });
  for (const file of ['nvsim-sample-sttram.cell', 'nvsim-rram-crosspoint.cell']) {
    const p = parseNvsimCell(readFileSync(new URL(`../../fixtures/cells/${file}`, import.meta.url), 'utf8'));
    if (!p.ok) throw new Error(file);
    list.push([file, p.params]);
  }
  return list;
}

function allFigures(r: ReturnType<typeof evaluateSubarray>): number[] {
  return [r.area_m2, r.read.latency_s, r.read.energy_J, r.write.latency_s, r.write.energy_J, ...Object.values(r.primitives).flatMap((p) => [p!.latency_s, p!.energy_J])];
}

describe('evaluateSubarray', () => {
  it('gives positive, finite figures for every cell, node and size from 64 to 2048', () => {
    for (const [name, cell] of cells()) {
      for (const node of [22, 28, 32, 45]) {
        for (const [rows, cols] of [[64, 64], [128, 2048], [2048, 128], [2048, 2048]]) {
          const r = evaluateSubarray({ cell, rows: rows!, cols: cols!, node_nm: node });
          for (const value of allFigures(r)) expect(Number.isFinite(value) && value > 0, `${name} ${node} ${rows}x${cols}`).toBe(true);
        }
      }
    }
  });

  it('costs exactly the primitives of the cell family', () => {
    for (const [name, cell] of cells()) {
      const r = evaluateSubarray({ cell, rows: 256, cols: 256, node_nm: 28 });
      expect(Object.keys(r.primitives).sort(), name).toEqual([...CELL_FAMILY_PRIMITIVES[cell.family]].sort());
    }
  });

  it('breakdowns add up to the totals', () => {
    const [, cell] = cells()[0]!;
    const r = evaluateSubarray({ cell, rows: 512, cols: 512, node_nm: 22 });
    const sum = (o: Readonly<Record<string, number>>) => Object.values(o).reduce((a, b) => a + b, 0);
    expect(sum(r.breakdown.area_m2)).toBeCloseTo(r.area_m2, 18);
    expect(sum(r.breakdown.read.latencyBreakdown)).toBeCloseTo(r.read.latency_s, 18);
    expect(sum(r.breakdown.write.energyBreakdown)).toBeCloseTo(r.write.energy_J, 18);
  });

  it('scales like the physics says: more columns cost more read energy, longer pulses slower writes', () => {
    const [, cell] = cells().find(([n]) => n === 'stt-mram-1t1mtj')!;
    const narrow = evaluateSubarray({ cell, rows: 256, cols: 256, node_nm: 32 });
    const wide = evaluateSubarray({ cell, rows: 256, cols: 1024, node_nm: 32 });
    expect(wide.read.energy_J / narrow.read.energy_J).toBeGreaterThan(3.5);
    const slow = evaluateSubarray({ cell: { ...cell, setPulse_s: 20e-9, resetPulse_s: 20e-9 }, rows: 256, cols: 256, node_nm: 32 });
    expect(slow.write.latency_s - narrow.write.latency_s).toBeCloseTo(10e-9, 12);
  });

  it('writes both halves of the complementary cell', () => {
    const all = cells();
    const two = all.find(([n]) => n === 'sot-mram-2t2mtj')![1];
    const one = all.find(([n]) => n === 'sot-mram-2t1mtj')![1];
    const a = evaluateSubarray({ cell: two, rows: 256, cols: 256, node_nm: 28 });
    const b = evaluateSubarray({ cell: { ...one, cellArea_F2: two.cellArea_F2 }, rows: 256, cols: 256, node_nm: 28 });
    expect(a.breakdown.write.energyBreakdown.cells! / b.breakdown.write.energyBreakdown.cells!).toBeCloseTo(2, 6);
  });

  it('rejects sizes outside 16..4096, unknown nodes and invalid cells with clear messages', () => {
    const [, cell] = cells()[0]!;
    expect(() => evaluateSubarray({ cell, rows: 8, cols: 256, node_nm: 22 })).toThrow(ArrayInputError);
    expect(() => evaluateSubarray({ cell, rows: 256, cols: 5000, node_nm: 22 })).toThrow(/cols must be a whole number from 16 to 4096/);
    expect(() => evaluateSubarray({ cell, rows: 256, cols: 256, node_nm: 14 })).toThrow(`supported: ${SUPPORTED_NODES_NM.join(', ')} nm`);
    expect(() => evaluateSubarray({ cell: { ...cell, resistanceHigh_Ohm: 1 }, rows: 256, cols: 256, node_nm: 22 })).toThrow(/resistanceHigh must be larger/);
  });
});
