import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import type { LibraryDetail, LibraryKind, LibrarySummary, LibraryVersion, ParamValue } from '@shared/schemas/library.ts';
import type { LibraryFile } from '@shared/schemas/library-file.ts';
import { api } from '@/api/index.ts';

// Libraries as the window sees them: the list, the selected library with its versions, and the
// actions on them. The list refreshes itself when the services announce a change (from this or
// another window).

/** A deleted library as it was, every version with its note, so Undo can bring it back. */
export interface DeletedLibrary {
  readonly name: string;
  readonly kind: LibraryKind;
  readonly versions: readonly { readonly values: ParamValue[]; readonly description: string; readonly note: string }[];
}

export const useLibrariesStore = defineStore('libraries', () => {
  const items = ref<LibrarySummary[]>([]);
  const loaded = ref(false);
  const loadError = ref<string | null>(null);
  const selectedId = ref<string | null>(null);
  const detail = ref<LibraryDetail | null>(null);
  /** Versions of the selected library, newest first, with the note saved with each. */
  const versions = ref<LibraryVersion[]>([]);
  const lastDeleted = ref<DeletedLibrary | null>(null);
  const query = ref('');
  const kind = ref<LibraryKind | ''>('');

  const visible = computed(() => {
    const q = query.value.trim().toLowerCase();
    return items.value.filter((l) => (!kind.value || l.kind === kind.value) && (!q || l.name.toLowerCase().includes(q) || l.id.includes(q)));
  });

  async function refresh(): Promise<void> {
    try {
      items.value = (await api.invoke('libraries.list', {})).items;
      loadError.value = null;
    } catch (error) {
      loadError.value = error instanceof Error ? error.message : String(error);
    } finally {
      loaded.value = true;
    }
    if (selectedId.value && !items.value.some((l) => l.id === selectedId.value)) {
      selectedId.value = null;
      detail.value = null;
    } else if (selectedId.value && detail.value?.shownVersion === detail.value?.version) {
      // Follow the latest version unless the user is looking at an older one on purpose.
      await select(selectedId.value);
    }
  }

  /** Shows a library, at `version` or its latest. */
  // Selections can overlap (the page opens the first library while an import opens the new one):
  // only the latest one may fill the detail, whichever answer arrives last.
  let selection = 0;
  async function select(id: string | null, version?: number): Promise<void> {
    const mine = ++selection;
    selectedId.value = id;
    if (!id) {
      detail.value = null;
      versions.value = [];
      return;
    }
    const [shown, listed] = await Promise.all([api.invoke('libraries.get', { ref: id, version }), versionsOf(id)]);
    if (mine !== selection) return;
    detail.value = shown;
    versions.value = listed;
  }

  async function versionsOf(id: string): Promise<LibraryVersion[]> {
    return (await api.invoke('libraries.versions', { ref: id })).items;
  }

  async function saveVersion(id: string, baseVersion: number, values: ParamValue[], note: string): Promise<LibraryDetail> {
    const saved = await api.invoke('libraries.saveVersion', { ref: id, baseVersion, values, note });
    detail.value = saved;
    await refresh();
    return saved;
  }

  async function create(input: { name: string; kind: LibraryKind; description: string }): Promise<LibraryDetail> {
    const created = await api.invoke('libraries.create', input);
    await refresh();
    await select(created.id);
    return created;
  }

  async function rename(id: string, name: string): Promise<void> {
    await api.invoke('libraries.rename', { ref: id, name });
    await refresh();
  }

  async function clone(id: string, name: string): Promise<LibraryDetail> {
    const copy = await api.invoke('libraries.clone', { ref: id, name });
    await refresh();
    await select(copy.id);
    return copy;
  }

  /** Deletes after keeping every version in memory, so the page can offer Undo. */
  async function remove(id: string): Promise<void> {
    const oldestFirst = [...(await versionsOf(id))].reverse();
    const kept = await Promise.all(oldestFirst.map((v) => api.invoke('libraries.get', { ref: id, version: v.version })));
    const gone = await api.invoke('libraries.delete', { ref: id });
    const kind = kept[0]?.kind;
    await refresh();
    lastDeleted.value = kind ? { name: gone.name, kind, versions: kept.map((k) => ({ values: k.values, description: k.description, note: k.note })) } : null;
  }

  /**
   * Brings the last deleted library back: version 1 is created again and every later version saved
   * on it with its note. The store gives a created library a new id and new dates, so this is a
   * copy with the same name, values and notes, as Undo of a deleted experiment is.
   */
  async function undoDelete(): Promise<LibraryDetail | null> {
    const deleted = lastDeleted.value;
    if (!deleted) return null;
    const [first, ...later] = deleted.versions;
    if (!first) return null;
    let restored = await api.invoke('libraries.create', { name: deleted.name, kind: deleted.kind, description: first.description, values: first.values });
    lastDeleted.value = null;
    for (const v of later) {
      restored = await api.invoke('libraries.saveVersion', { ref: restored.id, baseVersion: restored.version, values: v.values, description: v.description, note: v.note });
    }
    await refresh();
    await select(restored.id);
    return restored;
  }

  async function importFile(file: unknown): Promise<LibraryDetail> {
    const imported = await api.invoke('libraries.import', { file });
    await refresh();
    await select(imported.id);
    return imported;
  }

  async function importNvsimCell(text: string, fileName: string): Promise<LibraryDetail> {
    const { cell } = await api.invoke('cells.importNvsim', { text, fileName });
    await refresh();
    await select(cell.library.id);
    return cell.library;
  }

  async function exportFile(id: string): Promise<{ fileName: string; file: LibraryFile }> {
    return api.invoke('libraries.export', { ref: id });
  }

  api.on('libraries.changed', () => void refresh());

  return {
    items,
    loaded,
    loadError,
    selectedId,
    detail,
    versions,
    lastDeleted,
    query,
    kind,
    visible,
    refresh,
    select,
    versionsOf,
    saveVersion,
    create,
    rename,
    clone,
    remove,
    undoDelete,
    importFile,
    importNvsimCell,
    exportFile,
  };
});
