import { describe, expect, it } from 'vitest';
import type { SensitivityOutput } from '@shared/schemas/analysis.ts';
import { formatMetric, knobAxis, knobLabel, libraryText, metricScale, sharedLibraries, TORNADO_TOP, tornadoBar, tornadoOption, tornadoRows, tornadoTable } from '@/charts/tornado.ts';
import { DARK_PALETTE, LIGHT_PALETTE } from '@/charts/palette.ts';
import { paperOption, PAPER_FILLS } from '@/export/paper-theme.ts';
import { tableToCsv } from '@/export/table.ts';

type Obj = Record<string, unknown>;
type Item = [number | null, number, number, number | null, number];

const DESIGN = 'SOT-MRAM PIM (2T2MTJ complementary, Wang et al.)';
const CELL = 'SOT-MRAM 2T2MTJ complementary (Wang et al. 2020, as drawn)';
const NODE = '28 nm node';

function row(key: string, library: string, unit: string, value: number, atLow: number | null, atHigh: number | null, extra: Partial<SensitivityOutput['parameters'][number]> = {}): SensitivityOutput['parameters'][number] {
  return { key, library, unit, value, low: value * 0.9, high: value * 1.1, metricAtLow: atLow, metricAtHigh: atHigh, elasticity: atLow && atHigh ? Math.log(atHigh / atLow) / Math.log(1.1 / 0.9) : null, side: 'design', moved: 'percent', ...extra };
}

// Figures from `pimwb sensitivity --design sot-mram-pim --network resnet18` (energy, ±10 %), rounded.
const OUTPUT: SensitivityOutput = {
  metric: 'energy',
  baseline: 240.04,
  unit: 'J',
  percent: 10,
  design: DESIGN,
  vs: null,
  network: 'ResNet-18',
  evaluations: 78,
  parameters: [
    row('node.vdd', NODE, 'V', 0.9, 209.47, 267.41),
    row('rows', DESIGN, '1', 1024, 230.64, 249.83),
    row('setCurrent', CELL, 'uA', 330, 240.04, 254.76),
    row('accessWidth', CELL, 'F', 14, 235.33, 233.36),
    row('cellArea', CELL, 'F^2', 140, null, 243.04, { refused: 'the cell no longer fits its pitch' }),
  ],
};

function option(out = OUTPUT, limit: number | null = null): Obj {
  return tornadoOption(out, tornadoRows(out, limit), LIGHT_PALETTE) as Obj;
}

function items(o: Obj, series: number): Item[] {
  return ((o.series as Obj[])[series]!.data as Item[]).map((d) => [...d] as Item);
}

describe('tornado chart', () => {
  it('has one row per value, most influential at the top, in the order the services ranked them', () => {
    const o = option();
    const y = o.yAxis as Obj;
    expect(y.type).toBe('category');
    expect(y.inverse).toBe(true);
    expect((y.data as string[]).length).toBe(5);
    expect((y.data as string[])[0]).toMatch(/^1\. node\.vdd/);
    const series = o.series as Obj[];
    expect(series.map((s) => s.type)).toEqual(['custom', 'custom']);
    expect(series.map((s) => s.name)).toEqual(['value lowered', 'value raised']);
    expect(items(o, 0).map((d) => d[1])).toEqual([0, 1, 2, 3, 4]);
    expect(items(o, 1).map((d) => d[1])).toEqual([0, 1, 2, 3, 4]);
  });

  it('spans each row from the metric at the low end to the metric at the high end, around the baseline', () => {
    const o = option();
    const low = items(o, 0);
    const high = items(o, 1);
    OUTPUT.parameters.forEach((p, i) => {
      expect(low[i]![0]).toBe(p.metricAtLow);
      expect(high[i]![0]).toBe(p.metricAtHigh);
      // Each bar starts at the baseline and knows where the other end lies.
      expect(low[i]![2]).toBe(240.04);
      expect(high[i]![2]).toBe(240.04);
      expect(low[i]![3]).toBe(p.metricAtHigh);
      expect(low[i]![4]).toBe(1);
      expect(high[i]![4]).toBe(0);
    });
    // The axis reaches both ends and the baseline, and is not forced to start at zero.
    expect((o.series as Obj[])[0]!.encode).toEqual({ x: [0, 2], y: 1 });
    expect((o.xAxis as Obj).scale).toBe(true);
    expect((o.xAxis as Obj).name).toBe('energy per step (J)');
    const mark = (o.series as Obj[])[0]!.markLine as Obj;
    expect(mark.data).toEqual([{ xAxis: 240.04 }]);
    expect((mark.label as Obj).formatter).toBe('baseline 240 J');
  });

  it('draws a bar from the baseline to its end, the shorter of a row on top and narrower when both go the same way', () => {
    // Opposite sides: both full height, from the baseline outwards.
    expect(tornadoBar(100, 40, 150, 50, 20, true)).toEqual({ x: 40, width: 60, y: 50 - 6.2, height: 12.4, z2: 1 });
    expect(tornadoBar(100, 150, 40, 50, 20, false)).toEqual({ x: 100, width: 50, y: 50 - 6.2, height: 12.4, z2: 2 });
    // Same side (accessWidth: both ends lower the energy): the shorter stays visible inside the longer.
    const longer = tornadoBar(100, 60, 80, 50, 20, false);
    const shorter = tornadoBar(100, 80, 60, 50, 20, true);
    expect(longer.z2).toBeLessThan(shorter.z2);
    expect(shorter.height).toBeLessThan(longer.height);
    expect(shorter.x + shorter.width).toBe(100);
    // A tie goes to the low end.
    expect(tornadoBar(100, 80, 80, 50, 20, true).z2).toBe(1);
    expect(tornadoBar(100, 80, 80, 50, 20, false).z2).toBe(2);
  });

  it('renders each end as a rectangle in pixel space through the series renderItem, none for a refused end', () => {
    const o = option();
    const render = (o.series as Obj[])[0]!.renderItem as (p: unknown, api: unknown) => Obj | null;
    // x: 1 px per joule from 200 J; rows 30 px apart.
    const api = (item: Item) => ({
      value: (d: number) => (item[d] === null ? NaN : item[d]),
      coord: ([x, y]: number[]) => [x! - 200, 15 + 30 * y!],
      size: () => [1, 30],
      visual: () => '#123456',
    });
    const first = render(null, api(items(o, 0)[0]!))!;
    expect(first.type).toBe('rect');
    const shape = first.shape as { x: number; width: number; y: number; height: number };
    expect(shape.x).toBeCloseTo(9.47, 6);
    expect(shape.x + shape.width).toBeCloseTo(40.04, 6);
    expect(shape.y + shape.height / 2).toBe(15);
    expect((first.style as Obj).fill).toBe('#123456');
    expect(render(null, api(items(o, 0)[4]!))).toBeNull();
  });

  it('shows the top 15 by default and every value when asked', () => {
    const many: SensitivityOutput = { ...OUTPUT, parameters: Array.from({ length: 40 }, (_, i) => row(`k${i}`, DESIGN, '1', 1, 240 - 40 + i, 240 + 40 - i)) };
    expect(tornadoRows(many, TORNADO_TOP)).toHaveLength(15);
    expect(tornadoRows(many, null)).toHaveLength(40);
    expect(((option(many, TORNADO_TOP).yAxis as Obj).data as string[]).length).toBe(15);
  });

  it('labels rows "key (unit, library)" in one short line, typeset, and says whose value a ratio row moves', () => {
    const axis = knobAxis(OUTPUT.parameters, { design: DESIGN, vs: null }, LIGHT_PALETTE);
    const label = (axis.axisLabel as { formatter: (v: string, i: number) => string }).formatter;
    expect([0, 1, 2, 4].map((i) => label('', i))).toEqual(['node.vdd (V)', 'rows (design)', 'setCurrent (µA, cell)', 'cellArea (F², cell)']);
    const knobs = [
      { key: 'node.vdd', library: NODE, unit: 'V', side: 'design' as const },
      { key: 'node.vdd', library: NODE, unit: 'V', side: 'vs' as const },
      { key: 'setVoltage', library: 'ReRAM crossbar, MAGIC NOR (FloatPIM)', unit: 'V', side: 'vs' as const },
      { key: 'rows', library: DESIGN, unit: '1', side: 'design' as const },
    ];
    const names = { design: DESIGN, vs: 'FloatPIM (ReRAM, MAGIC NOR)' };
    expect(knobs.map((k) => knobLabel(k, names))).toEqual(['node.vdd (V, SOT-MRAM PIM)', 'node.vdd (V, FloatPIM)', 'setVoltage (V, FloatPIM cell)', 'rows (SOT-MRAM PIM)']);
    // The table names the library in full (short of its note), and whose node a shared one is.
    const shared = sharedLibraries(knobs);
    expect(knobs.map((k) => libraryText(k, names, shared))).toEqual(['28 nm node of SOT-MRAM PIM', '28 nm node of FloatPIM', 'ReRAM crossbar, MAGIC NOR', 'SOT-MRAM PIM']);
  });

  it('puts areas in mm² and ratios in ×', () => {
    expect(metricScale([1.9e-3, 2.1e-3], 'm^2')).toEqual({ unit: 'mm^2', factor: 1e-6 });
    expect(metricScale([0.3], '1')).toEqual({ unit: '×', factor: 1 });
    expect(formatMetric(0.30123, '1')).toBe('0.3012×');
    expect(formatMetric(null, 'J')).toBe('—');
    const ratio: SensitivityOutput = { ...OUTPUT, unit: '1', baseline: 6.68, vs: 'FloatPIM (ReRAM, MAGIC NOR)', parameters: [row('setVoltage', 'ReRAM crossbar, MAGIC NOR (FloatPIM)', 'V', 2.6, 7.97, 5.9, { side: 'vs' })] };
    expect((option(ratio).xAxis as Obj).name).toBe('energy ratio (×)');
  });

  it('exports the rows with every figure, a refused end left empty with its reason', () => {
    const table = tornadoTable(OUTPUT, OUTPUT.parameters, 'Sensitivity of SOT-MRAM PIM on ResNet-18');
    expect(table.columns.map((c) => c.label)).toEqual(['Rank', 'Key', 'Library', 'Unit', 'value', 'low', 'high', 'Ends', 'at low', 'at high', 'Elasticity', 'Note']);
    expect(table.columns[8]!.unit).toBe('J');
    expect(table.rows[0]!.slice(0, 4)).toEqual([1, 'node.vdd', '28 nm node', 'V']);
    expect(table.rows[0]![7]).toBe('±10 %');
    expect(table.rows[0]![8]).toBeCloseTo(209.47, 10);
    expect(table.rows[4]![8]).toBeNull();
    expect(table.rows[4]![11]).toBe('the cell no longer fits its pitch');
    expect(table.caption).toMatch(/^Each value moved 10 % down and up, one at a time, on ResNet-18; energy per step 240 J/);
    const csv = tableToCsv(table).split('\r\n');
    expect(csv[0]).toBe('Rank,Key,Library,Unit,"Value, value","Value, low","Value, high",Ends,"Energy, at low (J)","Energy, at high (J)",Elasticity,Note');
    expect(csv).toHaveLength(OUTPUT.parameters.length + 2);
  });

  it('says which values moved to their library range', () => {
    const ranged: SensitivityOutput = { ...OUTPUT, parameters: [row('setCurrent', CELL, 'uA', 330, 240.04, 319.79, { low: 330, high: 500, moved: 'range' }), ...OUTPUT.parameters.slice(0, 2)] };
    const table = tornadoTable(ranged, ranged.parameters, 'Sensitivity');
    expect(table.rows.map((r) => r[7])).toEqual(['range', '±10 %', '±10 %']);
    expect(table.caption).toMatch(/^Each value moved to the ends of the range its library gives \(1 values\) or 10 % down and up where it gives none/);
  });

  it('takes its colours from the option, so a paper export turns them to greys, in either theme', () => {
    const dark = tornadoOption(OUTPUT, OUTPUT.parameters, DARK_PALETTE) as Obj;
    expect(dark.color).toEqual([DARK_PALETTE.series[0], DARK_PALETTE.series[1]]);
    expect((dark.series as Obj[]).every((s) => s.itemStyle === undefined)).toBe(true);
    const paper = paperOption(dark, { columns: 1, font: 'serif' }) as Obj;
    expect(paper.color).toEqual([...PAPER_FILLS]);
    // The metric's name stays level under the horizontal value axis, inside the figure.
    expect(paper.xAxis).toMatchObject({ name: 'energy per step (J)', nameLocation: 'middle', nameRotate: 0 });
    expect(paper.grid).toMatchObject({ bottom: 4, outerBoundsContain: 'all' });
  });
});
