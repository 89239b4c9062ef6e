import { describe, expect, it } from 'vitest';
import { LIGHT_PALETTE } from '@/charts/palette.ts';
import { axisTitle, displayScale, formatMetric, formatParam, lineTarget, metricValue, pointTooltip, sweepLineOption, wideSpan, type SweepPoint, type SweepResult } from '@/charts/sweep-line.ts';
import { HEAT_RAMP, LEVELS, axisLabels, gridCell, heatmapTarget, rampColour, sweepHeatmapOption } from '@/charts/sweep-heatmap.ts';
import { areaClasses, classOf, frontPoints, paretoOption, paretoTarget } from '@/charts/pareto.ts';
import { indexOfClick } from '@/components/sweeps/chart-click.ts';
import { buildSweepInput, failures, failuresOf, nextParam, numericParams, pointCount, pointName, pointValues, prefillAxis, type SweepDraft } from '@/components/sweeps/sweep-form.ts';

// Sweep charts and the sweep form, as pure functions on hand-made results.

const point = (index: number, values: Record<string, number>, e: number | null, l: number | null, a: number | null, error?: string): SweepPoint => ({
  index,
  values,
  energy_J: e,
  latency_s: l,
  area_m2: a,
  ...(error ? { error } : {}),
});

const meta = {
  jobId: 'j',
  status: 'done' as const,
  design: { id: 'builtin:sot-mram-pim', name: 'SOT', version: 1 },
  network: { id: 'builtin:resnet18', name: 'ResNet-18' },
  elapsed_s: 0.05,
};

/** rows 64, 256 (log) x powerBudget 10, 100 W (log): four points, one failed, front #1 and #3. */
const grid: SweepResult = {
  ...meta,
  total: 4,
  axes: [
    { key: 'rows', from: 64, to: 256, steps: 2, scale: 'log', unit: '1', label: 'rows per subarray' },
    { key: 'powerBudget', from: 10, to: 100, steps: 2, scale: 'log', unit: 'W', label: 'chip power envelope' },
  ],
  points: [
    point(0, { rows: 64, powerBudget: 10 }, 160, 17, 1.3e-4),
    point(1, { rows: 64, powerBudget: 100 }, 158, 0.9, 1.3e-4),
    point(2, { rows: 256, powerBudget: 10 }, null, null, null, 'rows must be at most 128 (rows per subarray)'),
    point(3, { rows: 256, powerBudget: 100 }, 150, 2, 5e-4),
  ],
  front: [3, 1],
};

const line: SweepResult = {
  ...meta,
  total: 3,
  axes: [{ key: 'transfer.wireEnergyPerBit', from: 1, to: 100, steps: 3, scale: 'log', unit: 'fJ', label: 'wire energy' }],
  points: [point(0, { 'transfer.wireEnergyPerBit': 1 }, 0.002, 1e-3, 1e-6), point(1, { 'transfer.wireEnergyPerBit': 10 }, 0.003, 1e-3, 1e-6), point(2, { 'transfer.wireEnergyPerBit': 100 }, null, null, null, 'x')],
  front: [0],
};

type Series = { name: string; type: string; data: number[][]; step?: string; large?: boolean; symbol?: string; symbolSize?: unknown; itemStyle?: { color?: string } };
type Option = { series: Series[]; xAxis: { type: string; name: string; data?: string[] }; yAxis: { type: string; name: string; data?: string[] }; visualMap?: { min: number; max: number; text: string[] }; legend?: { data: string[] }; tooltip: { formatter: (p: { value: number[] }) => string } };

describe('sweep figures', () => {
  it('scales SI figures to one prefix per axis and formats design values in their own unit', () => {
    expect(displayScale(0.0123, 'J')).toEqual({ factor: 1e-3, unit: 'mJ' });
    expect(displayScale(1.3e-4, 'm^2')).toEqual({ factor: 1e-6, unit: 'mm^2' });
    expect(displayScale(135, 'J', '·s')).toEqual({ factor: 1, unit: 'J·s' });
    expect(displayScale(0, 's')).toEqual({ factor: 1, unit: 's' });
    expect(formatParam(1024, '1')).toBe('1024');
    expect(formatParam(44.72135955, 'W')).toBe('44.7214 W');
    expect(axisTitle({ key: 'rows', unit: '1' })).toBe('rows');
    expect(axisTitle({ key: 'powerBudget', unit: 'W' })).toBe('powerBudget (W)');
    expect(metricValue(grid.points[1]!, 'edp')).toBeCloseTo(142.2, 6);
    expect(formatMetric(metricValue(grid.points[1]!, 'edp'), 'edp')).toBe('142.2 J·s');
    expect(formatMetric(null, 'energy')).toBe('—');
    expect(wideSpan([1, 30])).toBe(true);
    expect(wideSpan([1, 9.9, null])).toBe(false);
  });

  it('writes a plain-text tooltip with the values, then the figures or the reason a point failed', () => {
    const ok = pointTooltip(grid.points[1]!, grid.axes, true).split('\n');
    expect(ok).toEqual([
      'Point #1 · Pareto front',
      'rows = 64',
      'powerBudget = 100 W',
      'Energy per step: 158 J',
      'Latency per step: 900 ms',
      'Chip area: 130 mm^2',
      'Energy-delay product: 142.2 J·s',
    ]);
    const reason = 'rows: a lane of 64 bits cannot hold the bf16 multiply and add microprograms of forward';
    const bad = pointTooltip({ ...grid.points[2]!, error: reason }, grid.axes, false).split('\n');
    expect(bad.slice(0, 3)).toEqual(['Point #2', 'rows = 256', 'powerBudget = 10 W']);
    expect(bad.slice(3).join(' ')).toBe(`not a valid design: ${reason}`);
    expect(bad.slice(3).every((line) => line.length <= 80)).toBe(true);
  });
});

describe('sweep line chart (one parameter)', () => {
  it('draws the metric on a log x axis, with gaps for failed points, the front marked and the index last', () => {
    const option = sweepLineOption(line, 'energy', LIGHT_PALETTE) as unknown as Option;
    expect(option.xAxis.type).toBe('log');
    expect(option.xAxis.name).toBe('transfer.wireEnergyPerBit (fJ)');
    expect(option.yAxis.name).toBe('Energy per step (mJ)');
    const [metric, front] = option.series;
    expect(option.series).toHaveLength(2);
    expect(metric!.data).toEqual([
      [1, 2, 0],
      [10, 3, 1],
      [100, null, 2],
    ]);
    expect(front!.data).toEqual([[1, 2, 0]]);
    expect(lineTarget(line, 'energy', 1)).toEqual({ value: [10, 3], width: 16, height: 16 });
    expect(lineTarget(line, 'energy', 2)).toBeNull();
    expect(option.tooltip.formatter({ value: [10, 3, 1] })).toContain('Point #1');
    const linear = sweepLineOption({ ...line, axes: [{ ...line.axes[0]!, scale: 'linear' }] }, 'area', LIGHT_PALETTE) as unknown as Option;
    expect(linear.xAxis.type).toBe('value');
    expect(linear.yAxis.name).toBe('Chip area (mm^2)');
  });
});

describe('sweep heat map (two parameters)', () => {
  it('places points on the grid, first parameter across, with failed cells and front dots apart', () => {
    expect(gridCell(7, 3)).toEqual([2, 1]);
    expect(axisLabels(grid, 0)).toEqual(['64', '256']);
    expect(axisLabels(grid, 1)).toEqual(['10', '100']);
    const option = sweepHeatmapOption(grid, 'energy', LIGHT_PALETTE) as unknown as Option;
    expect(option.xAxis.name).toBe('rows');
    expect(option.yAxis.name).toBe('powerBudget (W)');
    const [cells, failed, front] = option.series;
    expect(cells!.type).toBe('heatmap');
    // Energy spans 150 .. 160 J: coloured linearly.
    expect(cells!.data).toEqual([
      [0, 0, 160, 0],
      [0, 1, 158, 1],
      [1, 1, 150, 3],
    ]);
    expect(failed!.data).toEqual([[1, 0, 0, 2]]);
    expect(front!.data).toEqual([
      [0, 1, 1],
      [1, 1, 3],
    ]);
    expect(heatmapTarget(grid, 3)).toEqual({ value: [1, 1], width: 12, height: 12 });
    expect(option.visualMap).toMatchObject({ min: 150, max: 160, dimension: 2, text: ['160 J', '150 J'] });
  });

  it('colours by the logarithm when the metric spans more than a factor of 10, and fills labels of missing steps from the range', () => {
    const option = sweepHeatmapOption(grid, 'latency', LIGHT_PALETTE) as unknown as Option;
    expect(option.visualMap!.min).toBeCloseTo(Math.log10(0.9), 12);
    expect(option.series[0]!.data[0]![2]).toBeCloseTo(Math.log10(17), 12);
    expect(option.visualMap!.text).toEqual(['17 s', '900 ms']);
    const partial = { ...grid, status: 'cancelled' as const, points: grid.points.slice(0, 2) };
    expect(axisLabels(partial, 0)).toEqual(['64', '256']);
    const odd = { ...grid, axes: [{ ...grid.axes[0]!, to: 100, steps: 3 }, grid.axes[1]!], points: [point(0, { rows: 64, powerBudget: 44.72135955 }, 1, 1, 1)] };
    // Labels keep 4 digits; whole values stay whole where no point reached the step.
    expect(axisLabels(odd, 0)).toEqual(['64', '80', '100']);
    expect(axisLabels(odd, 1)).toEqual(['44.72', '100']);
  });

  it('draws a big grid as colour bands of cell-sized squares in large mode, the visual map kept as legend', () => {
    const n = 40;
    const points = Array.from({ length: n * n }, (_, i) => point(i, { rows: 64 + Math.floor(i / n), cols: 64 + (i % n) }, i === 5 ? null : 100 + i, 1, 1e-6, i === 5 ? 'cols must be at most 64' : undefined));
    const big: SweepResult = {
      ...grid,
      total: n * n,
      axes: [
        { key: 'rows', from: 64, to: 103, steps: n, scale: 'linear', unit: '1', label: 'rows' },
        { key: 'cols', from: 64, to: 103, steps: n, scale: 'linear', unit: '1', label: 'cols' },
      ],
      points,
      front: [0],
    };
    const option = sweepHeatmapOption(big, 'energy', LIGHT_PALETTE, { width: 552, height: 320 }) as unknown as Option & { visualMap: { seriesIndex: number[] } };
    const bands = option.series.slice(0, LEVELS);
    expect(bands.every((b) => b.type === 'scatter' && b.large === true && b.symbol === 'rect')).toBe(true);
    // 552 - 64 - 92 = 396 px across 40 cells; 320 - 30 - 40 = 250 px up 40 cells.
    expect(bands[0]!.symbolSize).toEqual([10.5, 7.5]);
    expect(bands.reduce((k, b) => k + b.data.length, 0)).toBe(n * n - 1);
    expect(bands[0]!.data[0]).toEqual([0, 0, 0]);
    expect(bands[LEVELS - 1]!.data.at(-1)).toEqual([n - 1, n - 1, n * n - 1]);
    expect(bands[0]!.itemStyle!.color).toBe(rampColour(0.5 / LEVELS));
    expect(option.series[LEVELS]!.name).toBe('failed');
    expect(option.series[LEVELS]!.data).toEqual([[0, 5, 5]]);
    expect(option.visualMap.seriesIndex).toEqual([]);
    expect(heatmapTarget(big, 41, { width: 552, height: 320 })).toEqual({ value: [1, 1], width: 13.9, height: 12 });
    expect(rampColour(0)).toBe(HEAT_RAMP[0]);
    expect(rampColour(1)).toBe(HEAT_RAMP.at(-1));
    expect(rampColour(0.1)).toBe('#bcdc3b');
  });
});

describe('Pareto scatter', () => {
  it('bins area into marker sizes, joins the front by a staircase in energy order, and keeps failed points out', () => {
    const classes = areaClasses([1e-6, 27e-6, null]);
    expect(classes.map((c) => c.size)).toEqual([5, 9, 14]);
    expect(classes.map((c) => c.label)).toEqual(['≤ 3 mm^2', '≤ 9 mm^2', '≤ 27 mm^2']);
    expect(classOf(1e-6, classes)).toBe(0);
    expect(classOf(5e-6, classes)).toBe(1);
    expect(classOf(27e-6, classes)).toBe(2);
    expect(areaClasses([2e-6, 2e-6])).toHaveLength(1);
    expect(frontPoints(grid).map((p) => p.index)).toEqual([3, 1]);

    const option = paretoOption(grid, LIGHT_PALETTE) as unknown as Option;
    expect(option.xAxis.name).toBe('energy per step (J)');
    expect(option.yAxis.type).toBe('log');
    const bins = option.series.filter((s) => s.type === 'scatter' && s.name.startsWith('≤'));
    expect(bins.flatMap((s) => s.data.map((d) => d[3]))).toEqual([0, 1, 3]);
    // Classes without points are left out (ECharts' large mode cannot draw an empty series).
    expect(bins.every((s) => s.large === true && s.data.length > 0)).toBe(true);
    expect(option.legend!.data).toEqual(bins.map((s) => s.name));
    const staircase = option.series.find((s) => s.type === 'line')!;
    expect(staircase.step).toBe('end');
    expect(staircase.data).toEqual([
      [150, 2],
      [158, 0.9],
    ]);
    const front = option.series.find((s) => s.type === 'scatter' && s.name === 'Pareto front')!;
    expect(front.data.map((d) => d[3])).toEqual([3, 1]);
    expect(option.series.some((s) => s.name === 'selected')).toBe(false);
    expect(paretoTarget(grid, 1)).toEqual({ value: [158, 0.9], width: 15, height: 15 });
    expect(paretoTarget(grid, 2)).toBeNull();
    expect(option.tooltip.formatter({ value: [150, 2, 5e-4, 3] })).toContain('Chip area: 500 mm^2');
  });

  it('finds the point index last in any clicked data item', () => {
    expect(indexOfClick([150, 2, 5e-4, 3])).toBe(3);
    expect(indexOfClick([1, 2])).toBe(2);
    expect(indexOfClick([1, 0.5])).toBeNull();
    expect(indexOfClick(7)).toBeNull();
  });
});

describe('sweep form', () => {
  const params = numericParams([
    { key: 'cell', value: 'builtin:x', unit: '', source: 's' },
    { key: 'rows', value: 1024, unit: '1', source: 's' },
    { key: 'powerBudget', value: 62.6, unit: 'W', source: 's' },
    { key: 'idle', value: 0, unit: 'W', source: 's' },
  ]);
  const draft = (axes: SweepDraft['axes']): SweepDraft => ({ design: 'd', network: 'n', batch: '', axes });

  it('offers numeric values with a range around the current value', () => {
    expect(params.map((p) => p.key)).toEqual(['rows', 'powerBudget', 'idle']);
    expect(prefillAxis(params[0]!, 1)).toEqual({ key: 'rows', from: '256', to: '4096', steps: '25', scale: 'log' });
    expect(prefillAxis(params[1]!, 2)).toEqual({ key: 'powerBudget', from: '15.65', to: '250.4', steps: '10', scale: 'log' });
    expect(prefillAxis(params[2]!, 1)).toMatchObject({ from: '0', to: '1', scale: 'linear' });
    expect(nextParam(params, ['rows'])!.key).toBe('powerBudget');
  });

  it('builds the contract input, or puts each problem on its field', () => {
    const good = buildSweepInput({ ...draft([prefillAxis(params[0]!, 2), prefillAxis(params[1]!, 2)]), batch: '32' }, 'job');
    expect(good).toEqual({
      ok: true,
      input: {
        jobId: 'job',
        design: 'd',
        network: 'n',
        batch: 32,
        axes: [
          { key: 'rows', from: 256, to: 4096, steps: 10, scale: 'log' },
          { key: 'powerBudget', from: 15.65, to: 250.4, steps: 10, scale: 'log' },
        ],
      },
    });
    const bad = buildSweepInput(draft([{ key: 'rows', from: 'abc', to: '', steps: '5', scale: 'log' }]), 'job');
    expect(bad).toEqual({
      ok: false,
      issues: [
        { path: 'axes[0].from', message: 'must be a number' },
        { path: 'axes[0].to', message: 'enter a number' },
      ],
    });
    const zero = buildSweepInput(draft([{ key: 'rows', from: '0', to: '10', steps: '5', scale: 'log' }]), 'job');
    expect(zero).toMatchObject({ ok: false, issues: [{ path: 'axes[0].from', message: 'a logarithmic range must be above zero at both ends' }] });
    const many = buildSweepInput(draft([{ key: 'rows', from: '1', to: '10', steps: '1000', scale: 'linear' }, { key: 'powerBudget', from: '1', to: '10', steps: '1000', scale: 'linear' }]), 'job');
    expect(many).toMatchObject({ ok: false, issues: [{ path: 'axes', message: 'a sweep may have at most 100000 points: use fewer steps' }] });
    expect(pointCount([{ key: 'a', from: '', to: '', steps: '100', scale: 'log' }, { key: 'b', from: '', to: '', steps: '30', scale: 'log' }])).toBe(3000);
    expect(pointCount([{ key: 'a', from: '', to: '', steps: 'x', scale: 'log' }])).toBeNull();
  });

  it('counts failures by reason and finds those of one parameter', () => {
    const lane = 'rows: a lane of 64 bits cannot hold the bf16 multiply';
    const list = failures([...grid.points, point(4, {}, null, null, null, 'rows must be at most 128 (rows per subarray)'), point(5, {}, null, null, null, 'cols must be at most 8'), point(6, {}, null, null, null, lane)]);
    expect(list).toEqual([
      { message: 'rows must be at most 128 (rows per subarray)', count: 2 },
      { message: 'cols must be at most 8', count: 1 },
      { message: lane, count: 1 },
    ]);
    expect(failuresOf('rows', list).map((f) => f.count)).toEqual([2, 1]);
    expect(failuresOf('row', list)).toHaveLength(0);
    expect(failuresOf('powerBudget', list)).toHaveLength(0);
  });

  it('turns a point into a design: its values put in and marked, under a name that fits', () => {
    const base = [
      { key: 'rows', value: 1024, unit: '1', source: 'paper' },
      { key: 'powerBudget', value: 62.6, unit: 'W', source: 'paper' },
      { key: 'tiles', value: 32, unit: '1', source: 'paper' },
    ];
    const values = pointValues(base, grid.points[3]!, 'point #3 of a sweep');
    expect(values).toEqual([
      { key: 'rows', value: 256, unit: '1', source: 'assumption: point #3 of a sweep' },
      { key: 'powerBudget', value: 100, unit: 'W', source: 'assumption: point #3 of a sweep' },
      { key: 'tiles', value: 32, unit: '1', source: 'paper' },
    ]);
    expect(pointName('SOT', grid.points[3]!, grid.axes)).toBe('SOT @ rows=256, powerBudget=100 W');
    const long = pointName('x'.repeat(200), grid.points[3]!, grid.axes);
    expect(long).toHaveLength(120);
    expect(long.endsWith(' @ rows=256, powerBudget=100 W')).toBe(true);
  });
});
