// The points of a sweep: one or two design parameters, each over a range in linear or logarithmic
// steps, every combination once (the first axis varies slowest). A sweep is an explicit generator
// of designs: the same axes always give the same points in the same order.

export interface SweepAxis {
  /** A design value's key (sim/arch/design.ts), in the unit the design stores it in. */
  readonly key: string;
  readonly from: number;
  readonly to: number;
  readonly steps: number;
  readonly scale: 'linear' | 'log';
  /** Round each value to a whole number (counts: rows, blocks, batch...). */
  readonly integer?: boolean;
}

export interface SweepPoint {
  readonly index: number;
  readonly values: Readonly<Record<string, number>>;
}

export function axisValues(axis: SweepAxis): number[] {
  const n = Math.max(1, Math.floor(axis.steps));
  const values: number[] = [];
  for (let i = 0; i < n; i += 1) {
    const f = n === 1 ? 0 : i / (n - 1);
    // Weighted ends rather than from + (to - from) f: the difference of two huge finite ends overflows.
    const raw = axis.scale === 'log' ? axis.from * (axis.to / axis.from) ** f : axis.from * (1 - f) + axis.to * f;
    values.push(axis.integer === true ? Math.round(raw) : Number(raw.toPrecision(12)));
  }
  return values;
}

export function sweepPoints(axes: readonly SweepAxis[]): SweepPoint[] {
  let combos: Record<string, number>[] = [{}];
  for (const axis of axes) {
    const values = axisValues(axis);
    combos = combos.flatMap((combo) => values.map((value) => ({ ...combo, [axis.key]: value })));
  }
  return combos.map((values, index) => ({ index, values }));
}
