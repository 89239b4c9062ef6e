import { describe, expect, it } from 'vitest';
import { LIGHT_PALETTE } from '@/charts/palette.ts';
import { axisTitle, displayScale, exactParam, findPoint, formatMetric, formatParam, metricValue, pointTooltip, wideSpan, type SweepPoint, type SweepResult } from '@/charts/sweep-common.ts';
import { lineTarget, sweepLineOption } from '@/charts/sweep-line.ts';
import { HEAT_RAMP, axisEdges, colourScale, gridCell, heatmapCells, heatmapPointAt, heatmapTarget, rampColour, stepAt, stepValue, sweepHeatmapOption } from '@/charts/sweep-heatmap.ts';
import { PATCHES, THIN_ABOVE, areaClasses, classOf, frontPoints, legendIcon, paretoOption, paretoTarget } from '@/charts/pareto.ts';
import { axisTicks, linearTicks, logTicks, tickLabel } from '@/charts/sweep-ticks.ts';
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

type Series = { name: string; type: string; data: number[][]; step?: string; large?: boolean; sampling?: string; symbolSize?: unknown; itemStyle?: { color?: string }; renderItem?: (p: unknown, api: unknown) => { type: string; style: Record<string, unknown> } };
type Axis = { type: string; name: string; min?: number; max?: number; axisLabel?: { customValues?: number[]; formatter?: (v: number) => string } };
type Option = {
  series: Series[];
  xAxis: Axis;
  yAxis: Axis;
  visualMap?: { min: number; max: number; text: string[]; seriesIndex: number[] };
  legend?: { data: { name: string; icon: string }[]; itemWidth: number };
  tooltip: { show?: boolean; formatter: (p: { value: number[] }) => string };
};

describe('sweep figures', () => {
  it('scales SI figures to one prefix per axis and writes every value with 4 significant digits and typeset units', () => {
    expect(displayScale(0.0123, 'J')).toEqual({ factor: 1e-3, unit: 'mJ' });
    expect(displayScale(1.3e-4, 'm^2')).toEqual({ factor: 1e-6, unit: 'mm²' });
    expect(displayScale(135, 'J', '·s')).toEqual({ factor: 1, unit: 'J·s' });
    expect(displayScale(0, 's')).toEqual({ factor: 1, unit: 's' });
    expect(formatParam(1024, '1')).toBe('1024');
    // One policy for every figure on the page: 95.51 W beside 100 W, never 95.5057 W.
    expect(formatParam(95.50573, 'W')).toBe('95.51 W');
    expect(formatParam(0.35, 'um^2')).toBe('0.35 µm²');
    expect(formatParam(330, 'uA')).toBe('330 µA');
    expect(exactParam(44.72135955, 'W')).toBe('44.72135955 W');
    expect(axisTitle({ key: 'rows', unit: '1' })).toBe('rows');
    expect(axisTitle({ key: 'cellArea', unit: 'um^2' })).toBe('cellArea (µm²)');
    expect(metricValue(grid.points[1]!, 'edp')).toBeCloseTo(142.2, 6);
    expect(formatMetric(metricValue(grid.points[1]!, 'edp'), 'edp')).toBe('142.2 J·s');
    expect(formatMetric(1.3e-4, 'area')).toBe('130 mm²');
    expect(formatMetric(null, 'energy')).toBe('—');
    expect(wideSpan([1, 30])).toBe(true);
    expect(wideSpan([1, 9.9, null])).toBe(false);
  });

  it('finds a point by its index in a sweep with gaps', () => {
    const gappy = { points: [0, 1, 4, 9, 10, 99_999].map((i) => point(i, {}, 1, 1, 1)) };
    expect(findPoint(gappy, 9)?.index).toBe(9);
    expect(findPoint(gappy, 99_999)?.index).toBe(99_999);
    expect(findPoint(gappy, 5)).toBeUndefined();
    expect(findPoint({ points: [] }, 0)).toBeUndefined();
  });

  it('writes a plain-text tooltip with the values, then the figures or the reason a point failed', () => {
    const ok = pointTooltip(grid.points[1]!, grid.axes, true).split('\n');
    expect(ok).toEqual(['Point #1 · Pareto front', 'rows = 64', 'powerBudget = 100 W', 'Energy per step: 158 J', 'Latency per step: 900 ms', 'Chip area: 130 mm²', 'Energy-delay product: 142.2 J·s']);
    const reason = 'rows: a lane of 64 bits cannot hold the bf16 multiply and add microprograms of forward';
    const bad = pointTooltip({ ...grid.points[2]!, error: reason }, grid.axes, false).split('\n');
    expect(bad.slice(0, 3)).toEqual(['Point #2', 'rows = 256', 'powerBudget = 10 W']);
    expect(bad.slice(3).join(' ')).toBe(`not a valid design: ${reason}`);
    expect(bad.slice(3).every((l) => l.length <= 80)).toBe(true);
  });
});

describe('sweep axis ticks', () => {
  it('labels only round values, never the odd steps a range goes through', () => {
    expect(linearTicks(0, 1)).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
    expect(linearTicks(83.63, 3010)).toEqual([500, 1000, 1500, 2000, 2500, 3000]);
    expect(linearTicks(-3, 7)).toEqual([-2, 0, 2, 4, 6]);
    expect(logTicks(5, 500)).toEqual([5, 10, 20, 50, 100, 200, 500]);
    expect(logTicks(0.7, 4)).toEqual([0.7, 0.8, 0.9, 1, 2, 3, 4]);
    expect(logTicks(1e-15, 1e-3)).toEqual([1e-15, 1e-14, 1e-13, 1e-12, 1e-11, 1e-10, 1e-9, 1e-8, 1e-7, 1e-6, 1e-5, 1e-4, 1e-3].filter((_, i) => i % 2 === 0));
    // Counts that double get powers of two on a log axis.
    expect(axisTicks(50, 5000, 'log', true)).toEqual([64, 128, 256, 512, 1024, 2048, 4096]);
    expect(axisTicks(50, 5000, 'log', false)).toEqual([50, 100, 200, 500, 1000, 2000, 5000]);
    for (const ticks of [linearTicks(83.63, 3010), logTicks(5, 500), axisTicks(64, 4096, 'log', true)]) {
      // At most two significant digits, or a power of two.
      expect(ticks.every((t) => Number(t.toPrecision(2)) === t || Number.isInteger(Math.log2(t)))).toBe(true);
    }
    expect(tickLabel(0.30000000000000004)).toBe('0.3');
    expect(tickLabel(2e6)).toBe('2e6');
    expect(tickLabel(1e-5)).toBe('1e-5');
  });
});

describe('sweep line chart (one parameter)', () => {
  it('draws the metric on a log x axis with round ticks, gaps for failed points, the front marked and the index last', () => {
    const option = sweepLineOption(line, 'energy', LIGHT_PALETTE) as unknown as Option;
    expect(option.xAxis).toMatchObject({ type: 'log', name: 'transfer.wireEnergyPerBit (fJ)', min: 1, max: 100 });
    expect(option.xAxis.axisLabel!.customValues).toEqual([1, 3, 10, 30, 100]);
    expect(option.yAxis.name).toBe('Energy per step (mJ)');
    const [metric, front] = option.series;
    expect(option.series).toHaveLength(2);
    expect(metric!.data).toEqual([
      [1, 2, 0],
      [10, 3, 1],
      [100, null, 2],
    ]);
    expect(metric!.sampling).toBeUndefined();
    expect(front!.data).toEqual([[1, 2, 0]]);
    expect(lineTarget(line, 'energy', 1)).toEqual({ value: [10, 3], width: 16, height: 16 });
    expect(lineTarget(line, 'energy', 2)).toBeNull();
    expect(option.tooltip.formatter({ value: [10, 3, 1] })).toContain('Point #1');
    const linear = sweepLineOption({ ...line, axes: [{ ...line.axes[0]!, scale: 'linear' }] }, 'area', LIGHT_PALETTE) as unknown as Option;
    expect(linear.xAxis.type).toBe('value');
    expect(linear.yAxis.name).toBe('Chip area (mm²)');
    const long = { ...line, points: Array.from({ length: 5000 }, (_, i) => point(i, { 'transfer.wireEnergyPerBit': 1 + i }, 1e-3 * (1 + Math.sin(i)), 1, 1)) };
    expect((sweepLineOption(long, 'energy', LIGHT_PALETTE) as unknown as Option).series[0]!.sampling).toBe('lttb');
  });
});

/** A rows x cols grid of n x n points, some failed, for the heat map and the Pareto scatter. */
function square(n: number, failedEvery = 0): SweepResult {
  const points = Array.from({ length: n * n }, (_, i) => {
    const [r, c] = [Math.floor(i / n), i % n];
    const failed = failedEvery > 0 && i % failedEvery === 5;
    return point(i, { rows: 64 + r, cols: 64 + c }, failed ? null : 100 + i, failed ? null : 1 + ((i * 7919) % 1000) / 100, failed ? null : 1e-6 * (1 + (i % 50)), failed ? 'cols must be at most 64' : undefined);
  });
  return {
    ...grid,
    total: n * n,
    axes: [
      { key: 'rows', from: 64, to: 63 + n, steps: n, scale: 'linear', unit: '1', label: 'rows' },
      { key: 'cols', from: 64, to: 63 + n, steps: n, scale: 'linear', unit: '1', label: 'cols' },
    ],
    points,
    front: [0, 1],
  };
}

describe('sweep heat map (two parameters)', () => {
  it('places each step on its value, with cells reaching half a step beyond the ends, and finds the point under the pointer', () => {
    expect(gridCell(7, 3)).toEqual([2, 1]);
    const [rows, power] = grid.axes as [SweepResult['axes'][number], SweepResult['axes'][number]];
    expect(stepValue(rows, 1)).toBeCloseTo(256, 9);
    expect(axisEdges(rows)).toEqual([32, 512]);
    expect(axisEdges({ ...rows, scale: 'linear', from: 0, to: 10, steps: 11 })).toEqual([-0.5, 10.5]);
    expect(stepAt(rows, 100)).toBe(0);
    expect(stepAt(rows, 200)).toBe(1);
    expect(stepAt(rows, 600)).toBeNull();
    expect(stepAt({ ...power, from: 100, to: 10 }, 90)).toBe(0);
    expect(heatmapPointAt(grid, 250, 95)).toBe(3);
    expect(heatmapPointAt({ ...grid, points: grid.points.slice(0, 2) }, 250, 95)).toBeNull();
    expect(heatmapTarget(grid, 3, [100, 60])).toEqual({ value: [expect.closeTo(256, 9), expect.closeTo(100, 9)], width: 104, height: 64 });
    expect(heatmapTarget(grid, 9)).toBeNull();
  });

  it('colours one pixel per point, failed ones grey, the first parameter across and the second up', () => {
    const cells = heatmapCells(grid, 'energy', LIGHT_PALETTE);
    expect([cells.width, cells.height]).toEqual([2, 2]);
    const px = (col: number, row: number): number[] => [...cells.rgba.subarray((row * 2 + col) * 4, (row * 2 + col) * 4 + 4)];
    // Energy spans 150 .. 160 J, coloured linearly: #3 (150 J) is the ramp's low end, #0 (160 J) its high end.
    expect(cells.scale).toEqual({ low: 150, high: 160, log: false });
    expect(px(1, 0)).toEqual([0xfd, 0xe7, 0x25, 255]);
    expect(px(0, 1)).toEqual([0x44, 0x01, 0x54, 255]);
    expect(px(1, 1)).toEqual([0xe3, 0xe6, 0xec, 255]);
    const cancelled = heatmapCells({ ...grid, points: grid.points.slice(0, 2) }, 'energy', LIGHT_PALETTE);
    expect(cancelled.rgba[(1 * 2 + 1) * 4 + 3]).toBe(0);
    expect(colourScale(grid, 'latency')).toEqual({ low: Math.log10(0.9), high: Math.log10(17), log: true });
  });

  it('draws the image over value axes with round ticks, the visual map as its legend, and front dots on their steps', () => {
    const image = { stub: 'canvas' };
    const cells = heatmapCells(grid, 'latency', LIGHT_PALETTE);
    const option = sweepHeatmapOption(grid, 'latency', LIGHT_PALETTE, image, cells.scale) as unknown as Option;
    expect(option.xAxis).toMatchObject({ type: 'log', name: 'rows', min: 32, max: 512 });
    expect(option.xAxis.axisLabel!.customValues).toEqual([32, 64, 128, 256, 512]);
    expect(option.yAxis.name).toBe('powerBudget (W)');
    expect(option.yAxis.axisLabel!.customValues!.every((t) => [5, 10, 20, 50, 100, 200, 300].includes(t))).toBe(true);
    expect(option.visualMap).toMatchObject({ seriesIndex: [], text: ['17 s', '900 ms'] });
    expect(option.tooltip.show).toBe(false);
    const [cellsSeries, front] = option.series;
    const drawn = cellsSeries!.renderItem!({}, { coord: ([x, y]: number[]) => [x! / 2, 1000 - y!] });
    expect(drawn).toMatchObject({ type: 'image', style: { image, x: 16, y: 1000 - Math.sqrt(1000) * 10, width: 240 } });
    expect(front!.data.map((d) => d[2])).toEqual([3, 1]);
    expect(front!.data[0]![0]).toBeCloseTo(256, 9);
    expect(rampColour(0)).toBe(HEAT_RAMP[0]);
    expect(rampColour(1)).toBe(HEAT_RAMP.at(-1));
    expect(rampColour(0.1)).toBe('#bcdc3b');
  });

  it('colours a 316 x 316 sweep in one pass, fast', () => {
    const big = square(316, 17);
    const started = performance.now();
    const cells = heatmapCells(big, 'energy', LIGHT_PALETTE);
    expect(performance.now() - started).toBeLessThan(500);
    expect(cells.rgba.length).toBe(316 * 316 * 4);
    let opaque = 0;
    for (let i = 3; i < cells.rgba.length; i += 4) opaque += cells.rgba[i] === 255 ? 1 : 0;
    expect(opaque).toBe(316 * 316);
  });
});

describe('Pareto scatter', () => {
  it('bins area into marker sizes, joins the front by a staircase in energy order, and keeps failed points out', () => {
    const classes = areaClasses([1e-6, 27e-6, null]);
    expect(classes.map((c) => c.size)).toEqual([5, 9, 14]);
    expect(classes.map((c) => c.label)).toEqual(['≤ 3 mm²', '≤ 9 mm²', '≤ 27 mm²']);
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
    expect(option.legend!.data.map((d) => d.name)).toEqual(bins.map((s) => s.name));
    const staircase = option.series.find((s) => s.type === 'line')!;
    expect(staircase.step).toBe('end');
    expect(staircase.data).toEqual([
      [150, 2],
      [158, 0.9],
    ]);
    const front = option.series.find((s) => s.type === 'scatter' && s.name === 'Pareto front')!;
    expect(front.data.map((d) => d[3])).toEqual([3, 1]);
    expect(paretoTarget(grid, 1)).toEqual({ value: [158, 0.9], width: 15, height: 15 });
    expect(paretoTarget(grid, 2)).toBeNull();
    expect(option.tooltip.formatter({ value: [150, 2, 5e-4, 3] })).toContain('Chip area: 500 mm²');
  });

  it('shows each area class in the legend at its own marker size', () => {
    const option = paretoOption(square(10), LIGHT_PALETTE) as unknown as Option;
    const icons = option.legend!.data.map((d) => d.icon);
    expect(new Set(icons).size).toBe(3);
    expect(option.legend!.itemWidth).toBe(16);
    expect(icons[0]).toBe(legendIcon(5, 16));
    // A 16 px frame the legend fits to its box, with a circle of the marker's size in its middle.
    expect(legendIcon(5, 16)).toBe('path://M0 0M16 16M5.5 8a2.5 2.5 0 1 0 5 0a2.5 2.5 0 1 0 -5 0z');
  });

  it('thins a big cloud to one point per patch and size class, keeping every front point and the tooltips', () => {
    const big = square(316, 17);
    const valid = big.points.filter((p) => p.energy_J !== null).length;
    expect(valid).toBeGreaterThan(THIN_ABOVE);
    const option = paretoOption(big, LIGHT_PALETTE) as unknown as Option;
    const bins = option.series.filter((s) => s.name.startsWith('≤'));
    const drawn = bins.reduce((n, s) => n + s.data.length, 0);
    expect(drawn).toBeLessThan(valid);
    expect(drawn).toBeLessThanOrEqual(3 * PATCHES[0] * PATCHES[1]);
    // Every drawn item is a real point whose figures the tooltip reads.
    const item = bins[0]!.data[0]!;
    expect(option.tooltip.formatter({ value: item })).toContain(`Point #${item[3]}`);
    const front = option.series.find((s) => s.type === 'scatter' && s.name === 'Pareto front')!;
    expect(front.data.map((d) => d[3])).toEqual(frontPoints(big).map((p) => p.index));
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
    expect(pointName('SOT', point(9, { rows: 256, powerBudget: 44.72135955 }, 1, 1, 1), grid.axes)).toBe('SOT @ rows=256, powerBudget=44.72 W');
    const long = pointName('x'.repeat(200), grid.points[3]!, grid.axes);
    expect(long).toHaveLength(120);
    expect(long.endsWith(' @ rows=256, powerBudget=100 W')).toBe(true);
  });
});
