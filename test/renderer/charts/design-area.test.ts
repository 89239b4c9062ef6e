import { describe, expect, it } from 'vitest';
import { designAreaOption, designAreaParts } from '../../../src-renderer/src/charts/design-area.ts';
import { LIGHT_PALETTE } from '../../../src-renderer/src/charts/palette.ts';

describe('design area chart', () => {
  it('shows each component in mm^2 with its share of the chip', () => {
    const parts = designAreaParts({ area_m2: 40e-6, area: { cells: 30e-6, periphery: 8e-6, interconnect: 0.5e-6, controller: 1.5e-6 } });
    [0.75, 0.2, 0.0125, 0.0375].forEach((share, i) => expect(parts[i]!.share).toBeCloseTo(share, 12));
    const option = designAreaOption(parts, LIGHT_PALETTE) as { series: { data: number[] }[]; yAxis: { data: string[] } };
    expect(option.yAxis.data).toEqual(['cells', 'periphery', 'interconnect', 'controller']);
    expect(option.series[0]!.data).toEqual([30, 8, 0.5, 1.5]);
  });
});
