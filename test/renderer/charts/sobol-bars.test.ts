import { describe, expect, it } from 'vitest';
import type { SobolOutput } from '@shared/schemas/analysis.ts';
import { bandPositions, baselineInBand, errorBar, isAssumedRange, rangesSummary, rangeText, SOBOL_BAR_OFFSET, sobolOption, sobolRows, sobolTable } from '@/charts/sobol-bars.ts';
import { LIGHT_PALETTE } from '@/charts/palette.ts';

type Obj = Record<string, unknown>;

const ASSUMED = { low: 0.81, high: 0.99, distribution: 'uniform' as const, source: 'assumption: no published range in the library; drawn uniformly within ±10% of the value' };
const PUBLISHED = { low: 8, high: 12, distribution: 'normal' as const, sigma: 1, source: 'Wang et al. 2020, Table I' };
const NAMES = { design: 'SOT-MRAM PIM (2T2MTJ complementary, Wang et al.)', vs: null };

function index(key: string, first: number, total: number, firstCI: [number, number], totalCI: [number, number], range: SobolOutput['indices'][number]['range'] = ASSUMED, unit = 'V'): SobolOutput['indices'][number] {
  return { key, first, total, firstCI, totalCI, library: '28 nm node', side: 'design', unit, range };
}

// Shaped like `pimwb sobol --design sot-mram-pim --network resnet18 --samples 64` (rounded).
const OUTPUT: SobolOutput = {
  indices: [index('setCurrent', 0.049, 0.088, [-0.069, 0.155], [0.053, 0.134]), index('node.vdd', 0.432, 0.538, [0.241, 0.639], [0.399, 0.72]), index('resistanceLow', 0.02, 0.03, [0.0, 0.05], [0.01, 0.06], PUBLISHED, 'kOhm')],
  metric: 'energy',
  unit: 'J',
  baseline: 240.04,
  mean: 244,
  variance: 250,
  samples: 64,
  seed: 1,
  evaluations: 320,
  refused: 0,
  confidence: 0.95,
};

describe('Sobol bars', () => {
  it('ranks the values by total index, largest at the top', () => {
    expect(sobolRows(OUTPUT).map((r) => r.key)).toEqual(['node.vdd', 'setCurrent', 'resistanceLow']);
  });

  it('draws first-order and total bars per value, and an error bar for each from its interval', () => {
    const rows = sobolRows(OUTPUT);
    const o = sobolOption(OUTPUT, rows, LIGHT_PALETTE, NAMES) as Obj;
    const series = o.series as Obj[];
    expect(series.map((s) => [s.type, s.name])).toEqual([
      ['custom', '95 % interval'],
      ['bar', 'first order'],
      ['bar', 'total'],
    ]);
    expect(series[1]!.data).toEqual([0.432, 0.049, 0.02]);
    expect(series[2]!.data).toEqual([0.538, 0.088, 0.03]);
    // Two intervals per row: the first order's above the row's centre, the total's below.
    expect(series[0]!.data).toEqual([
      [0.241, 0.639, 0, -1],
      [0.399, 0.72, 0, 1],
      [-0.069, 0.155, 1, -1],
      [0.053, 0.134, 1, 1],
      [0, 0.05, 2, -1],
      [0.01, 0.06, 2, 1],
    ]);
    // Drawn over the bars; the axis reaches the interval that strays below zero.
    expect(series[0]!.z).toBe(3);
    expect((o.xAxis as Obj).min).toBe(-0.1);
    expect((o.xAxis as Obj).max).toBe(1);
    expect((o.yAxis as Obj).inverse).toBe(true);
  });

  it('renders an interval as a line with a cap at each end, over the bar it belongs to', () => {
    const rows = sobolRows(OUTPUT);
    const o = sobolOption(OUTPUT, rows, LIGHT_PALETTE, NAMES) as Obj;
    const render = (o.series as Obj[])[0]!.renderItem as (p: unknown, api: unknown) => { type: string; children: { shape: Record<string, number> }[] };
    const item = (o.series as Obj[])[0]!.data as number[][];
    const api = (d: number[]) => ({ value: (i: number) => d[i], coord: ([x, y]: number[]) => [100 + 500 * x!, 20 + 40 * y!], size: () => [500, 40], visual: () => '#000' });
    const total = render(null, api(item[1]!));
    expect(total.type).toBe('group');
    const [line, capLow, capHigh] = total.children.map((c) => c.shape);
    expect(line!.x1).toBeCloseTo(100 + 500 * 0.399, 9);
    expect(line!.x2).toBeCloseTo(100 + 500 * 0.72, 9);
    expect(line!.y1).toBeCloseTo(20 + SOBOL_BAR_OFFSET * 40, 9);
    expect(capLow!.x1).toBe(line!.x1);
    expect(capHigh!.x1).toBe(line!.x2);
    expect(capLow!.y2! - capLow!.y1!).toBeGreaterThan(0);
    expect(errorBar(30, 10, 5, 2)).toEqual({ x1: 10, x2: 30, y: 5, cap: 2 });
  });

  it('says what each value was drawn from, and how many ranges are assumed', () => {
    expect(rangeText(ASSUMED, 'V')).toBe('0.81 to 0.99 V, uniform');
    expect(rangeText(PUBLISHED, 'kOhm')).toBe('8 to 12 kOhm, normal (σ 1 kOhm)');
    expect(rangeText({ low: 2, high: 2, distribution: 'uniform', source: 'assumption: held at the value' }, '1')).toBe('held at 2');
    expect(isAssumedRange(ASSUMED)).toBe(true);
    expect(isAssumedRange(PUBLISHED)).toBe(false);
    expect(rangesSummary([ASSUMED, ASSUMED, PUBLISHED], 10)).toBe('3 values drawn at once: 1 from the range their library gives; 2 uniformly within ±10 % of the value, where the library gives no range.');
    const table = sobolTable(OUTPUT, sobolRows(OUTPUT), 'Sobol indices', NAMES);
    expect(table.rows[0]).toEqual(['node.vdd', '28 nm node', 0.432, 0.241, 0.639, 0.538, 0.399, 0.72, '0.81 to 0.99 V, uniform', ASSUMED.source]);
  });

  it('places the band and the baseline on one strip', () => {
    const band = { p5: 213, p50: 244.5, p95: 277.8, mean: 244, baseline: 240 };
    const at = bandPositions(band);
    expect(at.p5).toBeGreaterThan(0);
    expect(at.p95).toBeLessThan(1);
    expect(at.p5).toBeLessThan(at.baseline);
    expect(at.baseline).toBeLessThan(at.p50);
    expect(baselineInBand(band)).toBe('inside');
    expect(baselineInBand({ ...band, baseline: 200 })).toBe('below');
    expect(baselineInBand({ ...band, baseline: 300 })).toBe('above');
  });
});
