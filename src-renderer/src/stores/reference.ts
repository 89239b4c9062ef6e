import { defineStore } from 'pinia';
import { ref } from 'vue';
import { api } from '@/api/index.ts';

// The Reference page's data beyond the shared parameter reference: what each built-in cell and
// design sets every parameter to, with the source it gives, so a reader sees the publications at
// work. Built-ins never change while the app runs, so they are read once.

export interface BuiltinValue {
  readonly libraryId: string;
  readonly libraryName: string;
  readonly kind: string;
  readonly value: string | number | boolean;
  readonly unit: string;
  readonly source: string;
}

export const useReferenceStore = defineStore('reference', () => {
  const byKey = ref<Record<string, BuiltinValue[]>>({});
  const loaded = ref(false);
  const loadError = ref<string | null>(null);
  let loading: Promise<void> | null = null;

  async function read(): Promise<void> {
    try {
      const builtIns = (await api.invoke('libraries.list', {})).items.filter((l) => l.builtIn);
      const details = await Promise.all(builtIns.map((l) => api.invoke('libraries.get', { ref: l.id })));
      const grouped: Record<string, BuiltinValue[]> = {};
      for (const lib of details) {
        for (const v of lib.values) {
          (grouped[v.key] ??= []).push({ libraryId: lib.id, libraryName: lib.name, kind: lib.kind, value: v.value, unit: v.unit, source: v.source });
        }
      }
      byKey.value = grouped;
      loadError.value = null;
      loaded.value = true;
    } catch (error) {
      loadError.value = error instanceof Error ? error.message : String(error);
      loading = null;
    }
  }

  function load(): Promise<void> {
    loading ??= read();
    return loading;
  }

  return { byKey, loaded, loadError, load };
});
