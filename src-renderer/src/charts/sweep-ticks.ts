// Tick values a reader takes in at a glance: 1, 2 or 5 times a power of ten on a linear axis;
// powers of ten with 2 and 5 (or every digit) between them on a logarithmic one; powers of two for
// counts that double (rows, columns). Sweeps step through odd values (83.63, 2117...): the ticks
// never use them, only the range they span.

/** About this many ticks per axis. */
const TARGET = 6;

/** Drops the binary noise of k * step (0.30000000000000004). */
function clean(value: number): number {
  return Number(value.toPrecision(12));
}

export function linearTicks(min: number, max: number, target = TARGET): number[] {
  if (!(max > min) || !Number.isFinite(min) || !Number.isFinite(max)) return Number.isFinite(min) ? [clean(min)] : [];
  const raw = (max - min) / target;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * magnitude).find((s) => s >= raw * 0.999) ?? 10 * magnitude;
  const ticks: number[] = [];
  const end = max + step * 1e-9;
  for (let k = Math.ceil(min / step - 1e-9); k * step <= end; k += 1) ticks.push(clean(k * step));
  return ticks;
}

/** Mantissas per decade, from sparse to dense. */
const LOG_MANTISSAS = [[1], [1, 3], [1, 2, 5], [1, 2, 3, 5, 7], [1, 2, 3, 4, 5, 6, 7, 8, 9]];

function ticksWith(mantissas: readonly number[], min: number, max: number): number[] {
  const ticks: number[] = [];
  for (let e = Math.floor(Math.log10(min)) - 1; e <= Math.ceil(Math.log10(max)); e += 1) {
    for (const m of mantissas) {
      const v = clean(m * 10 ** e);
      if (v >= min * (1 - 1e-9) && v <= max * (1 + 1e-9)) ticks.push(v);
    }
  }
  return ticks;
}

export function logTicks(min: number, max: number, target = TARGET): number[] {
  if (!(min > 0) || !(max > min)) return min > 0 ? [clean(min)] : [];
  // The set whose count comes closest to the target (the sparser one on a tie).
  let best: number[] = [];
  for (const mantissas of LOG_MANTISSAS) {
    const ticks = ticksWith(mantissas, min, max);
    if (best.length === 0 || Math.abs(ticks.length - target) < Math.abs(best.length - target)) best = ticks;
  }
  // Less than a decade wide even with every digit: the linear choice reads better there.
  if (best.length < 3) return linearTicks(min, max, target);
  const every = Math.ceil(best.length / (2 * target));
  return every > 1 ? best.filter((_, i) => i % every === 0) : best;
}

export function powerOfTwoTicks(min: number, max: number): number[] {
  const ticks: number[] = [];
  for (let e = Math.ceil(Math.log2(min) - 1e-9); 2 ** e <= max * (1 + 1e-9); e += 1) ticks.push(2 ** e);
  return ticks;
}

/** The ticks of a swept parameter's axis over [min, max]; `counts` for whole-number values. */
export function axisTicks(min: number, max: number, scale: string, counts = false): number[] {
  if (scale !== 'log' || !(min > 0)) return linearTicks(min, max);
  if (counts && min >= 1) {
    const twos = powerOfTwoTicks(min, max);
    if (twos.length >= 3 && twos.length <= 2 * TARGET) return twos;
  }
  return logTicks(min, max);
}

/** A tick's label: at most 4 significant digits, exponent form only for the very large or small. */
export function tickLabel(value: number): string {
  const shown = Number(value.toPrecision(4));
  const magnitude = Math.abs(shown);
  return magnitude !== 0 && (magnitude >= 1e6 || magnitude < 1e-3) ? shown.toExponential().replace('e+', 'e') : String(shown);
}
