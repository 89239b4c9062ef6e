import type { ExperimentSummary } from '@shared/schemas/experiment.ts';
import type { StudySubject } from './analysis.ts';

// What the studies read from the page, without the services: numbers as typed, and the pair of
// designs a picked experiment and the baseline experiment make.

/** A number as typed, or the reason it cannot be one. */
export function parseNumber(text: string, rule: { integer?: boolean; min?: number; max?: number; above?: number; below?: number }): number | string {
  const trimmed = text.trim();
  if (trimmed === '') return 'Enter a number.';
  const n = Number(trimmed);
  if (!Number.isFinite(n)) return 'Must be a number.';
  if (rule.integer && !Number.isInteger(n)) return 'Must be a whole number.';
  if (rule.above !== undefined && !(n > rule.above)) return `Must be more than ${rule.above}.`;
  if (rule.below !== undefined && !(n < rule.below)) return `Must be less than ${rule.below}.`;
  if (rule.min !== undefined && n < rule.min) return `Must be at least ${rule.min}.`;
  if (rule.max !== undefined && n > rule.max) return `Must be at most ${rule.max}.`;
  return n;
}

/** What a picked experiment says about its inputs (the list's summary of it). */
export type ExperimentInputs = Pick<ExperimentSummary, 'name' | 'design' | 'network' | 'batch'>;

/**
 * The ratio of an experiment's design to the baseline experiment's design, on the experiment's
 * network and batch, as a study subject; or why there is none.
 */
export function experimentPair(a: ExperimentInputs, b: ExperimentInputs): { subject: StudySubject } | { problem: string } {
  if (!a.design || !b.design || !a.network) return { problem: 'These experiments do not name their designs and workload by id; run them again first.' };
  if (a.design.id === b.design.id) return { problem: `Both experiments use ${a.design.name}: pick experiments of two designs to study their ratio.` };
  return { subject: { design: a.design.id, designName: a.design.name, vs: b.design.id, vsName: b.design.name, network: a.network.id, networkName: a.network.name, ...(a.batch ? { batch: a.batch } : {}) } };
}
