import { describe, expect, it } from 'vitest';
import { LAYER_PX, layerChartHeight, layerChartMinWidth, layerChartOption, type LayerRow } from '@/charts/layer-energy.ts';
import { LIGHT_PALETTE } from '@/charts/palette.ts';

const rows = (n: number): LayerRow[] => Array.from({ length: n }, (_, i) => ({ name: `layer${i}`, kind: i % 3 ? 'conv' : 'activation', energy_J: 1 + i, latency_s: 1e-3 }));
type Axis = { data: string[]; axisLabel: { interval: number; rotate: number; hideOverlap: boolean } };

describe('per-layer chart labels', () => {
  it('names every layer, upright once there are many, leaning while there are few', () => {
    for (const n of [12, 69, 175]) {
      const x = (layerChartOption(rows(n), 'energy', LIGHT_PALETTE) as { xAxis: Axis }).xAxis;
      expect(x.data).toHaveLength(n);
      expect(x.axisLabel.interval).toBe(0);
      expect(x.axisLabel.hideOverlap).toBe(false);
      expect(x.axisLabel.rotate).toBe(n > 24 ? 90 : 40);
    }
  });

  it('asks for a chart wide enough to give every name its line, and more height for upright names', () => {
    expect(LAYER_PX).toBeGreaterThanOrEqual(13);
    expect(layerChartMinWidth(69)).toBe(69 * LAYER_PX + 90);
    expect(layerChartMinWidth(175)).toBeGreaterThan(2500);
    expect(layerChartHeight(12)).toBe(300);
    expect(layerChartHeight(69)).toBeGreaterThan(300);
  });
});
