import { describe, expect, it } from 'vitest';
import { valuesSchema } from '../../../src-main/shared/schemas/library.ts';
import { provenanceOf } from '../../../src-main/shared/sourced.ts';
import { isKnownUnit } from '../../../src-main/shared/units.ts';
import { BUILTIN_DESIGNS } from '../../../src-main/sim/arch/builtin/index.ts';
import { BUILTIN_GPUS } from '../../../src-main/sim/gpu/builtin.ts';
import { GPU_CHOICE_SPECS, GPU_NUMBER_SPECS, gpuParamsFromValues, isGpuValues } from '../../../src-main/sim/gpu/params.ts';
import type { LibraryValue } from '../../../src-main/sim/params/read-values.ts';
import { gpu } from './fixtures.ts';

const valuesOf = (id: string): LibraryValue[] => [...BUILTIN_GPUS.find((g) => g.id === id)!.values];
const withValue = (id: string, key: string, change: Partial<LibraryValue>): LibraryValue[] => valuesOf(id).map((v) => (v.key === key ? { ...v, ...change } : v));
const issuePaths = (values: readonly LibraryValue[]): string[] => {
  const parsed = gpuParamsFromValues(values);
  return parsed.ok ? [] : parsed.issues.map((i) => i.path);
};

describe('built-in GPUs', () => {
  it('are the four GPUs the comparisons name, each a design of kind gpu that parses', () => {
    expect(BUILTIN_GPUS.map((g) => g.id)).toEqual(['gtx-1080', 'v100', 'a100', 'h100']);
    for (const def of BUILTIN_GPUS) {
      expect(isGpuValues(def.values), def.id).toBe(true);
      expect(issuePaths(def.values), def.id).toEqual([]);
    }
    for (const def of BUILTIN_DESIGNS) expect(isGpuValues(def.values), def.id).toBe(false);
  });

  it('give every value a known unit and a source, pass the schema saved libraries pass, and keep each value inside its range', () => {
    for (const def of BUILTIN_GPUS) {
      const parsed = valuesSchema.safeParse(def.values);
      expect(parsed.success ? [] : parsed.error.issues, def.id).toEqual([]);
      for (const v of def.values) {
        expect(isKnownUnit(v.unit), `${def.id} ${v.key}`).toBe(true);
        expect(provenanceOf(v.source), `${def.id} ${v.key}`).not.toBe('missing');
        if (!v.range) continue;
        expect(v.range.low, `${def.id} ${v.key}`).toBeLessThanOrEqual(v.value as number);
        expect(v.range.high, `${def.id} ${v.key}`).toBeGreaterThanOrEqual(v.value as number);
        expect(provenanceOf(v.range.source), `${def.id} ${v.key}`).toBe('assumption');
      }
    }
  });

  it('give a range to every assumed number and to none of the published ones', () => {
    for (const def of BUILTIN_GPUS) {
      for (const v of def.values.filter((x) => typeof x.value === 'number' && x.key !== 'batch')) {
        expect(v.range !== undefined, `${def.id} ${v.key}`).toBe(provenanceOf(v.source) === 'assumption' && v.key !== 'node');
      }
    }
  });

  it('read published figures into SI, bytes as bytes (the information unit is bits inside)', () => {
    const gtx = gpu('gtx-1080');
    // NVIDIA, GeForce GTX 1080 Whitepaper, 2016: 2560 cores x 2 x 1733 MHz; 10 Gbps x 256 bit / 8.
    expect(gtx.peak_FLOPs.fp32).toBeCloseTo(2560 * 2 * 1733e6, -9);
    expect(gtx.bandwidth_Bps).toBeCloseTo((10e9 * 256) / 8, 0);
    // FP16 at 1/64 of FP32 on compute capability 6.1 (CUDA C Programming Guide's throughput table).
    expect(gtx.peak_FLOPs.fp16! / gtx.peak_FLOPs.fp32!).toBeCloseTo(1 / 64, 4);
    expect(gtx.memory_B / 2 ** 33).toBeCloseTo(1, 2);
    expect(gtx.area_m2).toBeCloseTo(314e-6, 12);
    expect(gtx.node_nm).toBe(16);
    expect(gtx.launchOverhead_s).toBeCloseTo(5e-6, 12);
    expect(gpu('v100').peak_FLOPs.bf16).toBeUndefined();
    expect(gpu('h100').peak_FLOPs.fp8).toBeCloseTo(1978.9e12, -9);
    expect([gpu('a100').formatForward, gpu('a100').formatUpdate]).toEqual(['bf16', 'fp32']);
  });

  it('list a spec for every key they carry (the editor and the sensitivity knobs read the specs)', () => {
    const keys = new Set([...GPU_NUMBER_SPECS.map((s) => s.key), ...GPU_CHOICE_SPECS.map((s) => s.key), 'kind', 'name']);
    for (const def of BUILTIN_GPUS) for (const v of def.values) expect(keys.has(v.key), `${def.id} ${v.key}`).toBe(true);
  });
});

describe('gpuParamsFromValues refuses bad values, naming the key', () => {
  it('a missing figure, a wrong unit, an out-of-range share', () => {
    expect(issuePaths(valuesOf('a100').filter((v) => v.key !== 'bandwidth'))).toEqual(['bandwidth']);
    expect(issuePaths(withValue('a100', 'bandwidth', { unit: 'W' }))).toEqual(['bandwidth']);
    expect(issuePaths(withValue('a100', 'utilisation.conv', { value: 1.5 }))).toEqual(['utilisation.conv']);
    expect(issuePaths(withValue('a100', 'memoryEfficiency', { value: 0 }))).toEqual(['memoryEfficiency']);
    expect(issuePaths(withValue('a100', 'peak.fp32', { value: 'fast' }))).toEqual(['peak.fp32']);
    expect(issuePaths(withValue('a100', 'format.forward', { value: 'fp64' }))).toEqual(['format.forward']);
  });

  it('a format the GPU has no rate for, idle power above the board power, a missing kind', () => {
    expect(issuePaths(withValue('v100', 'format.backward', { value: 'bf16' }))).toEqual(['format.backward']);
    expect(issuePaths(withValue('gtx-1080', 'format.forward', { value: 'tf32' }))).toEqual(['format.forward']);
    expect(issuePaths(valuesOf('gtx-1080').filter((v) => v.key !== 'peak.fp32'))).toEqual(['peak.fp32']);
    expect(issuePaths(withValue('h100', 'idlePower', { value: 800 }))).toEqual(['idlePower']);
    expect(issuePaths(valuesOf('h100').filter((v) => v.key !== 'kind'))).toEqual(['kind']);
  });

  it('says what is wrong in words a user can act on', () => {
    const parsed = gpuParamsFromValues(withValue('v100', 'format.forward', { value: 'bf16' }));
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.issues[0]!.message).toMatch(/bf16.*peak\.bf16/);
  });
});
