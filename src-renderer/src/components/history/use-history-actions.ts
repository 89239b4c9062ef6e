import { ref } from 'vue';
import { useRouter } from 'vue-router';
import type { Issue } from '@shared/result.ts';
import type { HistoryItem } from '@shared/schemas/history.ts';
import { ApiError } from '@/api/index.ts';
import { downloadText } from '@/files.ts';
import { useAppStore } from '@/stores/app.ts';
import { useHistoryStore } from '@/stores/history.ts';
import { kindOf } from '@/stores/history-kinds.ts';

// What History's buttons and keys do, whatever kind of row is selected: open it where it is drawn
// (a run's result page, a sweep on Sweeps, a reproduction on Compare), export it, delete it (after
// asking) and undo that. Problems show in a dialog that names the fields at fault.

export interface Problem {
  readonly title: string;
  readonly message: string;
  readonly issues: readonly Issue[];
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export function useHistoryActions() {
  const store = useHistoryStore();
  const app = useAppStore();
  const router = useRouter();
  const deleting = ref<HistoryItem | null>(null);
  const problem = ref<Problem | null>(null);

  async function open(id: string): Promise<void> {
    const kind = kindOf(id);
    if (kind === 'experiment') return void router.push(`/experiments/${id}`);
    if (kind === 'sweep') return void router.push(`/sweeps/${id}`);
    // Compare reads it from the store, so the address can be reloaded or shared.
    await router.push({ path: '/compare', query: { reproduction: id } });
  }

  async function exportSelected(format: 'json' | 'csv' = 'json'): Promise<void> {
    if (!store.selectedId) return;
    try {
      const { fileName, text } = await store.exportSelected(store.selectedId, format);
      downloadText(fileName, text, format === 'csv' ? 'text/csv' : 'application/json');
      app.notify('success', `Exported ${fileName}`);
    } catch (error) {
      problem.value = { title: 'Cannot export this', message: messageOf(error), issues: error instanceof ApiError ? error.issues : [] };
    }
  }

  function askDelete(id: string): void {
    deleting.value = store.items.find((e) => e.id === id) ?? null;
  }

  async function confirmDelete(): Promise<void> {
    const target = deleting.value;
    if (!target) return;
    await store.remove(target.id);
    app.notify('success', `Deleted “${target.name}”`);
  }

  async function undo(): Promise<void> {
    try {
      const name = await store.undoDelete();
      if (name) app.notify('success', `Restored “${name}”`);
    } catch (error) {
      app.notify('error', `Cannot restore: ${messageOf(error)}`);
    }
  }

  return { deleting, problem, open, exportSelected, askDelete, confirmDelete, undo };
}
