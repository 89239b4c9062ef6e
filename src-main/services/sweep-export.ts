import type { SweepHeader, SweepPointData } from '../shared/schemas/sweep.ts';

// A kept sweep as a file: JSON (its settings, the inputs it came from, every point, one a line) or
// CSV (one row a point, SI units in the column names, the front marked). Numbers are written as
// JavaScript writes them, which reads back to the same double.

export const SWEEP_FILE_FORMAT = 'pimwb-sweep';
export const SWEEP_FILE_SCHEMA_VERSION = 1;

export function fileStem(name: string, fallback: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 80) || fallback;
}

export function sweepJson(header: SweepHeader, snapshot: unknown, points: readonly SweepPointData[]): string {
  const { id: _id, pointCount: _count, ...settings } = header;
  const head = JSON.stringify({ format: SWEEP_FILE_FORMAT, schemaVersion: SWEEP_FILE_SCHEMA_VERSION, ...settings, inputs: snapshot }, null, 2);
  // One point a line: a 100,000-point file stays readable and diffable.
  const lines = points.map((p) => `    ${JSON.stringify(p)}`).join(',\n');
  return `${head.slice(0, -2)},\n  "points": [\n${lines}\n  ]\n}\n`;
}

/** A CSV field: quoted when it holds a comma, a quote or a line break. */
function field(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

function columnName(key: string, unit: string): string {
  return unit === '' || unit === '1' ? key : `${key}_${unit}`;
}

export function sweepCsv(header: SweepHeader, points: readonly SweepPointData[]): string {
  const front = new Set(header.front);
  const head = ['index', ...header.axes.map((a) => columnName(a.key, a.unit)), 'energy_J', 'latency_s', 'area_m2', 'lifetime_days', 'pareto_front', 'error'];
  const num = (v: number | null | undefined): string => (v === null || v === undefined ? '' : String(v));
  const rows = points.map((p) =>
    [String(p.index), ...header.axes.map((a) => num(p.values[a.key])), num(p.energy_J), num(p.latency_s), num(p.area_m2), num(p.lifetime_days ?? null), front.has(p.index) ? '1' : '0', field(p.error ?? '')].join(','),
  );
  return `${[head.map(field).join(','), ...rows].join('\n')}\n`;
}
