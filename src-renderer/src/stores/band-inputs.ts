import type { ExperimentSummary } from '@shared/schemas/experiment.ts';
import type { StudySubject } from './analysis.ts';
import type { Basis, PaperInputs } from './comparison.ts';
import { experimentPair, parseNumber } from './study-inputs.ts';

// What Compare's uncertainty bands are run for and with, without the services: the settings as
// typed, which picked experiments can carry a band, and what a paper band belongs to.

/** The settings as typed. */
export interface BandSettings {
  samples: string;
  seed: string;
}

export type BandField = keyof BandSettings;

/** What a picked experiment says about what it ran. */
export type BandExperiment = Pick<ExperimentSummary, 'id' | 'name' | 'design' | 'network' | 'batch'>;

/** A non-baseline picked experiment and its band's subject, or why it has none. */
export interface BandTarget {
  readonly id: string;
  readonly label: string;
  readonly subject: StudySubject | null;
  readonly problem: string | null;
}

export const PAPER_SAMPLE_MAX = 10_000;
/** Values without a range in their library are drawn within ±this percent of their value (the services' default). */
export const BAND_PERCENT = 10;
export const STUDY_SAMPLE_MAX = 65_536;

/** Samples and seed as numbers, or what is wrong with them by field. */
export function readBandSettings(settings: BandSettings, maxSamples: number): { values: { samples: number; seed: number } | null; errors: Partial<Record<BandField, string>> } {
  const samples = parseNumber(settings.samples, { integer: true, min: 16, max: maxSamples });
  const seed = parseNumber(settings.seed, { integer: true, min: 0, max: 4_294_967_295 });
  const errors: Partial<Record<BandField, string>> = {};
  if (typeof samples === 'string') errors.samples = samples;
  if (typeof seed === 'string') errors.seed = seed;
  return typeof samples === 'number' && typeof seed === 'number' ? { values: { samples, seed }, errors } : { values: null, errors };
}

/**
 * The band of an experiment against the baseline experiment: both designs by id on the network and
 * batch they ran, or why the bars cannot carry one (its bars compare runs on other workloads).
 */
export function bandTarget(a: BandExperiment, b: BandExperiment, label: string): BandTarget {
  const pair = experimentPair(a, b);
  const none = (problem: string): BandTarget => ({ id: a.id, label, subject: null, problem });
  if ('problem' in pair) return none(pair.problem);
  if (!b.network || a.network!.id !== b.network.id) return none(`it ran ${a.network!.name}, the baseline ${b.network?.name ?? 'another workload'}: a band needs both designs on one network.`);
  if ((a.batch ?? null) !== (b.batch ?? null)) return none(`it ran ${a.batch ? `batch ${a.batch}` : "its design's batch"}, the baseline ${b.batch ? `batch ${b.batch}` : "its design's batch"}: a band needs one batch.`);
  return { id: a.id, label, subject: pair.subject, problem: null };
}

export function paperBandKey(ran: PaperInputs, basis: Basis): string {
  return JSON.stringify([ran.proposed, ran.baseline, ran.batch, basis]);
}
