import type { EChartsCoreOption } from 'echarts/core';
import type { ReproduceOutput } from '@shared/schemas/design-api.ts';
import type { ExportTable } from '@/export/table.ts';
import type { ChartPalette } from './palette.ts';
import { axisType, columnUnit, METRICS, parityLine, ratioBars, ratioChartFrame, ratioLabel, type MetricKey } from './normalized.ts';

// The paper's comparison (SOT-MRAM PIM against FloatPIM): per metric, one bar per network, the
// geometric mean, and the published figure as a hollow bar beside it. Ratios are baseline ÷ proposed,
// so a bar above 1 favours the proposed design.

export const PUBLISHED_LABEL = 'Published (Wang et al.)';
export const MEAN_LABEL = 'Geometric mean';

/**
 * One basis of a comparison run on every basis, with the comparison's own fields (designs, batch,
 * targets). Its assumptions are the basis' own and those every basis shares (batch, networks, the
 * designs' assumed values), which the answer lists once at its top level. Null when that basis was not run.
 */
export function paperOnBasis(all: ReproduceOutput, basis: string): ReproduceOutput | null {
  const chosen = all.bases?.find((b) => b.basis === basis);
  if (!chosen) return null;
  const ofBases = new Set(all.bases!.flatMap((b) => b.assumptions.map((a) => a.name)));
  return { ...all, ...chosen, assumptions: [...chosen.assumptions, ...all.assumptions.filter((a) => !ofBases.has(a.name))] };
}

/** "SOT-MRAM PIM (2T2MTJ complementary, Wang et al.)" -> "SOT-MRAM PIM". */
export function shortName(name: string): string {
  return name.replace(/\s*\(.*\)\s*$/, '') || name;
}

export function paperAxisName(result: ReproduceOutput): string {
  return `${shortName(result.baseline.name)} ÷ ${shortName(result.proposed.name)}`;
}

export function paperRatiosChartOption(result: ReproduceOutput, palette: ChartPalette): EChartsCoreOption {
  const values = [...result.models.flatMap((m) => METRICS.map((x) => m.ratios[x.key])), ...METRICS.map((x) => result.targets[x.key])];
  const type = axisType(values);
  const bars = (ratios: Record<MetricKey, number>) =>
    ratioBars(
      METRICS.map((x) => ratios[x.key]),
      type,
    );
  // Colour 2 of the palette is the grey kept for baselines.
  const colours = palette.series.filter((_, i) => i !== 2);
  return {
    ...ratioChartFrame(palette, paperAxisName(result), type),
    series: [
      ...result.models.map((m, i) => ({ name: m.network, type: 'bar', barMaxWidth: 22, itemStyle: { color: colours[i % colours.length] }, data: bars(m.ratios) })),
      { name: MEAN_LABEL, type: 'bar', barMaxWidth: 22, itemStyle: { color: palette.highlight }, label: ratioLabel(palette.text), data: bars(result.average), markLine: parityLine(palette) },
      {
        name: PUBLISHED_LABEL,
        type: 'bar',
        barMaxWidth: 22,
        itemStyle: { color: 'transparent', borderColor: palette.text, borderWidth: 1.5, borderType: 'dashed' },
        label: ratioLabel(palette.text),
        data: bars(result.targets),
      },
    ],
  };
}

/** The per-network table of the paper preset, with the geometric mean and the published figures. */
export function paperTable(result: ReproduceOutput): ExportTable {
  // On the step-count basis energies and latencies are counts of steps, not joules and seconds.
  const counted = (m: (typeof METRICS)[number]): boolean => result.figuresIn === 'steps' && m.key !== 'area';
  const units = METRICS.map((m) =>
    counted(m) ? { unit: m.key === 'energy' ? 'lane-steps' : 'steps', factor: 1 } : columnUnit(result.models.flatMap((r) => [r.proposed[m.field], r.baseline[m.field]]), m.unit),
  );
  const proposed = shortName(result.proposed.name);
  const baseline = shortName(result.baseline.name);
  const summary = (name: string, ratios: Record<'energy' | 'latency' | 'area', number>) => [name, ...METRICS.flatMap((m) => [null, null, ratios[m.key]])];
  return {
    title: `Paper reproduction, ${result.basis}`,
    caption: `One training step (batch ${result.batch}) of ${proposed} (proposed) and ${baseline} (baseline), basis ${result.basis}; ratios are ${baseline} ÷ ${proposed}, means are geometric.`,
    columns: [
      { label: 'Network' },
      ...METRICS.flatMap((m, i) => [
        { group: m.label, label: 'proposed', unit: units[i]!.unit, digits: 4 },
        { group: m.label, label: 'baseline', unit: units[i]!.unit, digits: 4 },
        { group: m.label, label: 'ratio', unit: '×', digits: 3 },
      ]),
    ],
    rows: result.models.map((r) => [r.network, ...METRICS.flatMap((m, i) => [r.proposed[m.field] / units[i]!.factor, r.baseline[m.field] / units[i]!.factor, r.ratios[m.key]])]),
    footer: [summary(MEAN_LABEL, result.average), summary(PUBLISHED_LABEL, result.targets)],
  };
}
