import { defineStore } from 'pinia';
import { reactive, ref } from 'vue';
import type { Experiment, ExperimentCursor, ExperimentRerunOutput, ExperimentSummary } from '@shared/schemas/experiment.ts';
import type { Input } from '@shared/ipc/contract.ts';
import { api, ApiError } from '@/api/index.ts';

// History as its page sees it: every experiment, searched by name, tag and date, a page at a time
// (keyset pages from the services), the selected experiment in full, and what the page did last
// (a re-run's outcome, a delete that can still be undone).

export interface HistoryFilters {
  text: string;
  tag: string;
  /** Local calendar days from the date inputs (YYYY-MM-DD), empty for open-ended. */
  from: string;
  to: string;
}

export type FilterField = keyof HistoryFilters;

export const PAGE_SIZE = 50;

/** A local day's first and last instants, as the services compare stored UTC times. */
export function dayBounds(filters: HistoryFilters): Pick<Input<'experiments.list'>, 'from' | 'to'> {
  return {
    ...(filters.from ? { from: new Date(`${filters.from}T00:00:00`).toISOString() } : {}),
    ...(filters.to ? { to: new Date(`${filters.to}T23:59:59.999`).toISOString() } : {}),
  };
}

/** Problems the page can see before asking, by field. */
export function checkFilters(filters: HistoryFilters): Partial<Record<FilterField, string>> {
  return filters.from && filters.to && filters.from > filters.to ? { to: 'Must not be before the start date.' } : {};
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export const useHistoryStore = defineStore('history', () => {
  const filters = reactive<HistoryFilters>({ text: '', tag: '', from: '', to: '' });
  const filterErrors = ref<Partial<Record<FilterField, string>>>({});
  const items = ref<ExperimentSummary[]>([]);
  const next = ref<ExperimentCursor | null>(null);
  const total = ref<number | null>(null);
  const loading = ref(false);
  const loaded = ref(false);
  const loadError = ref<string | null>(null);
  const tags = ref<{ tag: string; count: number }[]>([]);

  const selectedId = ref<string | null>(null);
  const detail = ref<Experiment | null>(null);
  const detailError = ref<string | null>(null);
  const rerunning = ref<string | null>(null);
  const rerunOutcome = ref<{ forId: string; output: ExperimentRerunOutput } | null>(null);
  const rerunError = ref<{ forId: string; message: string } | null>(null);
  /** The last deleted experiment as a bundle, so Undo can bring it back (as a new id, same date). */
  const lastDeleted = ref<{ name: string; fileName: string; text: string } | null>(null);

  // A slower answer to an older search must not overwrite a newer one.
  let generation = 0;

  function listInput(limit: number, after: ExperimentCursor | null): Input<'experiments.list'> {
    return {
      limit,
      ...(after ? { after } : {}),
      ...(filters.text.trim() ? { text: filters.text.trim() } : {}),
      ...(filters.tag ? { tag: filters.tag } : {}),
      ...dayBounds(filters),
    };
  }

  /** The first page for the current filters; `keep` reloads as many rows as are shown (after a change elsewhere). */
  async function search(keep = false): Promise<void> {
    filterErrors.value = checkFilters(filters);
    if (Object.keys(filterErrors.value).length) return;
    const mine = ++generation;
    loading.value = true;
    try {
      const page = await api.invoke('experiments.list', listInput(keep ? Math.min(500, Math.max(PAGE_SIZE, items.value.length)) : PAGE_SIZE, null));
      if (mine !== generation) return;
      items.value = page.items;
      next.value = page.next;
      total.value = page.total ?? null;
      loadError.value = null;
    } catch (error) {
      if (mine !== generation) return;
      // An issue on a filter field shows next to that field; anything else above the table.
      const field = error instanceof ApiError ? (['from', 'to', 'text', 'tag'] as const).find((f) => error.issueAt(f)) : undefined;
      if (field && error instanceof ApiError) filterErrors.value = { [field]: error.issueAt(field) };
      else loadError.value = messageOf(error);
    } finally {
      if (mine === generation) {
        loading.value = false;
        loaded.value = true;
      }
    }
  }

  async function loadMore(): Promise<void> {
    if (!next.value || loading.value) return;
    const mine = generation;
    loading.value = true;
    try {
      const page = await api.invoke('experiments.list', listInput(PAGE_SIZE, next.value));
      if (mine !== generation) return;
      items.value = [...items.value, ...page.items];
      next.value = page.next;
    } catch (error) {
      loadError.value = messageOf(error);
    } finally {
      loading.value = false;
    }
  }

  async function loadTags(): Promise<void> {
    try {
      tags.value = (await api.invoke('experiments.tags', {})).items;
    } catch {
      tags.value = []; // the filter then offers no tags; the table says what went wrong if the store is down
    }
  }

  function clearFilters(): void {
    Object.assign(filters, { text: '', tag: '', from: '', to: '' });
    void search();
  }

  async function select(id: string | null): Promise<void> {
    selectedId.value = id;
    detailError.value = null;
    if (!id) {
      detail.value = null;
      return;
    }
    try {
      const found = await api.invoke('experiments.get', { ref: id });
      if (selectedId.value === id) detail.value = found;
    } catch (error) {
      if (selectedId.value === id) {
        detail.value = null;
        detailError.value = messageOf(error);
      }
    }
  }

  /** Saves a change of name, notes or tags; the row and the detail show it at once. */
  async function update(id: string, changes: Omit<Input<'experiments.update'>, 'ref'>): Promise<Experiment> {
    const saved = await api.invoke('experiments.update', { ref: id, ...changes });
    if (detail.value?.id === id) detail.value = saved;
    items.value = items.value.map((e) => (e.id === id ? { ...e, name: saved.name, notes: saved.notes, tags: saved.tags, updatedAt: saved.updatedAt } : e));
    if (changes.tags) void loadTags();
    return saved;
  }

  async function rerun(id: string): Promise<ExperimentRerunOutput | null> {
    rerunning.value = id;
    rerunError.value = null;
    try {
      const output = await api.invoke('experiments.rerun', { ref: id });
      rerunOutcome.value = { forId: id, output };
      return output;
    } catch (error) {
      rerunError.value = { forId: id, message: messageOf(error) };
      return null;
    } finally {
      rerunning.value = null;
    }
  }

  async function exportBundle(id: string): Promise<{ fileName: string; text: string }> {
    return api.invoke('experiments.exportBundle', { ref: id });
  }

  async function importBundle(fileName: string, text: string): Promise<Experiment> {
    const imported = await api.invoke('experiments.importBundle', { fileName, text });
    await select(imported.id);
    return imported;
  }

  /** Deletes after keeping a bundle of it in memory, so the page can offer Undo. */
  async function remove(id: string): Promise<void> {
    const bundle = await api.invoke('experiments.exportBundle', { ref: id }).catch(() => null);
    const gone = await api.invoke('experiments.delete', { ref: id });
    lastDeleted.value = bundle ? { name: gone.name, ...bundle } : null;
    items.value = items.value.filter((e) => e.id !== id);
    if (total.value !== null) total.value -= 1;
    if (selectedId.value === id) await select(null);
  }

  async function undoDelete(): Promise<Experiment | null> {
    const bundle = lastDeleted.value;
    if (!bundle) return null;
    const restored = await importBundle(bundle.fileName, bundle.text);
    lastDeleted.value = null;
    return restored;
  }

  let refreshTimer: number | undefined;
  api.on('experiments.changed', (change) => {
    // A queue of runs announces each one; one refresh after the burst is enough.
    window.clearTimeout(refreshTimer);
    refreshTimer = window.setTimeout(() => {
      if (loaded.value) void search(true);
      void loadTags();
      if (change.reason === 'updated' && detail.value && change.ids.includes(detail.value.id)) void select(detail.value.id);
    }, 150);
  });

  return {
    filters,
    filterErrors,
    items,
    next,
    total,
    loading,
    loaded,
    loadError,
    tags,
    selectedId,
    detail,
    detailError,
    rerunning,
    rerunOutcome,
    rerunError,
    lastDeleted,
    search,
    loadMore,
    loadTags,
    clearFilters,
    select,
    update,
    rerun,
    exportBundle,
    importBundle,
    remove,
    undoDelete,
  };
});
