import { reactive, watch } from 'vue';
import type { PaperStyle } from './paper-theme.ts';

// The export style chosen last, shared by every chart's export menu and kept across sessions:
// someone preparing figures for a paper exports many in the same style.

export interface ExportPreferences {
  /** 0: as shown on screen; 1 or 2: a paper figure that wide in columns. */
  columns: 0 | 1 | 2;
  font: PaperStyle['font'];
}

const KEY = 'pimwb.export.style';

function load(): ExportPreferences {
  try {
    const parsed = JSON.parse(localStorage.getItem(KEY) ?? '{}') as Partial<ExportPreferences>;
    return { columns: parsed.columns === 1 || parsed.columns === 2 ? parsed.columns : 0, font: parsed.font === 'sans' ? 'sans' : 'serif' };
  } catch {
    return { columns: 0, font: 'serif' };
  }
}

const preferences = reactive<ExportPreferences>(load());
watch(preferences, (value) => localStorage.setItem(KEY, JSON.stringify(value)));

export function useExportPreferences(): ExportPreferences {
  return preferences;
}

export function paperStyleOf(prefs: ExportPreferences): PaperStyle | null {
  return prefs.columns === 0 ? null : { columns: prefs.columns, font: prefs.font };
}
