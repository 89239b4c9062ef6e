import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { NetworkDetail, NetworkFile, NetworkImportOutput, NetworkSummary } from '@shared/schemas/network-api.ts';
import type { Issue } from '@shared/result.ts';
import { api } from '@/api/index.ts';

// Networks as the Workloads page sees them: the list, the selected network's layer table, import.

export const useNetworksStore = defineStore('networks', () => {
  const items = ref<NetworkSummary[]>([]);
  const loaded = ref(false);
  const selectedId = ref<string | null>(null);
  const detail = ref<NetworkDetail | null>(null);
  /** What the importer assumed or warns about, for the network imported last (not stored: it describes the file read). */
  const importNotes = ref<{ id: string; notes: readonly Issue[] } | null>(null);

  async function refresh(): Promise<void> {
    items.value = (await api.invoke('networks.list', {})).items;
    loaded.value = true;
  }

  async function select(id: string | null): Promise<void> {
    selectedId.value = id;
    const shown = id ? await api.invoke('networks.get', { ref: id }) : null;
    // An earlier selection answering after a later one (the page's first network while an import opens the new one) is dropped.
    if (selectedId.value === id) detail.value = shown;
  }

  /** `input`: an ONNX model's input shape with batch, for the dimensions the file leaves symbolic. */
  async function importFiles(files: NetworkFile[], name: string, input?: number[]): Promise<NetworkImportOutput> {
    const imported = await api.invoke('networks.import', { files, name, ...(input ? { input } : {}) });
    importNotes.value = { id: imported.id, notes: imported.notes };
    await refresh();
    await select(imported.id);
    return imported;
  }

  async function remove(id: string): Promise<void> {
    await api.invoke('networks.delete', { ref: id });
    await refresh();
  }

  api.on('networks.changed', () => void refresh());

  return { items, loaded, selectedId, detail, importNotes, refresh, select, importFiles, remove };
});
