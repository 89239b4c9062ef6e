import { describe, expect, it } from 'vitest';
import { createState, loadLanes, readLanes, run, type ArrayState } from '../../../src-main/sim/arith/engine.ts';
import type { Instr, Program } from '../../../src-main/sim/arith/program.ts';
import { createFaultMasks, type FlipCount, type FlipRates } from '../../../src-main/sim/reliability/fault-masks.ts';

// The engine's fault hook on hand-written programs: row 0 holds a lane pattern, the other rows are
// outputs, so which bits flipped can be read back exactly.

const LANES = 45; // not a multiple of 32: the padding lanes of the last word must never count

function program(instrs: Instr[], rowCount = 2): Program {
  return { instrs, rowCount, inputs: { sel: [0] }, outputs: { out: [1] } };
}

/** Lanes 0, 3, 6, ... hold 1 in row 0. */
function pattern(lanes = LANES): Uint32Array {
  return Uint32Array.from({ length: lanes }, (_, i) => (i % 3 === 0 ? 1 : 0));
}

function runWith(p: Program, rates: FlipRates, seed = 1, lanes = LANES): { state: ArrayState; counts: Record<string, FlipCount> } {
  const state = createState(p, lanes);
  loadLanes(state, [0], pattern(lanes));
  const masks = createFaultMasks(p, rates, seed);
  run(state, p, masks);
  return { state, counts: masks.counts() };
}

const selectOnes: Instr = { op: 'search', rows: [0], query: [1] };
const ones = pattern().reduce((n, v) => n + v, 0);

describe('engine fault hook at probability 0 and 1', () => {
  it('flips a masked preset only on masked lanes, and counts only those lanes as exposed', () => {
    const { state, counts } = runWith(program([selectOnes, { op: 'preset', dst: 1, value: 0, masked: true }]), { preset: 1 });
    expect(Array.from(readLanes(state, [1]))).toEqual(Array.from(pattern()));
    expect(counts.preset).toEqual({ probability: 1, flips: ones, exposures: ones });
    expect(counts.search).toEqual({ probability: 0, flips: 0, exposures: 0 });
  });

  it('counts the lanes of each new mask, never the padding lanes of its last word', () => {
    // A search for 0 also sets the mask of the 19 padding lanes (their row bits read 0).
    const selectZeros: Instr = { op: 'search', rows: [0], query: [0] };
    const steps: Instr[] = [selectOnes, { op: 'preset', dst: 1, value: 0, masked: true }, selectZeros, { op: 'preset', dst: 1, value: 0, masked: true }];
    const { state, counts } = runWith(program(steps), { preset: 1 });
    expect(counts.preset).toEqual({ probability: 1, flips: LANES, exposures: LANES });
    expect(Array.from(readLanes(state, [1]))).toEqual(new Array<number>(LANES).fill(1));
  });

  it('flips an unmasked preset on every lane', () => {
    const { state, counts } = runWith(program([{ op: 'preset', dst: 1, value: 0, masked: false }]), { preset: 1 });
    expect(Array.from(readLanes(state, [1]))).toEqual(new Array<number>(LANES).fill(1));
    expect(counts.preset).toEqual({ probability: 1, flips: LANES, exposures: LANES });
  });

  it('flips the latch a sense writes, which a following write then stores', () => {
    const steps: Instr[] = [{ op: 'sense', kind: 'and2', srcs: [{ row: 0, inv: false }, { row: 0, inv: false }], toMask: false }, { op: 'write', dst: 1, masked: false }];
    const inverted = Array.from(pattern(), (v) => 1 - v);
    expect(Array.from(readLanes(runWith(program(steps), { and2: 1 }).state, [1]))).toEqual(inverted);
    // Flipping the written row as well undoes the latch flip.
    expect(Array.from(readLanes(runWith(program(steps), { and2: 1, write: 1 }).state, [1]))).toEqual(Array.from(pattern()));
  });

  it('flips the mask a sense or a search writes, which changes the lanes a masked step drives', () => {
    const inverted = Array.from(pattern(), (v) => 1 - v);
    const setMasked: Instr = { op: 'preset', dst: 1, value: 1, masked: true };
    const senseToMask: Instr = { op: 'sense', kind: 'read', srcs: [{ row: 0, inv: false }], toMask: true };
    expect(Array.from(readLanes(runWith(program([senseToMask, setMasked]), { read: 1 }).state, [1]))).toEqual(inverted);
    expect(Array.from(readLanes(runWith(program([selectOnes, setMasked]), { search: 1 }).state, [1]))).toEqual(inverted);
  });

  it('leaves every bit alone at probability 0, and with no rates at all', () => {
    const steps: Instr[] = [selectOnes, { op: 'preset', dst: 1, value: 1, masked: true }, { op: 'nor', dst: 1, srcs: [0], masked: false }];
    const clean = createState(program(steps), LANES);
    loadLanes(clean, [0], pattern());
    run(clean, program(steps));
    for (const rates of [{}, { search: 0, preset: 0, not: 0 }]) {
      const { state, counts } = runWith(program(steps), rates);
      expect(Array.from(state.mem)).toEqual(Array.from(clean.mem));
      expect(Array.from(state.mask)).toEqual(Array.from(clean.mask));
      expect(Object.values(counts).every((c) => c.flips === 0 && c.exposures === 0)).toBe(true);
    }
  });
});

describe('flip masks at intermediate probability', () => {
  // 64 masked presets, each into its own row: every set bit afterwards is exactly one flip.
  const ROWS = 64;
  const spread = program(
    [selectOnes, ...Array.from({ length: ROWS }, (_, i): Instr => ({ op: 'preset', dst: i + 1, value: 0, masked: true }))],
    ROWS + 1,
  );
  const lanes = 3000;
  const rows = Array.from({ length: ROWS }, (_, i) => i + 1);

  function setBitsPerLane(state: ArrayState): Uint32Array {
    const high = readLanes(state, rows.slice(32), lanes);
    return readLanes(state, rows.slice(0, 32), lanes).map((low, i) => popcount(low) + popcount(high[i]!));
  }

  it('flips driven lanes at the rate asked, within 3 binomial sigma, and never an undriven lane', () => {
    const p = 0.05;
    const { state, counts } = runWith(spread, { preset: p }, 11, lanes);
    const driven = pattern(lanes).reduce((n, v) => n + v, 0);
    const perLane = setBitsPerLane(state);
    const { flips, exposures } = counts.preset!;
    expect(exposures).toBe(ROWS * driven);
    expect(perLane.reduce((n, v) => n + v, 0)).toBe(flips);
    expect(pattern(lanes).every((sel, i) => sel === 1 || perLane[i] === 0)).toBe(true);
    expect(Math.abs(flips - exposures * p)).toBeLessThanOrEqual(3 * Math.sqrt(exposures * p * (1 - p)));
  });

  it('reproduces the same flips from the same seed, and other flips from another', () => {
    const bits = (seed: number): number[] => Array.from(runWith(spread, { preset: 0.01 }, seed, lanes).state.mem);
    expect(bits(5)).toEqual(bits(5));
    expect(bits(6)).not.toEqual(bits(5));
  });

  it('rejects probabilities outside [0, 1] and a hook built for another program', () => {
    for (const bad of [-0.1, 1.5, Number.NaN]) expect(() => createFaultMasks(spread, { preset: bad }, 1)).toThrow(RangeError);
    const other = createFaultMasks(program([selectOnes]), { search: 0.5 }, 1);
    expect(() => run(createState(spread, lanes), spread, other)).toThrow(RangeError);
  });
});

function popcount(x: number): number {
  let n = 0;
  for (let v = x >>> 0; v !== 0; v >>>= 1) n += v & 1;
  return n;
}
