// The Pareto front of sweep results: points no other point beats on both energy and latency
// (lower is better for both). Sorted by energy, a point is on the front when its latency is below
// every latency seen before it.

export interface Scored {
  readonly index: number;
  readonly energy_J: number | null;
  readonly latency_s: number | null;
}

export function paretoFront(points: readonly Scored[]): number[] {
  const valid = points.filter((p): p is Scored & { energy_J: number; latency_s: number } => p.energy_J !== null && p.latency_s !== null);
  const sorted = valid.sort((a, b) => a.energy_J - b.energy_J || a.latency_s - b.latency_s);
  const front: number[] = [];
  let best = Infinity;
  for (const p of sorted) {
    if (p.latency_s < best) {
      front.push(p.index);
      best = p.latency_s;
    }
  }
  return front;
}
