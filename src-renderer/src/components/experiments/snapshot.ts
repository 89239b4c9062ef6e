import type { Experiment } from '@shared/schemas/experiment.ts';
import type { DesignDetail } from '@shared/schemas/design-api.ts';
import { evaluationSchema, type Evaluation } from '@shared/schemas/evaluation.ts';
import { ASSUMPTION_PREFIX, provenanceOf } from '@shared/sourced.ts';
import { formatValue } from '@/charts/breakdown.ts';
import { prettyUnit } from '@/display.ts';
import { num, obj, type Json } from '@/json-read.ts';

// Reads what an experiment kept: the inputs snapshot (design, cell, network, options) and the
// evaluation. Both cross the contract as unknown JSON, and old experiments may predate today's
// shape, so everything is read defensively and a missing piece reads as null or empty.

export interface RunInputs {
  readonly designId: string;
  readonly designName: string;
  readonly designVersion: number | null;
  readonly cellName: string;
  readonly cellVersion: number | null;
  readonly networkId: string;
  readonly networkName: string;
  readonly dataset: string;
  readonly batch: number | null;
  /** The format chosen for the run; null when the design's own formats were used. */
  readonly format: string | null;
  /** The run's arithmetic mode override; null: the design's own. */
  readonly mode: string | null;
}

export interface Assumption {
  readonly library: 'design' | 'cell';
  readonly libraryName: string;
  readonly key: string;
  /** Value with its unit, ready to show. */
  readonly value: string;
  readonly reason: string;
}

function str(value: unknown, fallback = ''): string {
  return typeof value === 'string' ? value : fallback;
}

export function runInputs(snapshot: unknown): RunInputs {
  const s = obj(snapshot);
  const design = obj(s.design);
  const cell = obj(s.cell);
  const network = obj(s.network);
  const options = obj(s.options);
  return {
    designId: str(design.id),
    designName: str(design.name, 'unknown design'),
    designVersion: num(design.version),
    cellName: str(cell.name, 'unknown cell'),
    cellVersion: num(cell.version),
    networkId: str(network.id),
    networkName: str(network.name, 'unknown network'),
    dataset: str(network.dataset),
    batch: num(options.batch),
    format: typeof options.format === 'string' ? options.format : null,
    mode: typeof options.mode === 'string' ? options.mode : null,
  };
}

/** "1" is a plain count and "" a text or flag: neither is printed as a unit; others are typeset ("µm²"). */
export function valueText(value: unknown, unit: string): string {
  const shown = typeof value === 'number' ? value.toLocaleString('en-US', { maximumSignificantDigits: 6, useGrouping: false }) : String(value);
  return unit && unit !== '1' ? `${shown} ${prettyUnit(unit)}` : shown;
}

function assumptionsIn(library: 'design' | 'cell', part: Json): Assumption[] {
  const values = Array.isArray(part.values) ? part.values : [];
  return values
    .map(obj)
    .filter((v) => provenanceOf(str(v.source)) === 'assumption')
    .map((v) => ({
      library,
      libraryName: str(part.name, library),
      key: str(v.key),
      value: valueText(v.value, str(v.unit)),
      reason: str(v.source).trim().slice(ASSUMPTION_PREFIX.length).trim(),
    }));
}

/** The values the run used that are assumptions rather than citations, design first, then cell. */
export function assumptionsOf(snapshot: unknown): Assumption[] {
  const s = obj(snapshot);
  return [...assumptionsIn('design', obj(s.design)), ...assumptionsIn('cell', obj(s.cell))];
}

export function evaluationOf(experiment: Experiment): Evaluation | null {
  const parsed = evaluationSchema.safeParse(experiment.results);
  return parsed.success ? parsed.data : null;
}

/** A design's value for `key` as text; empty when the design or the value is missing. */
export function designValue(design: DesignDetail | undefined, key: string): string {
  const v = design?.values.find((x) => x.key === key)?.value;
  return v === undefined ? '' : String(v);
}

/** A figure with its unit as people read it (see formatValue): "197.1 J", "1925 mm²". */
export function si(value: number, unit: string): string {
  return formatValue(value, unit);
}

/** A plain count with a decimal prefix: 1814073344 -> "1.814 G", 61706 -> "61.71 k". */
export function count(n: number): string {
  const steps: [number, string][] = [[1e12, 'T'], [1e9, 'G'], [1e6, 'M'], [1e3, 'k']];
  const step = steps.find(([f]) => Math.abs(n) >= f);
  return step ? `${Number((n / step[0]).toPrecision(4))} ${step[1]}` : String(Number(n.toPrecision(4)));
}

/** "2024-05-01 14:03" in local time. */
export function when(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}
