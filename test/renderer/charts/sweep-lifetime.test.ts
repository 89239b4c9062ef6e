import { describe, expect, it } from 'vitest';
import { NO_ENDURANCE, displayScale, formatMetric, headingUnit, legendFigure, metricInfo, metricText, pointTooltip, type SweepPoint, type SweepResult } from '@/charts/sweep-common.ts';
import { digestOf, digestValue } from '@/charts/sweep-digest.ts';
import { sweepLineOption } from '@/charts/sweep-line.ts';
import { colourScale } from '@/charts/sweep-heatmap.ts';
import { paletteFor } from '@/charts/palette.ts';

// Lifetime as a sweep metric: the best point is the longest-lived (unlike every other metric), a
// valid point without a lifetime (its cell gives no endurance) says so, and days take no SI prefix.

const point = (index: number, rows: number, energy_J: number | null, lifetime_days?: number | null, error?: string): SweepPoint => ({
  index,
  values: { rows },
  energy_J,
  latency_s: energy_J === null ? null : 1,
  area_m2: energy_J === null ? null : 1e-4,
  ...(lifetime_days === undefined ? {} : { lifetime_days }),
  ...(error ? { error } : {}),
});

const result = (points: SweepPoint[]): SweepResult => ({
  status: 'done',
  design: { id: 'builtin:floatpim', name: 'FloatPIM', version: 1 },
  network: { id: 'builtin:lenet5', name: 'LeNet-5' },
  elapsed_s: 0.01,
  total: points.length,
  axes: [{ key: 'rows', from: 64, to: 1024, steps: points.length, scale: 'log', unit: '1', label: 'rows' }],
  points,
  front: [0],
});

describe('lifetime as a sweep metric', () => {
  it('takes the longest lifetime as best, the first of equals, and skips points without one', () => {
    const r = result([point(0, 64, 5, 12), point(1, 128, 4, 900), point(2, 256, null, null, 'too big'), point(3, 512, 3, 900), point(4, 1024, 2, null)]);
    const d = digestOf(r);
    expect(metricInfo('lifetime').better).toBe('higher');
    expect(d.stats.lifetime).toEqual({ min: 12, max: 900, best: 1 });
    expect(d.stats.energy.best).toBe(4);
    expect(digestValue(d, 4, 'lifetime')).toBeNaN();
    expect(d.valid).toBe(4);
  });

  it('has no best point when no cell gives an endurance', () => {
    const d = digestOf(result([point(0, 64, 5, null), point(1, 128, 4, null)]));
    expect(d.stats.lifetime.best).toBe(-1);
    expect(d.valid).toBe(2);
  });

  it('writes days without a prefix and says when a valid point has no lifetime', () => {
    expect(formatMetric(1234.5, 'lifetime')).toBe('1235 days');
    expect(displayScale(1e6, 'days')).toEqual({ factor: 1, unit: 'days' });
    expect(metricText(point(0, 64, 5, null), 'lifetime')).toBe(NO_ENDURANCE);
    expect(metricText(point(0, 64, 5), 'lifetime')).toBeNull();
    expect(metricText(point(0, 64, null, null, 'x'), 'lifetime')).toBe('—');
    expect(pointTooltip(point(0, 64, 5, 412.25), result([]).axes, false).split('\n').at(-1)).toBe('Lifetime: 412.3 days');
    expect(pointTooltip(point(0, 64, 5, null), result([]).axes, false).split('\n').at(-1)).toBe(`Lifetime: ${NO_ENDURANCE}`);
  });

  it('draws lifetime against the swept value in days, and colours a heat map by it', () => {
    const r = result([point(0, 64, 5, 10), point(1, 128, 4, 1000)]);
    const option = sweepLineOption(r, 'lifetime', paletteFor('light')) as { yAxis: { name: string }; series: { data: (number | null)[][] }[] };
    expect(option.yAxis.name).toBe('Lifetime (days)');
    expect(option.series[0]!.data).toEqual([
      [64, 10, 0],
      [128, 1000, 1],
    ]);
    expect(colourScale(r, 'lifetime')).toEqual({ low: 1, high: 3, log: true });
    // The legend leaves "days" to the heading, so its labels stay clear of the plot; SI figures keep their prefixed unit.
    expect(headingUnit('lifetime')).toBe('days');
    expect(legendFigure(8.1257e-4, 'lifetime')).toBe('0.0008126');
    expect(headingUnit('energy')).toBeNull();
    expect(legendFigure(0.0078, 'energy')).toBe('7.8 mJ');
  });
});
