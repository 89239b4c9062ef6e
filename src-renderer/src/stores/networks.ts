import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { NetworkDetail, NetworkSummary } from '@shared/schemas/network-api.ts';
import { api } from '@/api/index.ts';

// Networks as the Workloads page sees them: the list, the selected network's layer table, import.

export const useNetworksStore = defineStore('networks', () => {
  const items = ref<NetworkSummary[]>([]);
  const loaded = ref(false);
  const selectedId = ref<string | null>(null);
  const detail = ref<NetworkDetail | null>(null);

  async function refresh(): Promise<void> {
    items.value = (await api.invoke('networks.list', {})).items;
    loaded.value = true;
  }

  async function select(id: string | null): Promise<void> {
    selectedId.value = id;
    detail.value = id ? await api.invoke('networks.get', { ref: id }) : null;
  }

  async function importFiles(files: { fileName: string; text: string }[], name: string): Promise<NetworkDetail> {
    const imported = await api.invoke('networks.import', { files, name });
    await refresh();
    await select(imported.id);
    return imported;
  }

  async function remove(id: string): Promise<void> {
    await api.invoke('networks.delete', { ref: id });
    await refresh();
  }

  api.on('networks.changed', () => void refresh());

  return { items, loaded, selectedId, detail, refresh, select, importFiles, remove };
});
