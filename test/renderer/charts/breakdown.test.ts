import { describe, expect, it } from 'vitest';
import {
  breakdownChartOption,
  breakdownRows,
  categoryColours,
  componentBreakdown,
  formatShare,
  formatValue,
  opBreakdown,
  phaseBreakdown,
  shares,
} from '@/charts/breakdown.ts';
import { axisScale, layerChartOption, layerKinds, layerRows } from '@/charts/layer-energy.ts';
import { DARK_PALETTE, LIGHT_PALETTE } from '@/charts/palette.ts';
import type { Evaluation } from '@shared/schemas/evaluation.ts';

// A hand-made evaluation whose parts sum to round totals, so every share is known exactly.
const figure = (energy_J: number, latency_s: number) => ({ energy_J, latency_s });
const evaluation = {
  energy_J: 100,
  latency_s: 4,
  area_m2: 2e-3,
  power_W: 25,
  batch: 64,
  breakdown: {
    byPhase: { forward: figure(40, 1), activationGradient: figure(30, 1), weightGradient: figure(30, 2), weightUpdate: figure(0, 0) },
    byLayer: [
      { name: 'conv1', kind: 'conv', energy_J: 0.012, latency_s: 2e-3 },
      { name: 'relu1', kind: 'activation', energy_J: 0.0005, latency_s: 1e-4 },
      { name: 'fc', kind: 'fc', energy_J: 0.0075, latency_s: 9e-4 },
    ],
    byComponent: {
      cells: { energy_J: 75, area_m2: 1.5e-3 },
      periphery: { energy_J: 25, area_m2: 5e-4 },
      interconnect: { energy_J: 0, area_m2: 0 },
      controller: { energy_J: 0, area_m2: 1e-8 },
    },
    byOp: {
      fpMul: figure(50, 2),
      fpAdd: figure(49.95, 2),
      compare: figure(0.05, 0),
      fpDiv: figure(0, 0),
      fpExp: figure(0, 0),
      fpSqrt: figure(0, 0),
      write: figure(0, 0),
      transfer: figure(0, 0),
      static: figure(0, 0),
    },
  },
  design: {
    blocks: 8,
    activeBlocks: 4,
    activeLanes: 4096,
    power: { blockCompute_W: 1, static_W: 0.1, uncapped_W: 8, peak_W: 30 },
    formats: { forward: 'bf16', backward: 'bf16', update: 'bf16' },
    arithMode: 'ieee',
  },
  work: { forwardMacsPerImage: 1e6, macs: 1.92e8, params: 1000 },
  warnings: [],
} satisfies Evaluation;

interface BarOption {
  series: { name: string; stack: string; data: (number | null)[]; itemStyle: { color: string } }[];
  yAxis: { data?: string[]; name?: string };
  xAxis: { data?: string[]; max?: number };
  tooltip: { formatter: (p: never) => string };
}

describe('breakdown charts (pure functions)', () => {
  it('splits by phase into energy and latency, leaving out parts that are zero in both', () => {
    const b = phaseBreakdown(evaluation);
    expect(b.metrics.map((m) => m.unit)).toEqual(['J', 's']);
    expect(b.parts.map((p) => p.key)).toEqual(['forward', 'activationGradient', 'weightGradient']);
    expect(shares(b)).toEqual([
      [40, 25],
      [30, 25],
      [30, 50],
    ]);
  });

  it('pairs component energy with area, keeping a part that has area but no energy', () => {
    const b = componentBreakdown(evaluation);
    expect(b.metrics.map((m) => m.unit)).toEqual(['J', 'm^2']);
    expect(b.parts.map((p) => p.key)).toEqual(['cells', 'periphery', 'controller']);
    expect(b.parts[2]!.values).toEqual([0, 1e-8]);
  });

  it('draws one 100 % stacked bar per metric, one series per part, and names values with units', () => {
    const b = opBreakdown(evaluation);
    expect(b.parts.map((p) => p.label)).toEqual(['FP multiply', 'FP add', 'Compare']);
    const option = breakdownChartOption(b, LIGHT_PALETTE) as unknown as BarOption;
    expect(option.yAxis.data).toEqual(['Energy', 'Latency']);
    expect(option.xAxis.max).toBe(100);
    expect(option.series.map((s) => s.stack)).toEqual(['share', 'share', 'share']);
    expect(option.series.map((s) => s.data)).toEqual([
      [50, 50],
      [49.95, 50],
      [0.05, 0],
    ]);
    const tip = option.tooltip.formatter as unknown as (p: { seriesIndex: number; dataIndex: number }) => string;
    expect(tip({ seriesIndex: 2, dataIndex: 0 })).toBe('Energy · Compare<br/><b>50 mJ</b> (<0.1 %)');
    expect(tip({ seriesIndex: 0, dataIndex: 1 })).toContain('<b>2 s</b> (50.0 %)');
  });

  it('lists every part with its value, unit and share, in the colours of the chart', () => {
    const b = componentBreakdown(evaluation);
    const rows = breakdownRows(b, DARK_PALETTE);
    expect(rows[0]).toEqual({ key: 'cells', label: 'Cells', colour: DARK_PALETTE.series[0], cells: [{ value: '75 J', share: '75.0 %' }, { value: '1500 mm²', share: '75.0 %' }] });
    expect(rows[2]!.cells).toEqual([{ value: '0 J', share: '0 %' }, { value: '10000 µm²', share: '<0.1 %' }]);
    const option = breakdownChartOption(b, DARK_PALETTE) as unknown as BarOption;
    expect(option.series.map((s) => s.itemStyle.color)).toEqual(rows.map((r) => r.colour));
  });

  it('has as many distinct colours as there are operations', () => {
    const colours = categoryColours(LIGHT_PALETTE, 9);
    expect(new Set(colours).size).toBe(9);
    expect(colours.slice(0, LIGHT_PALETTE.series.length)).toEqual([...LIGHT_PALETTE.series]);
  });

  it('formats shares and values for the tables', () => {
    expect(formatShare(0)).toBe('0 %');
    expect(formatShare(0.04)).toBe('<0.1 %');
    expect(formatShare(33.333)).toBe('33.3 %');
    expect(formatValue(1.925e-3, 'm^2')).toBe('1925 mm²');
    expect(formatValue(3.5917, 's')).toBe('3.592 s');
    expect(formatValue(1.195e-7, 'm^2')).toBe('0.1195 mm²');
    expect(formatValue(5e-13, 'm^2')).toBe('0.5 µm²');
    expect(formatValue(0, 'm^2')).toBe('0 m²');
    expect(formatValue(1.99e-4, 's')).toBe('199 µs');
    expect(formatValue(8.67e-5, 'J')).toBe('86.7 µJ');
  });
});

describe('per-layer chart', () => {
  it('keeps network order and colours bars by layer kind, in a prefixed unit on the axis', () => {
    const rows = layerRows(evaluation);
    expect(layerKinds(rows)).toEqual(['conv', 'activation', 'fc']);
    const option = layerChartOption(rows, 'energy', LIGHT_PALETTE) as unknown as BarOption;
    expect(option.xAxis.data).toEqual(['conv1', 'relu1', 'fc']);
    expect(option.yAxis.name).toBe('energy per step (mJ)');
    expect(option.series.map((s) => s.name)).toEqual(['conv', 'activation', 'fc']);
    expect(option.series.map((s) => s.data)).toEqual([
      [12, null, null],
      [null, 0.5, null],
      [null, null, 7.5],
    ]);
  });

  it('switches to latency, with the share of the step in the tooltip', () => {
    const option = layerChartOption(layerRows(evaluation), 'latency', LIGHT_PALETTE) as unknown as BarOption;
    expect(option.yAxis.name).toBe('latency per step (ms)');
    expect(option.series[0]!.data).toEqual([2, null, null]);
    const tip = option.tooltip.formatter as unknown as (p: { dataIndex: number }[]) => string;
    expect(tip([{ dataIndex: 2 }])).toContain('latency: <b>900 µs</b> (30.0 %)');
    expect(tip([{ dataIndex: 2 }])).toContain('energy: 7.5 mJ');
  });

  it('picks the prefix that keeps the largest value between 1 and 1000', () => {
    expect(axisScale(0.012, 'J')).toEqual({ factor: 1e-3, unit: 'mJ' });
    expect(axisScale(13.9, 'J')).toEqual({ factor: 1, unit: 'J' });
    expect(axisScale(2.5e-7, 's')).toEqual({ factor: 1e-9, unit: 'ns' });
    expect(axisScale(0, 's')).toEqual({ factor: 1, unit: 's' });
  });
});
