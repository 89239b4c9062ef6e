import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createPinia, setActivePinia } from 'pinia';

// Two selections in flight (the page opening the first library while an import opens the new
// one): the later selection must win even when the earlier one's answer arrives last.

const pending = new Map<string, (value: unknown) => void>();

vi.mock('@/api/index.ts', () => ({
  api: {
    kind: 'http',
    invoke: (channel: string, input: { ref: string }) =>
      channel === 'libraries.versions' ? Promise.resolve({ items: [] }) : new Promise((resolve) => pending.set(input.ref, resolve)),
    on: () => () => undefined,
  },
}));

const { useLibrariesStore } = await import('@/stores/libraries.ts');

describe('libraries store: select', () => {
  beforeEach(() => {
    setActivePinia(createPinia());
    pending.clear();
  });

  it('keeps the latest selection when an earlier one answers later', async () => {
    const store = useLibrariesStore();
    const first = store.select('builtin:first');
    const imported = store.select('lib_imported');
    await vi.waitFor(() => expect(pending.size).toBe(2));
    pending.get('lib_imported')!({ id: 'lib_imported', name: 'Sample SOT cell' });
    await imported;
    pending.get('builtin:first')!({ id: 'builtin:first', name: 'First' });
    await first;
    expect(store.selectedId).toBe('lib_imported');
    expect(store.detail).toMatchObject({ name: 'Sample SOT cell' });
  });
});
