import { computed, ref, type Ref } from 'vue';

// Undo and redo over snapshots of a small document (a draft of library values). Each change is
// committed as a new snapshot; typing into one field is merged into one step by the caller.

const LIMIT = 200;

export interface Undoable<T> {
  readonly current: Ref<T>;
  readonly canUndo: Readonly<Ref<boolean>>;
  readonly canRedo: Readonly<Ref<boolean>>;
  /** Records `next` as a new step (dropping anything that was undone). */
  commit(next: T): void;
  /** Replaces the current step without adding one (for continuous typing in one field). */
  amend(next: T): void;
  undo(): void;
  redo(): void;
  reset(initial: T): void;
}

export function useUndoable<T>(initial: T): Undoable<T> {
  const past = ref<T[]>([]) as Ref<T[]>;
  const future = ref<T[]>([]) as Ref<T[]>;
  const current = ref(initial) as Ref<T>;
  return {
    current,
    canUndo: computed(() => past.value.length > 0),
    canRedo: computed(() => future.value.length > 0),
    commit(next) {
      past.value = [...past.value, current.value].slice(-LIMIT);
      future.value = [];
      current.value = next;
    },
    amend(next) {
      current.value = next;
    },
    undo() {
      const previous = past.value.at(-1);
      if (previous === undefined) return;
      future.value = [current.value, ...future.value];
      past.value = past.value.slice(0, -1);
      current.value = previous;
    },
    redo() {
      const [next, ...rest] = future.value;
      if (next === undefined) return;
      past.value = [...past.value, current.value];
      future.value = rest;
      current.value = next;
    },
    reset(value) {
      past.value = [];
      future.value = [];
      current.value = value;
    },
  };
}
