import { displaySI, prettyUnit } from '@/display.ts';
import { num, obj, textOrNull } from '@/json-read.ts';
import type { HistoryKind, ReproductionSummary, SweepSummary } from '@shared/schemas/history.ts';

// How History shows figures, settings and times: SI prefixes and typeset units on every figure,
// 4 significant digits, local dates to the minute.

/** "1.234 mJ", "199 µs", "30 mm²"; a dash when there is no figure. */
export function si(value: number | null | undefined, unit: string): string {
  return typeof value === 'number' ? displaySI(value, unit) : '—';
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** 2026-03-12 14:05 in the user's time zone. */
export function localTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** A signed relative change: +12.5 %, −0.0001 %. */
export function percent(relative: number | null): string {
  if (relative === null) return 'n/a';
  const value = Number((relative * 100).toPrecision(3));
  return `${value > 0 ? '+' : value < 0 ? '−' : ''}${Math.abs(value)} %`;
}

export interface StoredRun {
  /** The design's values say `kind: gpu`. */
  readonly gpu: boolean;
  readonly design: string | null;
  readonly designVersion: number | null;
  readonly cell: string | null;
  readonly cellVersion: number | null;
  readonly network: string | null;
  readonly dataset: string | null;
  readonly batch: number | null;
  readonly format: string | null;
  /** The run's arithmetic mode override; null: the design's own. */
  readonly mode: string | null;
  readonly energy_J: number | null;
  readonly latency_s: number | null;
  readonly area_m2: number | null;
  readonly power_W: number | null;
}

/** What an experiment kept, read defensively: snapshots and results cross the contract as plain JSON. */
export function storedRun(inputSnapshot: unknown, results: unknown): StoredRun {
  const snapshot = obj(inputSnapshot);
  const design = obj(snapshot.design);
  const cell = obj(snapshot.cell);
  const network = obj(snapshot.network);
  const options = obj(snapshot.options);
  const r = obj(results);
  const values = Array.isArray(design.values) ? design.values.map(obj) : [];
  return {
    gpu: values.some((v) => v.key === 'kind' && v.value === 'gpu'),
    design: textOrNull(design.name),
    designVersion: num(design.version),
    cell: textOrNull(cell.name),
    cellVersion: num(cell.version),
    network: textOrNull(network.name),
    dataset: textOrNull(network.dataset),
    batch: num(options.batch),
    format: textOrNull(options.format),
    mode: textOrNull(options.mode),
    energy_J: num(r.energy_J),
    latency_s: num(r.latency_s),
    area_m2: num(r.area_m2),
    power_W: num(r.power_W),
  };
}

export const KIND_LABELS: Record<HistoryKind, { one: string; many: string }> = {
  experiment: { one: 'Run', many: 'experiments' },
  sweep: { one: 'Sweep', many: 'sweeps' },
  reproduction: { one: 'Paper', many: 'paper reproductions' },
};

const count = (n: number): string => n.toLocaleString('en-US');
const short = (v: number): string => String(Number(v.toPrecision(4)));

/** "rows 64–4096 (log, 316 steps)" */
export function axisSetting(axis: SweepSummary['axes'][number]): string {
  const unit = axis.unit && axis.unit !== '1' ? ` ${prettyUnit(axis.unit)}` : '';
  return `${axis.key} ${short(axis.from)}–${short(axis.to)}${unit} (${axis.scale === 'log' ? 'log, ' : ''}${count(axis.steps)} steps)`;
}

/** What sets a sweep apart in one line: "rows × cols · 99,856 points · front 14". */
export function sweepSettings(item: SweepSummary): string {
  const points = item.pointCount === item.total ? `${count(item.total)} points` : `${count(item.pointCount)} of ${count(item.total)} points`;
  return `${item.axes.map((a) => a.key).join(' × ')} · ${points} · front ${count(item.frontCount)}`;
}

/** A ratio as the paper writes it: "3.1×". */
export function ratio(value: number): string {
  return `${Number(value.toPrecision(3))}×`;
}

/** What a reproduction found in one line: "energy 3.1×, latency 1.7×, area 2.4× · all bases". */
export function reproductionSettings(item: ReproductionSummary): string {
  const basis = item.basis === 'all' ? 'all bases' : item.basis;
  if (!item.average) return basis;
  return `energy ${ratio(item.average.energy)}, latency ${ratio(item.average.latency)}, area ${ratio(item.average.area)} · ${basis}`;
}
