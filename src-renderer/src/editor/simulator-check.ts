import { onBeforeUnmount, ref, watch, type Ref } from 'vue';
import type { Issue } from '@shared/result.ts';
import type { LibraryKind, ParamValue } from '@shared/schemas/library.ts';
import { api } from '@/api/index.ts';

// Cells and designs are checked by the simulator's own rules while they are edited (debounced), so
// a user sees an impossible or suspicious value at its field before saving it. Until the answer for
// the values on screen is in, `pending` is true: Save waits for it rather than racing it.

export interface SimulatorCheck {
  readonly errors: Ref<Issue[]>;
  readonly warnings: Ref<Issue[]>;
  readonly pending: Ref<boolean>;
  /** Why the check itself could not run (the values are then checked again on save). */
  readonly failure: Ref<string | null>;
}

const DEBOUNCE_MS = 250;

export function useSimulatorCheck(kind: LibraryKind, values: Ref<readonly ParamValue[] | null>): SimulatorCheck {
  const errors = ref<Issue[]>([]);
  const warnings = ref<Issue[]>([]);
  const pending = ref(false);
  const failure = ref<string | null>(null);
  const channel = kind === 'cell' ? 'cells.check' : kind === 'architecture' ? 'designs.check' : null;
  let timer: number | undefined;
  let asked = 0;

  watch(
    values,
    (next) => {
      window.clearTimeout(timer);
      if (!channel || next === null) {
        pending.value = false;
        errors.value = [];
        warnings.value = [];
        return;
      }
      pending.value = true;
      const ticket = (asked += 1);
      timer = window.setTimeout(async () => {
        try {
          const answer = await api.invoke(channel, { values: next.map((v) => ({ ...v })) });
          if (ticket !== asked) return;
          errors.value = answer.errors;
          warnings.value = answer.warnings;
          failure.value = null;
        } catch (error) {
          if (ticket !== asked) return;
          errors.value = [];
          warnings.value = [];
          failure.value = error instanceof Error ? error.message : String(error);
        } finally {
          if (ticket === asked) pending.value = false;
        }
      }, DEBOUNCE_MS);
    },
    { immediate: true },
  );
  onBeforeUnmount(() => window.clearTimeout(timer));

  return { errors, warnings, pending, failure };
}
