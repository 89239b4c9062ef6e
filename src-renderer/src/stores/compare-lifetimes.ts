import { defineStore } from 'pinia';
import { reactive, watch } from 'vue';
import { api } from '@/api/index.ts';
import { evaluationSchema, type Evaluation } from '@shared/schemas/evaluation.ts';
import { lifetimeOf, type LifetimeState } from '@/components/compare/lifetime-column.ts';
import { useComparisonStore } from './comparison.ts';

// The lifetimes of the experiments picked on Compare. The list of experiments gives energy, latency
// and area but not the lifetime, so each picked run's result is read once (and again when the run
// changes); a run picked again later is not read twice. The result read is kept too, for the
// breakdown charts set side by side (a result this version cannot read has none).

export const useCompareLifetimesStore = defineStore('compareLifetimes', () => {
  const comparison = useComparisonStore();
  const byId = reactive(new Map<string, LifetimeState>());
  const results = reactive(new Map<string, Evaluation>());

  async function load(id: string): Promise<void> {
    byId.set(id, { kind: 'loading' });
    try {
      const experiment = await api.invoke('experiments.get', { ref: id });
      byId.set(id, lifetimeOf(experiment.results));
      const parsed = evaluationSchema.safeParse(experiment.results);
      if (parsed.success) results.set(id, parsed.data);
      else results.delete(id);
    } catch (error) {
      byId.set(id, { kind: 'error', message: error instanceof Error ? error.message : String(error) });
    }
  }

  function loadPicked(ids: readonly string[]): void {
    for (const id of ids) if (!byId.has(id)) void load(id);
  }

  watch(() => comparison.selectedIds, loadPicked, { immediate: true });

  api.on('experiments.changed', ({ ids }) => {
    for (const id of ids) {
      byId.delete(id);
      results.delete(id);
    }
    loadPicked(comparison.selectedIds.filter((id) => ids.includes(id)));
  });

  return { byId, results };
});
