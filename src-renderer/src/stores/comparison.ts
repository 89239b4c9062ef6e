import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import type { DesignSummary, ReproduceOutput } from '@shared/schemas/design-api.ts';
import type { ExperimentCursor, ExperimentSummary } from '@shared/schemas/experiment.ts';
import { api } from '@/api/index.ts';
import { compareEntry, normalize, type CompareEntry, type RatioMode } from '@/charts/normalized.ts';
import { paperOnBasis } from '@/charts/paper-ratios.ts';

// The Compare page's state: the experiments to pick from, the picked ones and their baseline, and
// the paper reproduction preset. The view shown (paper or experiments) is kept here so coming back
// to the page finds it as it was left.

/** The comparison bases shown one at a time; every run computes them all at once. */
export const PAPER_BASES = ['as-modelled', 'floatpim-published', 'equal-power', 'step-count'] as const;
export type Basis = (typeof PAPER_BASES)[number];
export type CompareView = 'paper' | 'experiments';

const PAGE = 100;

/** What the paper comparison runs: the two designs (ids or names) and the batch (null: the baseline design's). */
export interface PaperInputs {
  proposed: string;
  baseline: string;
  batch: number | null;
}

/** The paper's pair, as `paper.reproduce` defaults to. */
export const PAPER_DEFAULTS: Readonly<PaperInputs> = { proposed: 'builtin:sot-mram-pim', baseline: 'builtin:floatpim', batch: null };

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export const useComparisonStore = defineStore('comparison', () => {
  const experiments = ref<ExperimentSummary[]>([]);
  const next = ref<ExperimentCursor | null>(null);
  const total = ref<number | null>(null);
  const loaded = ref(false);
  const loadError = ref<string | null>(null);

  const view = ref<CompareView>('experiments');
  const selectedIds = ref<string[]>([]);
  const baselineId = ref<string | null>(null);
  const mode = ref<RatioMode>('normalised');

  const basis = ref<Basis>('as-modelled');
  /** The comparison on every basis (`basis: all`), as the last run answered it. */
  const paperAll = ref<ReproduceOutput | null>(null);
  /** The chosen basis, with the comparison's own fields (designs, batch, targets). */
  const paper = computed<ReproduceOutput | null>(() => (paperAll.value ? paperOnBasis(paperAll.value, basis.value) : null));
  const paperRunning = ref(false);
  const paperError = ref<string | null>(null);
  const paperInputs = ref<PaperInputs>({ ...PAPER_DEFAULTS });
  /** What the comparison shown was run with (the inputs chosen since may differ). */
  const paperRanWith = ref<PaperInputs | null>(null);
  /** The PIM designs the paper comparison can choose from (built-in and saved). */
  const designs = ref<DesignSummary[]>([]);

  const entries = computed<CompareEntry[]>(() => {
    const byId = new Map(experiments.value.map((e) => [e.id, e]));
    return selectedIds.value.flatMap((id) => {
      const found = byId.get(id);
      const entry = found ? compareEntry(found) : null;
      return entry ? [entry] : [];
    });
  });
  const rows = computed(() => normalize(entries.value, baselineId.value, mode.value));

  /** Forgets picks of experiments that are gone or have no result, and keeps a baseline among the picks. */
  function tidySelection(): void {
    const usable = new Set(experiments.value.filter((e) => compareEntry(e)).map((e) => e.id));
    selectedIds.value = selectedIds.value.filter((id) => usable.has(id));
    if (!baselineId.value || !selectedIds.value.includes(baselineId.value)) baselineId.value = selectedIds.value[0] ?? null;
  }

  async function refresh(): Promise<void> {
    try {
      const page = await api.invoke('experiments.list', { limit: Math.max(PAGE, experiments.value.length) });
      experiments.value = page.items;
      next.value = page.next;
      total.value = page.total ?? null;
      loadError.value = null;
      tidySelection();
    } catch (error) {
      loadError.value = message(error);
    } finally {
      loaded.value = true;
    }
  }

  async function loadMore(): Promise<void> {
    if (!next.value) return;
    try {
      const page = await api.invoke('experiments.list', { limit: PAGE, after: next.value });
      experiments.value = [...experiments.value, ...page.items];
      next.value = page.next;
    } catch (error) {
      loadError.value = message(error);
    }
  }

  function toggle(id: string): void {
    selectedIds.value = selectedIds.value.includes(id) ? selectedIds.value.filter((s) => s !== id) : [...selectedIds.value, id];
    tidySelection();
    view.value = 'experiments';
  }

  /** Picks exactly these experiments (a link from another page), the first as baseline unless named. */
  function pick(ids: readonly string[], baseline?: string): void {
    selectedIds.value = [...new Set(ids)];
    baselineId.value = baseline ?? null;
    tidySelection();
    view.value = 'experiments';
  }

  function setBaseline(id: string): void {
    if (selectedIds.value.includes(id)) baselineId.value = id;
  }

  let paperRun = 0;
  /** Runs every basis in one job; choosing a basis afterwards only changes what is shown. */
  async function runPaper(chosen: Basis = basis.value): Promise<void> {
    basis.value = chosen;
    view.value = 'paper';
    const run = ++paperRun;
    paperRunning.value = true;
    paperError.value = null;
    try {
      const { proposed, baseline, batch } = paperInputs.value;
      const result = await api.invoke('paper.reproduce', { basis: 'all', proposed, baseline, ...(batch === null ? {} : { batch }) });
      // A later run may have started while this one ran: keep the answer to the last.
      if (run === paperRun) {
        paperAll.value = result;
        paperRanWith.value = { proposed, baseline, batch };
      }
    } catch (error) {
      if (run === paperRun) paperError.value = message(error);
    } finally {
      if (run === paperRun) paperRunning.value = false;
    }
  }

  /** Shows a kept reproduction (from History or a link): every basis it has, the one it was run on chosen. */
  async function openKept(id: string): Promise<void> {
    const run = ++paperRun;
    view.value = 'paper';
    paperError.value = null;
    paperRunning.value = true;
    try {
      const kept = await api.invoke('reproductions.get', { ref: id });
      if (run !== paperRun) return;
      const output = kept.output;
      basis.value = (PAPER_BASES as readonly string[]).includes(output.basis) ? (output.basis as Basis) : 'as-modelled';
      paperAll.value = output.bases ? output : { ...output, bases: [output] };
      paperInputs.value = { proposed: kept.inputs.proposed.id, baseline: kept.inputs.baseline.id, batch: kept.inputs.batch };
      paperRanWith.value = { ...paperInputs.value };
    } catch (error) {
      if (run === paperRun) paperError.value = `cannot open the kept reproduction ${id}: ${message(error)}`;
    } finally {
      if (run === paperRun) paperRunning.value = false;
    }
  }

  /** The paper comparison costs cells and arrays: GPUs are not offered (they compare on the experiments view). */
  async function loadDesigns(): Promise<void> {
    try {
      designs.value = (await api.invoke('designs.list', {})).items.filter((d) => d.kind !== 'gpu');
    } catch (error) {
      paperError.value = `cannot list the designs: ${message(error)}`;
    }
  }

  function showBasis(chosen: Basis): void {
    if (!paperAll.value) {
      void runPaper(chosen);
      return;
    }
    basis.value = chosen;
    view.value = 'paper';
  }

  // A design cloned or saved elsewhere becomes a choice at once.
  api.on('libraries.changed', () => {
    if (designs.value.length) void loadDesigns();
  });

  let refreshTimer: number | undefined;
  api.on('experiments.changed', () => {
    window.clearTimeout(refreshTimer);
    refreshTimer = window.setTimeout(() => void refresh(), 150);
  });

  return {
    experiments,
    next,
    total,
    loaded,
    loadError,
    view,
    selectedIds,
    baselineId,
    mode,
    basis,
    paper,
    paperAll,
    paperRunning,
    paperError,
    paperInputs,
    paperRanWith,
    designs,
    loadDesigns,
    entries,
    rows,
    refresh,
    loadMore,
    toggle,
    pick,
    setBaseline,
    runPaper,
    openKept,
    showBasis,
  };
});
