import { defineStore } from 'pinia';
import { reactive } from 'vue';
import type { AnalysisMetric, GoalSeekOutput, SensitivityOutput, SobolOutput, UncertaintyOutput } from '@shared/schemas/analysis.ts';
import type { Input } from '@shared/ipc/contract.ts';
import { api, ApiError } from '@/api/index.ts';
import { parseNumber } from './study-inputs.ts';

// Which value decides a result, for one experiment or a pair of designs: the tornado (one value at
// a time), Sobol indices and the uncertainty band (every value at once), and goal seek on one
// value. Studies are kept per subject, so coming back to a result finds them as they were. The
// services cannot cancel these yet: Cancel forgets the answer, and the study ends in the background.

export { experimentPair, parseNumber, type ExperimentInputs } from './study-inputs.ts';

/** What is studied: designs and network by id (or name), with the names shown. */
export interface StudySubject {
  readonly design: string;
  readonly designName: string;
  readonly network: string;
  readonly networkName: string;
  /** A second design: the metric becomes design ÷ vs. */
  readonly vs?: string;
  readonly vsName?: string;
  /** Images per step; absent: the design's own batch. */
  readonly batch?: number;
}

export function subjectKey(s: StudySubject): string {
  return JSON.stringify([s.design, s.vs ?? null, s.network, s.batch ?? null]);
}

export type StudyKind = 'sensitivity' | 'sobol' | 'uncertainty';
export type SettingsField = 'percent' | 'sobolSamples' | 'sobolSeed' | 'sobolTop' | 'uncertaintySamples' | 'uncertaintySeed';

/** The settings as typed. */
export interface StudySettings {
  metric: AnalysisMetric;
  percent: string;
  /** Tornado: move a value with a range in its library to the range's ends (the others by the services' ±10 %), rather than every value by ±percent. */
  useRanges: boolean;
  sobolSamples: string;
  sobolSeed: string;
  sobolTop: string;
  uncertaintySamples: string;
  uncertaintySeed: string;
}

/** The settings an answer was run with, to say when those chosen now differ. */
export interface RanWith {
  readonly metric: AnalysisMetric;
  readonly percent: number;
  readonly useRanges?: boolean;
}

export interface StudyTask<T> {
  running: boolean;
  /** When the run under way started (ms since the epoch). */
  startedAt: number | null;
  result: T | null;
  /** What the result shown was run with. */
  shownWith: RanWith | null;
  error: string | null;
  /** Bumped by each run and each cancel: an answer to an older run is dropped. */
  token: number;
}

/** The row goal seek works on, and its dialog's fields as typed. */
export interface GoalState {
  key: string | null;
  /** The metric of the tornado the row came from: the target is in its unit. */
  metric: AnalysisMetric;
  unit: string;
  library: string;
  value: number;
  target: string;
  low: string;
  high: string;
  fieldErrors: Partial<Record<'target' | 'low' | 'high', string>>;
  task: StudyTask<GoalSeekOutput>;
}

export type StudyTab = 'tornado' | 'sobol' | 'uncertainty';

export interface Study {
  readonly subject: StudySubject;
  /** The view of the study shown last. */
  tab: StudyTab;
  settings: StudySettings;
  fieldErrors: Partial<Record<SettingsField, string>>;
  sensitivity: StudyTask<SensitivityOutput>;
  sobol: StudyTask<SobolOutput>;
  uncertainty: StudyTask<UncertaintyOutput>;
  goal: GoalState;
}

export const DEFAULT_SETTINGS: Readonly<StudySettings> = { metric: 'energy', percent: '10', useRanges: true, sobolSamples: '1024', sobolSeed: '1', sobolTop: '15', uncertaintySamples: '1000', uncertaintySeed: '1' };

const RULES: Readonly<Record<SettingsField, Parameters<typeof parseNumber>[1]>> = {
  percent: { above: 0, below: 100 },
  sobolSamples: { integer: true, min: 16, max: 65_536 },
  sobolSeed: { integer: true, min: 0, max: 4_294_967_295 },
  sobolTop: { integer: true, min: 1, max: 200 },
  uncertaintySamples: { integer: true, min: 16, max: 65_536 },
  uncertaintySeed: { integer: true, min: 0, max: 4_294_967_295 },
};

const FIELDS_OF: Readonly<Record<StudyKind, readonly SettingsField[]>> = {
  // Read even when library ranges are used: it is the same field the other studies use.
  sensitivity: ['percent'],
  sobol: ['percent', 'sobolSamples', 'sobolSeed', 'sobolTop'],
  uncertainty: ['percent', 'uncertaintySamples', 'uncertaintySeed'],
};

/** The settings a study needs, as numbers, or what is wrong with them by field. */
export function readSettings(settings: StudySettings, kind: StudyKind): { values: Partial<Record<SettingsField, number>>; errors: Partial<Record<SettingsField, string>> } {
  const values: Partial<Record<SettingsField, number>> = {};
  const errors: Partial<Record<SettingsField, string>> = {};
  for (const field of FIELDS_OF[kind]) {
    const n = parseNumber(settings[field], RULES[field]);
    if (typeof n === 'number') values[field] = n;
    else errors[field] = n;
  }
  return { values, errors };
}

/** A failure in words: the services' message, and the fields they named when it does not say them. */
export function errorText(error: unknown): string {
  if (!(error instanceof ApiError)) return error instanceof Error ? error.message : String(error);
  const extra = error.issues.filter((i) => !error.message.includes(i.message)).map((i) => (i.path ? `${i.path}: ${i.message}` : i.message));
  return extra.length ? `${error.message} (${extra.join('; ')})` : error.message;
}

function task<T>(): StudyTask<T> {
  return { running: false, startedAt: null, result: null, shownWith: null, error: null, token: 0 };
}

function newStudy(subject: StudySubject): Study {
  return {
    subject,
    tab: 'tornado',
    settings: { ...DEFAULT_SETTINGS },
    fieldErrors: {},
    sensitivity: task(),
    sobol: task(),
    uncertainty: task(),
    goal: { key: null, metric: 'energy', unit: '', library: '', value: 0, target: '', low: '', high: '', fieldErrors: {}, task: task() },
  };
}

/** Runs `call` as the task's current run: its answer or error lands only if no later run or cancel came. */
async function runTask<T>(t: StudyTask<T>, ranWith: RanWith | null, call: () => Promise<T>): Promise<void> {
  const token = ++t.token;
  t.running = true;
  t.startedAt = Date.now();
  t.error = null;
  try {
    const result = await call();
    if (token === t.token) Object.assign(t, { result, shownWith: ranWith });
  } catch (error) {
    if (token === t.token) t.error = errorText(error);
  } finally {
    if (token === t.token) {
      t.running = false;
      t.startedAt = null;
    }
  }
}

function common(s: StudySubject, metric: AnalysisMetric): Input<'analysis.sensitivity'> {
  return { design: s.design, network: s.network, metric, ...(s.vs ? { vs: s.vs } : {}), ...(s.batch ? { batch: s.batch } : {}) };
}

export const useAnalysisStore = defineStore('analysis', () => {
  const studies = reactive(new Map<string, Study>());

  /** The study of this subject, made on first use. */
  function study(subject: StudySubject): Study {
    const key = subjectKey(subject);
    if (!studies.has(key)) studies.set(key, newStudy(subject));
    return studies.get(key)!;
  }

  /** Starts a study; false (with fieldErrors set) when the settings it needs are not valid. */
  function run(subject: StudySubject, kind: StudyKind): boolean {
    const st = study(subject);
    const { values, errors } = readSettings(st.settings, kind);
    st.fieldErrors = errors;
    if (Object.keys(errors).length) return false;
    const { metric, useRanges } = st.settings;
    const base = common(subject, metric);
    const percent = values.percent!;
    if (kind === 'sensitivity') void runTask(st.sensitivity, { metric, percent, useRanges }, () => api.invoke('analysis.sensitivity', { ...base, ...(useRanges ? {} : { percent }) }));
    else if (kind === 'sobol') void runTask(st.sobol, { metric, percent }, () => api.invoke('analysis.sobol', { ...base, percent, samples: values.sobolSamples!, seed: values.sobolSeed!, top: values.sobolTop! }));
    else void runTask(st.uncertainty, { metric, percent }, () => api.invoke('analysis.uncertainty', { ...base, percent, samples: values.uncertaintySamples!, seed: values.uncertaintySeed! }));
    return true;
  }

  /** Stops waiting for a study: its answer is dropped when it comes; the one shown before stays. */
  function cancel(subject: StudySubject, kind: StudyKind | 'goal'): void {
    const st = study(subject);
    const t = kind === 'goal' ? st.goal.task : st[kind];
    if (!t.running) return;
    t.token += 1;
    t.running = false;
    t.startedAt = null;
  }

  /** Opens goal seek on one value of the design for `metric`, with `target` proposed. */
  function openGoal(subject: StudySubject, metric: AnalysisMetric, row: { key: string; unit: string; library: string; value: number }, target: string): void {
    const g = study(subject).goal;
    const same = g.key === row.key && g.library === row.library && g.metric === metric;
    Object.assign(g, { key: row.key, metric, unit: row.unit, library: row.library, value: row.value, fieldErrors: {} });
    if (!same) Object.assign(g, { target, low: '', high: '', task: task() });
  }

  function closeGoal(subject: StudySubject): void {
    cancel(subject, 'goal');
    study(subject).goal.key = null;
  }

  /** Seeks the value that gives the target (`factor` turns the typed target into SI); false when a field is wrong. */
  function runGoal(subject: StudySubject, factor: number): boolean {
    const st = study(subject);
    const g = st.goal;
    if (!g.key) return false;
    const errors: GoalState['fieldErrors'] = {};
    const target = parseNumber(g.target, { above: 0 });
    if (typeof target === 'string') errors.target = target;
    const bound = (text: string, field: 'low' | 'high'): number | undefined => {
      if (text.trim() === '') return undefined;
      const n = parseNumber(text, { above: 0 });
      if (typeof n === 'string') errors[field] = n;
      return typeof n === 'number' ? n : undefined;
    };
    const low = bound(g.low, 'low');
    const high = bound(g.high, 'high');
    if (low !== undefined && high !== undefined && !(high > low)) errors.high = 'Must be more than the lowest value.';
    g.fieldErrors = errors;
    if (Object.keys(errors).length || typeof target !== 'number') return false;
    const input: Input<'analysis.goalSeek'> = { ...common(subject, g.metric), key: g.key, target: target * factor, ...(low !== undefined ? { low } : {}), ...(high !== undefined ? { high } : {}) };
    void runTask(g.task, null, () => api.invoke('analysis.goalSeek', input));
    return true;
  }

  return { studies, study, run, cancel, openGoal, closeGoal, runGoal };
});
