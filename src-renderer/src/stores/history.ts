import { defineStore } from 'pinia';
import { reactive, ref } from 'vue';
import type { ExperimentCursor } from '@shared/schemas/experiment.ts';
import type { HistoryItem, HistoryKind } from '@shared/schemas/history.ts';
import type { Input } from '@shared/ipc/contract.ts';
import { api, ApiError } from '@/api/index.ts';
import { deleteKept, exportFile, readDetail, restore, runAgain, saveChanges, type Changes, type Deleted, type Detail, type Rerun } from './history-kinds.ts';

// History as its page sees it: everything kept (experiments, sweeps, paper reproductions), searched
// by kind, name, tag and date, a page at a time (keyset pages from the services), the selected one
// in full, and what the page did last (a re-run's outcome, a delete that can still be undone).

export interface HistoryFilters {
  kind: '' | HistoryKind;
  text: string;
  tag: string;
  /** Local calendar days from the date inputs (YYYY-MM-DD), empty for open-ended. */
  from: string;
  to: string;
}

export type FilterField = Exclude<keyof HistoryFilters, 'kind'>;

export const PAGE_SIZE = 50;

/** A local day's first and last instants, as the services compare stored UTC times. */
export function dayBounds(filters: Pick<HistoryFilters, 'from' | 'to'>): Pick<Input<'history.list'>, 'from' | 'to'> {
  return {
    ...(filters.from ? { from: new Date(`${filters.from}T00:00:00`).toISOString() } : {}),
    ...(filters.to ? { to: new Date(`${filters.to}T23:59:59.999`).toISOString() } : {}),
  };
}

/** Problems the page can see before asking, by field. */
export function checkFilters(filters: Pick<HistoryFilters, 'from' | 'to'>): Partial<Record<FilterField, string>> {
  return filters.from && filters.to && filters.from > filters.to ? { to: 'Must not be before the start date.' } : {};
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

const EMPTY_FILTERS: HistoryFilters = { kind: '', text: '', tag: '', from: '', to: '' };

export const useHistoryStore = defineStore('history', () => {
  const filters = reactive<HistoryFilters>({ ...EMPTY_FILTERS });
  const filterErrors = ref<Partial<Record<FilterField, string>>>({});
  const items = ref<HistoryItem[]>([]);
  const next = ref<ExperimentCursor | null>(null);
  const total = ref<number | null>(null);
  const counts = ref<Record<HistoryKind, number> | null>(null);
  const loading = ref(false);
  const loaded = ref(false);
  const loadError = ref<string | null>(null);
  const tags = ref<{ tag: string; count: number }[]>([]);

  const selectedId = ref<string | null>(null);
  const detail = ref<Detail | null>(null);
  const detailError = ref<string | null>(null);
  const rerunning = ref<{ id: string; jobId: string; done: number; total: number } | null>(null);
  const rerunOutcome = ref<{ forId: string; rerun: Rerun } | null>(null);
  const rerunError = ref<{ forId: string; message: string } | null>(null);
  /** The last deleted row and what brings it back. */
  const lastDeleted = ref<Deleted | null>(null);

  // A slower answer to an older search must not overwrite a newer one.
  let generation = 0;

  function listInput(limit: number, after: ExperimentCursor | null): Input<'history.list'> {
    return {
      limit,
      ...(after ? { after } : {}),
      ...(filters.kind ? { kind: filters.kind } : {}),
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
      const page = await api.invoke('history.list', listInput(keep ? Math.min(500, Math.max(PAGE_SIZE, items.value.length)) : PAGE_SIZE, null));
      if (mine !== generation) return;
      items.value = page.items;
      next.value = page.next;
      total.value = page.total ?? null;
      counts.value = page.counts ?? null;
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
      const page = await api.invoke('history.list', listInput(PAGE_SIZE, next.value));
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
    Object.assign(filters, EMPTY_FILTERS);
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
      const found = await readDetail(id);
      if (selectedId.value === id) detail.value = found;
    } catch (error) {
      if (selectedId.value === id) {
        detail.value = null;
        detailError.value = messageOf(error);
      }
    }
  }

  /** Saves a change of name, notes or tags; the row and the detail show it at once. */
  async function update(id: string, changes: Changes): Promise<void> {
    const saved = await saveChanges(id, changes);
    if (detail.value?.value.id === id) detail.value = saved;
    const tagsNow = saved.kind === 'experiment' ? saved.value.tags : undefined;
    items.value = items.value.map((e) => (e.id === id ? ({ ...e, name: saved.value.name, notes: saved.value.notes, ...(tagsNow ? { tags: tagsNow } : {}), updatedAt: saved.value.updatedAt } as HistoryItem) : e));
    if (changes.tags) void loadTags();
  }

  async function rerun(id: string): Promise<void> {
    rerunning.value = { id, jobId: crypto.randomUUID(), done: 0, total: 0 };
    rerunError.value = null;
    try {
      rerunOutcome.value = { forId: id, rerun: await runAgain(id, rerunning.value.jobId) };
    } catch (error) {
      rerunError.value = { forId: id, message: messageOf(error) };
    } finally {
      rerunning.value = null;
    }
  }

  async function exportSelected(id: string, format: 'json' | 'csv'): Promise<{ fileName: string; text: string }> {
    return exportFile(id, format);
  }

  async function importBundle(fileName: string, text: string): Promise<{ name: string; createdAt: string }> {
    const imported = await api.invoke('experiments.importBundle', { fileName, text });
    await select(imported.id);
    return imported;
  }

  /** Deletes, keeping what Undo needs while the page is open. */
  async function remove(id: string): Promise<void> {
    lastDeleted.value = await deleteKept({ id });
    items.value = items.value.filter((e) => e.id !== id);
    if (total.value !== null) total.value -= 1;
    if (selectedId.value === id) await select(null);
  }

  async function undoDelete(): Promise<string | null> {
    const deleted = lastDeleted.value;
    if (!deleted) return null;
    const id = await restore(deleted);
    lastDeleted.value = null;
    await search(true);
    await select(id);
    return deleted.name;
  }

  let refreshTimer: number | undefined;
  function refreshSoon(updatedIds: readonly string[]): void {
    // A queue of runs announces each one; one refresh after the burst is enough.
    window.clearTimeout(refreshTimer);
    refreshTimer = window.setTimeout(() => {
      if (loaded.value) void search(true);
      void loadTags();
      if (detail.value && updatedIds.includes(detail.value.value.id)) void select(detail.value.value.id);
    }, 150);
  }
  api.on('experiments.changed', (change) => refreshSoon(change.reason === 'updated' ? change.ids : []));
  api.on('history.changed', (change) => refreshSoon(change.reason === 'updated' ? change.ids : []));
  api.on('sweeps.progress', (p) => {
    if (rerunning.value?.jobId !== p.jobId) return;
    rerunning.value.done = p.done;
    rerunning.value.total = p.total;
  });

  return {
    filters,
    filterErrors,
    items,
    next,
    total,
    counts,
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
    exportSelected,
    importBundle,
    remove,
    undoDelete,
  };
});
