import { defineStore } from 'pinia';
import { computed, reactive, ref, watch } from 'vue';
import type { DesignDetail, DesignSummary } from '@shared/schemas/design-api.ts';
import type { Experiment, ExperimentCursor, ExperimentSummary } from '@shared/schemas/experiment.ts';
import type { Input } from '@shared/ipc/contract.ts';
import { api, ApiError } from '@/api/index.ts';

// Experiments as the Experiments page sees them: the designs to choose from, the run form, the
// queue of runs started from it (one worker job each, one after another, cancellable between
// runs), the recent experiments and the one being looked at. The queue lives here, not in the
// page, so runs go on while the user opens a finished result.

export type RunField = 'designs' | 'network' | 'batch' | 'format' | 'mode';
export type RunStatus = 'waiting' | 'running' | 'done' | 'failed' | 'cancelled';

export interface RunItem {
  readonly designId: string;
  readonly designName: string;
  status: RunStatus;
  experimentId?: string | null;
  energy_J?: number;
  latency_s?: number;
  power_W?: number;
  error?: string;
}

export interface RunForm {
  designIds: string[];
  networkId: string;
  /** As typed: empty means each design's own batch. */
  batch: string;
  /** Empty means each design's own formats. */
  format: string;
  /** Empty means each design's own arithmetic mode. */
  mode: string;
}

/** What is wrong with the form, by field; empty when it can run. */
export function validateRunForm(form: RunForm): Partial<Record<RunField, string>> {
  const errors: Partial<Record<RunField, string>> = {};
  if (form.designIds.length === 0) errors.designs = 'Choose at least one design.';
  if (!form.networkId) errors.network = 'Choose a workload.';
  const batch = form.batch.trim();
  if (batch !== '') {
    const n = Number(batch);
    if (!Number.isInteger(n)) errors.batch = 'Must be a whole number of images.';
    else if (n < 1 || n > 65_536) errors.batch = 'Must be between 1 and 65536.';
  }
  return errors;
}

/** The form field a failed run points at, when the services named one that is not the design. */
function fieldOf(error: unknown): RunField | null {
  if (!(error instanceof ApiError)) return null;
  for (const field of ['network', 'batch', 'format', 'mode'] as const) if (error.issues.some((i) => i.path === field || i.path.startsWith(`${field}.`))) return field;
  return null;
}

const RECENT_PAGE = 25;

export const useExperimentsStore = defineStore('experiments', () => {
  const designs = ref<DesignSummary[]>([]);
  const designDetails = ref<Record<string, DesignDetail>>({});
  const designsError = ref<string | null>(null);
  const form = reactive<RunForm>({ designIds: [], networkId: '', batch: '', format: '', mode: '' });
  const fieldErrors = ref<Partial<Record<RunField, string>>>({});
  // Once problems are shown, each edit re-checks them, so a fixed field loses its message at once.
  watch(form, () => {
    if (Object.keys(fieldErrors.value).length) fieldErrors.value = validateRunForm(form);
  });

  const queue = ref<RunItem[]>([]);
  const queueInputs = ref<{ networkId: string; batch: number | null; format: string | null; mode: string | null } | null>(null);
  const running = ref(false);
  const cancelRequested = ref(false);
  const finished = computed(() => queue.value.filter((r) => r.status === 'done' || r.status === 'failed').length);

  const recent = ref<ExperimentSummary[]>([]);
  const recentNext = ref<ExperimentCursor | null>(null);
  const recentTotal = ref<number | null>(null);
  const recentLoaded = ref(false);
  const recentError = ref<string | null>(null);

  const current = ref<Experiment | null>(null);
  const currentError = ref<string | null>(null);

  async function loadDesigns(): Promise<void> {
    try {
      designs.value = (await api.invoke('designs.list', {})).items;
      designsError.value = null;
      // Details give each design's mode, formats and batch; one that cannot be read still lists.
      const details = await Promise.allSettled(designs.value.map((d) => api.invoke('designs.get', { ref: d.id })));
      designDetails.value = Object.fromEntries(details.flatMap((d) => (d.status === 'fulfilled' ? [[d.value.id, d.value]] : [])));
    } catch (error) {
      designsError.value = error instanceof Error ? error.message : String(error);
    }
    form.designIds = form.designIds.filter((id) => designs.value.some((d) => d.id === id));
  }

  async function refreshRecent(): Promise<void> {
    try {
      const page = await api.invoke('experiments.list', { limit: Math.max(RECENT_PAGE, recent.value.length) });
      recent.value = page.items;
      recentNext.value = page.next;
      recentTotal.value = page.total ?? null;
      recentError.value = null;
    } catch (error) {
      recentError.value = error instanceof Error ? error.message : String(error);
    } finally {
      recentLoaded.value = true;
    }
  }

  async function loadMoreRecent(): Promise<void> {
    if (!recentNext.value) return;
    const page = await api.invoke('experiments.list', { limit: RECENT_PAGE, after: recentNext.value });
    recent.value = [...recent.value, ...page.items];
    recentNext.value = page.next;
  }

  async function runOne(item: RunItem, input: Omit<Input<'experiments.run'>, 'design'>): Promise<RunField | null> {
    item.status = 'running';
    try {
      const out = await api.invoke('experiments.run', { ...input, design: item.designId });
      Object.assign(item, { status: 'done', experimentId: out.experimentId, energy_J: out.result.energy_J, latency_s: out.result.latency_s, power_W: out.result.power_W });
      return null;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      Object.assign(item, { status: 'failed', error: message });
      const field = fieldOf(error);
      if (field) fieldErrors.value = { ...fieldErrors.value, [field]: message };
      return field;
    }
  }

  /** Runs the chosen designs one after another; false when the form has problems (see fieldErrors). */
  async function runAll(): Promise<boolean> {
    if (running.value) return false;
    fieldErrors.value = validateRunForm(form);
    if (Object.keys(fieldErrors.value).length > 0) return false;
    const names = new Map(designs.value.map((d) => [d.id, d.name]));
    // The inputs are fixed when the queue starts: editing the form meanwhile prepares the next one.
    const input = {
      network: form.networkId,
      batch: form.batch.trim() === '' ? undefined : Number(form.batch),
      format: (form.format || undefined) as Input<'experiments.run'>['format'],
      mode: (form.mode || undefined) as Input<'experiments.run'>['mode'],
    };
    queueInputs.value = { networkId: input.network, batch: input.batch ?? null, format: input.format ?? null, mode: input.mode ?? null };
    queue.value = form.designIds.map((id) => ({ designId: id, designName: names.get(id) ?? id, status: 'waiting' }));
    running.value = true;
    cancelRequested.value = false;
    let stop = false;
    for (const item of queue.value) {
      // A problem with the workload, batch or format would fail every run the same way.
      if (stop || cancelRequested.value) item.status = 'cancelled';
      else stop = (await runOne(item, input)) !== null;
    }
    // The list shows the new experiments by the time the queue reads as finished.
    await refreshRecent();
    running.value = false;
    return true;
  }

  /** Stops before the next run; the one under way finishes and is kept. */
  function cancel(): void {
    if (running.value) cancelRequested.value = true;
  }

  function clearQueue(): void {
    if (!running.value) queue.value = [];
  }

  async function open(id: string): Promise<void> {
    if (current.value?.id === id) return;
    current.value = null;
    currentError.value = null;
    try {
      current.value = await api.invoke('experiments.get', { ref: id });
    } catch (error) {
      currentError.value = error instanceof Error ? error.message : String(error);
    }
  }

  /** Fills the form with another run's inputs, to run it again or vary it. */
  function prefill(input: { designId: string; networkId: string; batch: number | null; format: string | null; mode: string | null }): void {
    Object.assign(form, { designIds: [input.designId], networkId: input.networkId, batch: input.batch === null ? '' : String(input.batch), format: input.format ?? '', mode: input.mode ?? '' });
    fieldErrors.value = {};
  }

  let refreshTimer: number | undefined;
  api.on('experiments.changed', () => {
    // A queue of runs announces each one; one refresh after the burst is enough.
    window.clearTimeout(refreshTimer);
    refreshTimer = window.setTimeout(() => void refreshRecent(), 150);
  });

  return {
    designs,
    designDetails,
    designsError,
    form,
    fieldErrors,
    queue,
    queueInputs,
    running,
    cancelRequested,
    finished,
    recent,
    recentNext,
    recentTotal,
    recentLoaded,
    recentError,
    current,
    currentError,
    loadDesigns,
    refreshRecent,
    loadMoreRecent,
    runAll,
    cancel,
    clearQueue,
    open,
    prefill,
  };
});
