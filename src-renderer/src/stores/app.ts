import { defineStore } from 'pinia';
import { ref, watch } from 'vue';
import type { Output } from '@shared/ipc/contract.ts';
import { api } from '@/api/index.ts';

// Application-wide state: theme, notices, and what the status bar shows.

export type ThemeChoice = 'light' | 'dark' | 'system';

export interface Notice {
  readonly id: number;
  readonly kind: 'success' | 'error' | 'info';
  readonly text: string;
}

const THEME_KEY = 'pimwb.theme';

function systemTheme(): 'light' | 'dark' {
  return window.matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

export const useAppStore = defineStore('app', () => {
  const theme = ref<ThemeChoice>((localStorage.getItem(THEME_KEY) as ThemeChoice | null) ?? 'system');
  const effectiveTheme = ref<'light' | 'dark'>(theme.value === 'system' ? systemTheme() : theme.value);
  const notices = ref<Notice[]>([]);
  const info = ref<Output<'app.info'> | null>(null);
  let nextNotice = 1;

  function applyTheme(): void {
    effectiveTheme.value = theme.value === 'system' ? systemTheme() : theme.value;
    document.documentElement.dataset.theme = effectiveTheme.value;
  }

  watch(theme, (value) => {
    localStorage.setItem(THEME_KEY, value);
    applyTheme();
  });
  window.matchMedia('(prefers-color-scheme: dark)').addEventListener('change', applyTheme);
  applyTheme();

  function notify(kind: Notice['kind'], text: string): void {
    const id = nextNotice++;
    notices.value.push({ id, kind, text });
    window.setTimeout(() => dismiss(id), kind === 'error' ? 10_000 : 4_000);
  }

  function dismiss(id: number): void {
    notices.value = notices.value.filter((n) => n.id !== id);
  }

  async function loadInfo(): Promise<void> {
    try {
      info.value = await api.invoke('app.info', {});
    } catch (error) {
      notify('error', `Cannot reach the workbench services: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  function cycleTheme(): void {
    const order: ThemeChoice[] = ['system', 'light', 'dark'];
    theme.value = order[(order.indexOf(theme.value) + 1) % order.length]!;
  }

  return { theme, effectiveTheme, notices, info, notify, dismiss, loadInfo, cycleTheme, transport: api.kind };
});
