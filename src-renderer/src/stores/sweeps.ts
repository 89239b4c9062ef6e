import { defineStore } from 'pinia';
import { computed, markRaw, ref, shallowRef } from 'vue';
import type { DesignSummary } from '@shared/schemas/design-api.ts';
import type { NetworkSummary } from '@shared/schemas/network-api.ts';
import type { LibraryDetail } from '@shared/schemas/library.ts';
import type { Issue } from '@shared/result.ts';
import { api, ApiError } from '@/api/index.ts';
import { findPoint, type SweepMetric, type SweepResult } from '@/charts/sweep-common.ts';
import { DEFAULT_STEPS, buildSweepInput, nextParam, numericParams, pointName, pointValues, prefillAxis, type NumericParam, type SweepDraft } from '@/components/sweeps/sweep-form.ts';
import { draftOf, readPoints, resultOf, type SweepCoreOf } from './sweep-kept.ts';

// The Sweeps page's state: the form, the running job and its progress, and the result shown, as
// run or re-opened from History. Every sweep the page runs is kept; its points come back a page at
// a time after it finishes (sweep-kept.ts). A result can hold 100,000 points: it is kept in a
// shallow ref and marked raw so that Vue never walks it; charts and tables read it once per change.

export interface SweepJob {
  readonly id: string;
  done: number;
  total: number;
  cancelling: boolean;
}

const PREFERRED = { design: 'builtin:sot-mram-pim', network: 'builtin:resnet18', axis: 'rows' };

export const useSweepsStore = defineStore('sweeps', () => {
  const designs = ref<DesignSummary[]>([]);
  const networks = ref<NetworkSummary[]>([]);
  const params = shallowRef<NumericParam[]>([]);
  const loaded = ref(false);
  const loadError = ref<string | null>(null);
  const draft = ref<SweepDraft>({ design: '', network: '', batch: '', axes: [] });
  const metric = ref<SweepMetric>('energy');
  const issues = ref<Issue[]>([]);
  const runError = ref<string | null>(null);
  const job = ref<SweepJob | null>(null);
  const result = shallowRef<SweepResult | null>(null);
  /** The swept design's values as they were when the result's sweep started. */
  const resultBase = shallowRef<NumericParam[]>([]);
  const selected = ref<number | null>(null);
  /** Points read back so far, while a finished or re-opened sweep loads. */
  const loading = ref<{ id: string; done: number; total: number } | null>(null);
  const openError = ref<string | null>(null);

  const running = computed(() => job.value !== null);

  async function load(): Promise<void> {
    try {
      const [d, n] = await Promise.all([api.invoke('designs.list', {}), api.invoke('networks.list', {})]);
      designs.value = d.items;
      networks.value = n.items;
      loadError.value = null;
      if (!n.items.some((x) => x.id === draft.value.network)) draft.value.network = (n.items.find((x) => x.id === PREFERRED.network) ?? n.items[0])?.id ?? '';
      const design = d.items.some((x) => x.id === draft.value.design) ? draft.value.design : ((d.items.find((x) => x.id === PREFERRED.design) ?? d.items[0])?.id ?? '');
      if (design) await selectDesign(design);
    } catch (error) {
      loadError.value = error instanceof Error ? error.message : String(error);
    } finally {
      loaded.value = true;
    }
  }

  /** Shows a design's numeric values; axes on keys it lacks are set up again. */
  async function selectDesign(id: string): Promise<void> {
    draft.value.design = id;
    const detail = await api.invoke('designs.get', { ref: id });
    if (draft.value.design !== id) return;
    params.value = numericParams(detail.values);
    const kept = draft.value.axes.filter((a) => params.value.some((p) => p.key === a.key));
    if (kept.length === 0) {
      const first = params.value.find((p) => p.key === PREFERRED.axis) ?? params.value[0];
      draft.value.axes = first ? [prefillAxis(first, 1)] : [];
    } else draft.value.axes = kept;
  }

  function setAxisKey(i: number, key: string): void {
    const param = params.value.find((p) => p.key === key);
    if (param) draft.value.axes[i] = prefillAxis(param, draft.value.axes.length);
    issues.value = issues.value.filter((x) => !x.path.startsWith(`axes[${i}]`));
  }

  function addAxis(): void {
    const param = nextParam(params.value, draft.value.axes.map((a) => a.key));
    if (!param || draft.value.axes.length >= 2) return;
    draft.value.axes.push(prefillAxis(param, 2));
    const first = draft.value.axes[0]!;
    if (first.steps === String(DEFAULT_STEPS.one)) first.steps = String(DEFAULT_STEPS.two);
  }

  function removeAxis(i: number): void {
    if (draft.value.axes.length > 1) draft.value.axes.splice(i, 1);
    issues.value = [];
  }

  function issueAt(path: string): string | undefined {
    return issues.value.find((x) => x.path === path)?.message;
  }

  async function run(): Promise<void> {
    if (job.value) return;
    const jobId = crypto.randomUUID();
    const built = buildSweepInput(draft.value, jobId);
    runError.value = null;
    issues.value = built.ok ? [] : built.issues;
    if (!built.ok) return;
    job.value = { id: jobId, done: 0, total: built.input.axes.reduce((n, a) => n * a.steps, 1), cancelling: false };
    const base = params.value;
    try {
      const output = await api.invoke('sweeps.run', { ...built.input, returnPoints: false });
      job.value = null;
      if (output.sweepId) await show(output.sweepId, output, base);
    } catch (error) {
      runError.value = error instanceof Error ? error.message : String(error);
      if (error instanceof ApiError) issues.value = [...error.issues];
    } finally {
      job.value = null;
    }
  }

  /** Reads a kept sweep's points and shows it; `base` is the swept design's values it started from. */
  async function show(id: string, core: SweepCoreOf, base: NumericParam[]): Promise<void> {
    loading.value = { id, done: 0, total: core.pointCount };
    try {
      const read = await readPoints(id, core.pointCount, (done) => {
        if (loading.value?.id === id) loading.value.done = done;
      });
      if (loading.value?.id !== id) return;
      selected.value = null;
      resultBase.value = base;
      const gpu = designs.value.some((d) => d.id === core.design.id && d.kind === 'gpu');
      result.value = markRaw(resultOf(id, core, read, gpu));
    } finally {
      if (loading.value?.id === id) loading.value = null;
    }
  }

  /** Re-opens a kept sweep (from History or a reload): its set-up in the form, its charts and table. */
  async function open(id: string): Promise<void> {
    if (result.value?.sweepId === id || loading.value?.id === id) return;
    openError.value = null;
    try {
      const header = await api.invoke('sweeps.get', { ref: id });
      const setUp = draftOf(header);
      if (designs.value.some((d) => d.id === setUp.design)) await selectDesign(setUp.design);
      draft.value = { ...draft.value, network: setUp.network, batch: setUp.batch, axes: setUp.axes };
      const base = await api.invoke('designs.get', { ref: header.design.id, version: header.design.version }).then(
        (d) => numericParams(d.values),
        () => [],
      );
      await show(header.id, header, base);
    } catch (error) {
      openError.value = error instanceof Error ? error.message : String(error);
    }
  }

  /** The shown sweep as a file (JSON or CSV), from the store so every point is in it. */
  async function exportShown(format: 'json' | 'csv'): Promise<{ fileName: string; text: string } | null> {
    const id = result.value?.sweepId;
    return id ? api.invoke('sweeps.export', { ref: id, format }) : null;
  }

  async function cancel(): Promise<void> {
    if (!job.value || job.value.cancelling) return;
    job.value.cancelling = true;
    try {
      await api.invoke('sweeps.cancel', { jobId: job.value.id });
    } catch {
      // The sweep finished meanwhile: its answer arrives as usual.
    }
  }

  function select(index: number | null): void {
    selected.value = index;
  }

  /** Keeps a point as a design of its own: a clone of the swept design, then a version with the point's values. */
  async function savePoint(index: number, name: string): Promise<LibraryDetail> {
    const r = result.value;
    const point = r ? findPoint(r, index) : undefined;
    if (!r || !point) throw new Error('that point is no longer shown');
    const copy = await api.invoke('libraries.clone', { ref: r.design.id, name: name.trim(), version: r.design.version });
    const why = `point #${index} of a sweep of ${r.axes.map((a) => a.key).join(' and ')} on ${r.network.name}`;
    return api.invoke('libraries.saveVersion', { ref: copy.id, baseVersion: copy.version, values: pointValues(copy.values, point, why), note: `From a sweep: ${pointName(r.design.name, point, r.axes)}` });
  }

  function defaultPointName(index: number): string {
    const r = result.value;
    const point = r ? findPoint(r, index) : undefined;
    return r && point ? pointName(r.design.name, point, r.axes) : '';
  }

  // A design saved from a point (here or elsewhere) can be swept next.
  api.on('libraries.changed', () => {
    if (!loaded.value) return;
    api.invoke('designs.list', {}).then(
      (d) => (designs.value = d.items),
      () => undefined,
    );
  });

  api.on('sweeps.progress', (p) => {
    if (job.value?.id !== p.jobId) return;
    job.value.done = p.done;
    job.value.total = p.total;
  });

  return {
    designs,
    networks,
    params,
    loaded,
    loadError,
    draft,
    metric,
    issues,
    runError,
    job,
    running,
    result,
    resultBase,
    selected,
    loading,
    openError,
    load,
    open,
    exportShown,
    selectDesign,
    setAxisKey,
    addAxis,
    removeAxis,
    issueAt,
    run,
    cancel,
    select,
    savePoint,
    defaultPointName,
  };
});
