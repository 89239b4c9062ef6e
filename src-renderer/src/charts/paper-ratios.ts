import type { EChartsCoreOption } from 'echarts/core';
import type { ReproduceOutput } from '@shared/schemas/design-api.ts';
import type { PaperBandsOutput } from '@shared/schemas/analysis.ts';
import type { ExportTable } from '@/export/table.ts';
import type { ChartPalette } from './palette.ts';
import {
  axisType,
  bandTooltip,
  columnUnit,
  errorBarSeries,
  labelEnd,
  legendWithBand,
  METRICS,
  parityLine,
  ratioBars,
  ratioChartFrame,
  ratioLabel,
  type ErrorBarItem,
  type MetricBands,
  type MetricKey,
} from './normalized.ts';

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

/**
 * The ratios per network, their geometric mean and the published figure. `band` (the uncertainty
 * study of the geometric means on this basis) adds error bars from P5 to P95 to the mean's bars.
 */
export function paperRatiosChartOption(result: ReproduceOutput, palette: ChartPalette, band?: MetricBands | null): EChartsCoreOption {
  const bands = METRICS.map((x) => band?.[x.key]);
  const values = [
    ...result.models.flatMap((m) => METRICS.map((x) => m.ratios[x.key])),
    ...METRICS.map((x) => result.targets[x.key]),
    ...bands.flatMap((b) => (b ? [b.p5, b.p95] : [])),
  ];
  const type = axisType(values);
  const bars = (ratios: Record<MetricKey, number>, banded: readonly boolean[] = []) =>
    ratioBars(
      METRICS.map((x) => ratios[x.key]),
      type,
      banded,
    );
  // Colour 2 of the palette is the grey kept for baselines.
  const colours = palette.series.filter((_, i) => i !== 2);
  const mean = result.models.length;
  const series: Record<string, unknown>[] = [
    ...result.models.map((m, i) => ({ name: m.network, type: 'bar', barMaxWidth: 22, itemStyle: { color: colours[i % colours.length] }, data: bars(m.ratios) })),
    {
      name: MEAN_LABEL,
      type: 'bar',
      barMaxWidth: 22,
      itemStyle: { color: palette.highlight },
      label: ratioLabel(palette.text),
      data: bars(
        result.average,
        bands.map((b) => !!b),
      ),
      markLine: parityLine(palette),
      ...(bands.some((b) => b) ? { tooltip: bandTooltip(bands) } : {}),
    },
    {
      name: PUBLISHED_LABEL,
      type: 'bar',
      barMaxWidth: 22,
      itemStyle: { color: 'transparent', borderColor: palette.text, borderWidth: 1.5, borderType: 'dashed' },
      label: ratioLabel(palette.text),
      data: bars(result.targets),
    },
  ];
  const frame = ratioChartFrame(palette, paperAxisName(result), type);
  const items: ErrorBarItem[] = METRICS.flatMap((x, c) => {
    const b = bands[c];
    return b ? [{ category: c, bar: mean, band: b, value: result.average[x.key], label: labelEnd(result.average[x.key], type) }] : [];
  });
  if (items.length === 0) return { ...frame, series };
  // The bars take ECharts' default gap; the error bars must find them where ECharts puts them.
  const slots = { count: series.length, barMaxWidth: 22, barGap: '10%' };
  return {
    ...frame,
    legend: { ...(frame.legend as object), data: legendWithBand(series.map((x) => x.name as string)) },
    series: [...series, errorBarSeries(items, slots, palette)],
  };
}

/** The bands of the geometric means as the chart takes them. */
export function paperBandsByMetric(bands: PaperBandsOutput): MetricBands {
  return Object.fromEntries(bands.metrics.map((m) => [m.metric, { p5: m.p5, p95: m.p95 }]));
}

/** True when the band's modelled ratios are not the bars' geometric means (the designs changed since the bars were run). */
export function bandOffBars(result: ReproduceOutput, bands: PaperBandsOutput): boolean {
  return bands.metrics.some((m) => Math.abs(m.modelled / result.average[m.metric] - 1) > 0.005);
}

/** "inside the band" or "outside the band". */
export function claimVerdict(inside: boolean): string {
  return inside ? 'inside the band' : 'outside the band';
}

/** Which published claims the band holds, in one sentence. */
export function claimsSentence(bands: PaperBandsOutput): string {
  const inside = bands.metrics.filter((m) => m.inside).map((m) => m.metric);
  const outside = bands.metrics.filter((m) => !m.inside).map((m) => m.metric);
  const list = (names: readonly string[]): string => (names.length < 2 ? names.join('') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`);
  if (outside.length === 0) return `Every published claim (${list(inside)}) falls inside the band.`;
  if (inside.length === 0) return `No published claim falls inside the band: ${list(outside)} ${outside.length === 1 ? 'falls' : 'all fall'} outside it.`;
  return `The ${list(inside)} claim${inside.length === 1 ? ' falls' : 's fall'} inside the band; the ${list(outside)} claim${outside.length === 1 ? ' falls' : 's fall'} outside it.`;
}

/** How the band was drawn: draws used and refused, values drawn on an assumed ±percent, seed. */
export function drawsSentence(bands: PaperBandsOutput): string {
  const drawn = bands.samples + bands.refused;
  const refused = bands.refused ? `; the simulator refused ${bands.refused} of ${drawn} draws, left out` : '';
  return `${bands.samples} draws of ${bands.parameters} values at once (${bands.assumed} of them within an assumed ±${bands.percent} %, where the library gives no range)${refused}. Seed ${bands.seed}.`;
}

/** The published claims against the band, one row per metric, as shown and exported. */
export function paperClaimsTable(result: ReproduceOutput, bands: PaperBandsOutput): ExportTable {
  const label = (metric: string): string => METRICS.find((m) => m.key === metric)?.label ?? metric;
  return {
    title: `Published claims against the uncertainty band, ${bands.basis}`,
    caption: `Geometric means over the four networks of ${paperAxisName(result)}, basis ${bands.basis}; the band runs from the 5th to the 95th percentile of ${bands.samples} draws (seed ${bands.seed}${bands.refused ? `, ${bands.refused} refused` : ''}).`,
    columns: [{ label: 'Metric' }, { label: 'modelled', unit: '×', digits: 3 }, { label: 'P5', unit: '×', digits: 3 }, { label: 'P95', unit: '×', digits: 3 }, { label: 'published', unit: '×', digits: 3 }, { label: 'Claim' }],
    rows: bands.metrics.map((m) => [label(m.metric), m.modelled, m.p5, m.p95, m.published, claimVerdict(m.inside)]),
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
