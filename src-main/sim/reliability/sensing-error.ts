import { fractionBelow } from './grid.ts';
import { probabilityBelow } from './normal.ts';
import { binomialWeights, expectOnSum, type ConductanceSum } from './conductance-sum.ts';
import { conductanceAtVoltage, senseVoltage, type Comparator, type SenseCircuit } from './sense-circuit.ts';

// Error probability of a multi-row sense (read, AND, OR, XOR, MAJ, search): for each count of
// low-resistance cells, the exact law of their summed conductance (conductance-sum.ts), and for
// each grid point the closed-form probability that the Gaussian comparator noise (offset and
// reference spread) flips the output bit.

/** Probability that comparator `k` decides against the truth for a node at conductance `s` (its bin [low, high]). */
function comparatorWrong(c: SenseCircuit, k: Comparator, ones: number, s: number, low: number, high: number): number {
  const shouldTrip = ones > k.boundary;
  if (k.noise_V > 0) {
    const v = senseVoltage(c, s);
    return shouldTrip ? probabilityBelow(v - k.reference_V, k.noise_V) : probabilityBelow(k.reference_V - v, k.noise_V);
  }
  // Noise-free: the comparator trips above a fixed conductance; the bin's share beyond it is wrong.
  const below = fractionBelow(low, high, conductanceAtVoltage(c, k.reference_V));
  return shouldTrip ? below : 1 - below;
}

/** Probability that the output bit (the parity of the comparators) is wrong, for one node value. */
function outputWrong(c: SenseCircuit, ks: readonly Comparator[], ones: number, s: number, low: number, high: number): number {
  if (ks.length === 1) return comparatorWrong(c, ks[0]!, ones, s, low, high);
  let product = 1;
  for (const k of ks) product *= 1 - 2 * comparatorWrong(c, k, ones, s, low, high);
  return (1 - product) / 2;
}

/** The conductances at which the comparators trip, where the sums need resolving. */
export function tripConductances(c: SenseCircuit, ks: readonly Comparator[]): number[] {
  return ks.map((k) => conductanceAtVoltage(c, k.reference_V));
}

/** Error probability of one sense primitive, averaged over random data. */
export function senseError(c: SenseCircuit, ks: readonly Comparator[], sums: (ones: number) => ConductanceSum): number {
  let total = 0;
  binomialWeights(c.rows).forEach((weight, ones) => {
    total += weight * expectOnSum(sums(ones), (s, low, high) => outputWrong(c, ks, ones, s, low, high));
  });
  return total;
}
