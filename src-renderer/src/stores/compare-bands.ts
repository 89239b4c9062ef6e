import { defineStore } from 'pinia';
import { computed, reactive, ref } from 'vue';
import type { PaperBandsOutput, UncertaintyOutput } from '@shared/schemas/analysis.ts';
import { api } from '@/api/index.ts';
import { METRICS, type MetricBands, type MetricKey } from '@/charts/normalized.ts';
import { errorText, subjectKey, type StudySubject } from './analysis.ts';
import { PAPER_BASES, useComparisonStore, type Basis } from './comparison.ts';
import { BAND_PERCENT, bandTarget, PAPER_SAMPLE_MAX, paperBandKey, readBandSettings, STUDY_SAMPLE_MAX, type BandField, type BandSettings, type BandTarget } from './band-inputs.ts';

// The uncertainty bands (P5 to P95) Compare draws as error bars: of the paper reproduction's
// geometric means, per basis, and of each picked experiment's ratios to the baseline. A band
// belongs to what it was run for (designs, batch, basis or network), so it is kept by that and
// shown only with it. The services cannot cancel these: Cancel drops the answer when it comes.

export { BAND_PERCENT };

export interface BandTask {
  running: boolean;
  startedAt: number | null;
  error: string | null;
  /** Bumped by each run and each cancel: an answer to an older run is dropped. */
  token: number;
  /** Studies answered and asked for in the run under way. */
  done: number;
  total: number;
}

/** The three bands of one experiment against the baseline, with what they were drawn with. */
export interface ExperimentBand {
  readonly subject: StudySubject;
  readonly metrics: Readonly<Record<MetricKey, UncertaintyOutput>>;
}

function newTask(): BandTask {
  return { running: false, startedAt: null, error: null, token: 0, done: 0, total: 0 };
}

function start(t: BandTask, total: number): number {
  Object.assign(t, { running: true, startedAt: Date.now(), error: null, done: 0, total });
  return ++t.token;
}

function stop(t: BandTask): void {
  if (!t.running) return;
  t.token += 1;
  Object.assign(t, { running: false, startedAt: null });
}

export const useCompareBandsStore = defineStore('compareBands', () => {
  const comparison = useComparisonStore();

  // The paper reproduction's geometric means.
  const paperSettings = reactive<BandSettings>({ samples: '300', seed: '1' });
  const paperErrors = ref<Partial<Record<BandField, string>>>({});
  const paperTask = reactive<BandTask>(newTask());
  /** The basis the run under way samples. */
  const paperRunBasis = ref<Basis | null>(null);
  const paperBands = reactive(new Map<string, PaperBandsOutput>());
  const paperHidden = ref(false);

  /** The band of the comparison shown, on the basis chosen (null: none run for them). */
  const paperBand = computed<PaperBandsOutput | null>(() => {
    const ran = comparison.paperRanWith;
    return ran && comparison.paper ? (paperBands.get(paperBandKey(ran, comparison.basis)) ?? null) : null;
  });
  /** The other bases the comparison shown has a band on. */
  const paperBandBases = computed<Basis[]>(() => {
    const ran = comparison.paperRanWith;
    return ran ? PAPER_BASES.filter((b) => b !== comparison.basis && paperBands.has(paperBandKey(ran, b))) : [];
  });

  /** Samples the band of the comparison shown on the basis chosen; false when a setting is wrong. */
  function runPaper(): boolean {
    const { values, errors } = readBandSettings(paperSettings, PAPER_SAMPLE_MAX);
    paperErrors.value = errors;
    const ran = comparison.paperRanWith;
    if (!values || !ran) return false;
    const basis = comparison.basis;
    const key = paperBandKey(ran, basis);
    const token = start(paperTask, 1);
    paperRunBasis.value = basis;
    paperHidden.value = false;
    const input = { proposed: ran.proposed, baseline: ran.baseline, basis, ...(ran.batch === null ? {} : { batch: ran.batch }), samples: values.samples, seed: values.seed, percent: BAND_PERCENT };
    void api
      .invoke('analysis.paperBands', input)
      .then((result) => {
        if (token === paperTask.token) paperBands.set(key, result);
      })
      .catch((error: unknown) => {
        if (token === paperTask.token) paperTask.error = errorText(error);
      })
      .finally(() => {
        if (token === paperTask.token) Object.assign(paperTask, { running: false, startedAt: null, done: 1 });
      });
    return true;
  }

  // Picked experiments against the baseline.
  const experimentSettings = reactive<BandSettings>({ samples: '300', seed: '1' });
  const experimentErrors = ref<Partial<Record<BandField, string>>>({});
  const experimentTask = reactive<BandTask>(newTask());
  const experimentBands = reactive(new Map<string, ExperimentBand>());
  /** Bands are drawn once asked for, until hidden. */
  const experimentsShown = ref(false);

  const targets = computed<BandTarget[]>(() => {
    const byId = new Map(comparison.experiments.map((e) => [e.id, e]));
    const base = comparison.rows.find((r) => r.isBaseline);
    const b = base ? byId.get(base.entry.id) : undefined;
    if (!b) return [];
    return comparison.rows.flatMap((r) => {
      const a = byId.get(r.entry.id);
      return r.isBaseline || !a ? [] : [bandTarget(a, b, r.label)];
    });
  });

  /** The bands drawn, by experiment id (value ÷ baseline). */
  const experimentBandsShown = computed<Map<string, MetricBands>>(() => {
    const out = new Map<string, MetricBands>();
    if (!experimentsShown.value) return out;
    for (const t of targets.value) {
      const band = t.subject ? experimentBands.get(subjectKey(t.subject)) : undefined;
      if (band) out.set(t.id, Object.fromEntries(METRICS.map((m) => [m.key, { p5: band.metrics[m.key].p5, p95: band.metrics[m.key].p95 }])));
    }
    return out;
  });

  /** Samples energy, latency and area of each picked experiment that can carry a band; false when a setting is wrong or none can. */
  function runExperiments(): boolean {
    const { values, errors } = readBandSettings(experimentSettings, STUDY_SAMPLE_MAX);
    experimentErrors.value = errors;
    const subjects = [...new Map(targets.value.flatMap((t) => (t.subject ? [[subjectKey(t.subject), t.subject] as const] : []))).values()];
    if (!values || subjects.length === 0) return false;
    const token = start(experimentTask, subjects.length * METRICS.length);
    experimentsShown.value = true;
    const one = async (subject: StudySubject, metric: MetricKey): Promise<UncertaintyOutput> => {
      const result = await api.invoke('analysis.uncertainty', {
        design: subject.design,
        vs: subject.vs!,
        network: subject.network,
        metric,
        ...(subject.batch ? { batch: subject.batch } : {}),
        samples: values.samples,
        seed: values.seed,
        percent: BAND_PERCENT,
      });
      if (token === experimentTask.token) experimentTask.done += 1;
      return result;
    };
    const runs = subjects.map(async (subject) => {
      try {
        const answers = await Promise.all(METRICS.map((m) => one(subject, m.key)));
        if (token !== experimentTask.token) return;
        experimentBands.set(subjectKey(subject), { subject, metrics: Object.fromEntries(METRICS.map((m, i) => [m.key, answers[i]!])) as Record<MetricKey, UncertaintyOutput> });
      } catch (error) {
        if (token === experimentTask.token) experimentTask.error = `${subject.designName} ÷ ${subject.vsName ?? subject.vs}: ${errorText(error)}`;
      }
    });
    void Promise.all(runs).finally(() => {
      if (token === experimentTask.token) Object.assign(experimentTask, { running: false, startedAt: null });
    });
    return true;
  }

  /** Stops waiting: the answers are dropped when they come; bands shown before stay. */
  function cancel(which: 'paper' | 'experiments'): void {
    stop(which === 'paper' ? paperTask : experimentTask);
  }

  // A design saved, deleted or imported over changes what its bands were drawn from.
  api.on('libraries.changed', (event) => {
    if (event.reason === 'created' || event.reason === 'renamed') return;
    paperBands.clear();
    experimentBands.clear();
  });

  return {
    paperSettings,
    paperErrors,
    paperTask,
    paperRunBasis,
    paperBands,
    paperBand,
    paperBandBases,
    paperHidden,
    runPaper,
    experimentSettings,
    experimentErrors,
    experimentTask,
    experimentBands,
    experimentsShown,
    targets,
    experimentBandsShown,
    runExperiments,
    cancel,
  };
});
