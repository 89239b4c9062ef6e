import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { useTempDir } from '../helpers/temp.ts';
import { pimwb } from '../helpers/cli.ts';

describe('pimwb fp and ops', () => {
  const temp = useTempDir();
  const db = () => join(temp(), 'arith.sqlite');

  it('computes A B Z lines in upper-case hex, ignoring extra columns and blank lines', async () => {
    const stdin = '3f800000 40000000 ignored 01\n\n7f800000 ff800000\n00000001 80000001\n';
    const run = await pimwb(['fp', '--cell', 'sot-mram-2t2mtj', '--op', 'add', '--format', 'fp32', '--db', db()], { stdin });
    expect(run.code).toBe(0);
    expect(run.stdout.split('\n')).toEqual(['3F800000 40000000 40400000', '7F800000 FF800000 7FC00000', '00000001 80000001 00000000']);
  });

  it('pads to the format width and reports statistics on stderr with --stats', async () => {
    const run = await pimwb(['fp', '--cell', 'reram-magic', '--op', 'mul', '--format', 'bf16', '--stats', '--db', db()], { stdin: '3f80 4000\n' });
    expect(run.stdout).toBe('3F80 4000 4000');
    const stats = JSON.parse(run.stderr) as { steps: Record<string, number>; lanes: number; operations: number; seconds: number };
    expect(stats.steps.nor2).toBeGreaterThan(100);
    expect(stats.operations).toBe(1);
  });

  it('exits 2 naming the line of a malformed operand', async () => {
    for (const stdin of ['3f80 4000\nzz 1\n', '3f80\n', '3f80 10000\n']) {
      const run = await pimwb(['fp', '--cell', 'reram-magic', '--op', 'mul', '--format', 'bf16', '--db', db()], { stdin });
      expect(run.code, stdin).toBe(2);
      expect(run.stderr).toMatch(/malformed input: line \d/);
    }
  });

  it('reports steps, latency and energy per operation, IEEE by default', async () => {
    const run = await pimwb(['ops', '--cell', 'reram-magic', '--format', 'bf16', '--json', '--db', db()]);
    const result = JSON.parse(run.stdout) as Record<string, { steps: Record<string, number>; totalSteps: number; latency_s: number; energy_J: number }> & { context: { ieee: boolean; mode: string; accuracy?: unknown } };
    for (const op of ['fullAdd', 'add', 'mul', 'fpAdd', 'fpMul']) {
      expect(result[op]!.totalSteps).toBe(Object.values(result[op]!.steps).reduce((a, b) => a + b, 0));
      expect(result[op]!.latency_s).toBeGreaterThan(0);
      expect(result[op]!.energy_J).toBeGreaterThan(0);
    }
    expect(result.context).toMatchObject({ ieee: true, mode: 'ieee' });
    expect(result.context.accuracy).toBeUndefined();
    const trunc = JSON.parse((await pimwb(['ops', '--cell', 'reram-magic', '--format', 'fp32', '--mode', 'ftz-trunc', '--json', '--db', db()])).stdout) as { context: { ieee: boolean; accuracy: { fpMul: { maxUlp: number } } } };
    expect(trunc.context.ieee).toBe(false);
    expect(trunc.context.accuracy.fpMul.maxUlp).toBeGreaterThan(0);
    const text = await pimwb(['ops', '--cell', 'reram-magic', '--format', 'fp32', '--mode', 'ftz-trunc', '--db', db()]);
    expect(text.stdout).toMatch(/NOT IEEE/);
  });

  it('rejects unknown formats, modes and ops with exit 2', async () => {
    expect((await pimwb(['ops', '--cell', 'reram-magic', '--format', 'fp64', '--db', db()])).code).toBe(2);
    expect((await pimwb(['fp', '--cell', 'reram-magic', '--op', 'div', '--format', 'fp32', '--db', db()], { stdin: '' })).code).toBe(2);
    expect((await pimwb(['ops', '--cell', 'reram-magic', '--format', 'fp32', '--mode', 'fast', '--db', db()])).code).toBe(2);
  });
});
