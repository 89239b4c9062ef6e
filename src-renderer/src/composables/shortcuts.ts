import { onBeforeUnmount, onMounted } from 'vue';

// Keyboard shortcuts of a page, active while it is shown. Keys typed into a field are left alone
// unless the shortcut uses Ctrl/Cmd or Alt.

export interface Shortcut {
  /** e.g. "ctrl+n", "alt+1", "/", "f2", "delete" (ctrl also matches Cmd on macOS). */
  readonly keys: string;
  readonly run: (event: KeyboardEvent) => void;
}

function matches(event: KeyboardEvent, keys: string): boolean {
  const parts = keys.toLowerCase().split('+');
  const key = parts.pop();
  const wantCtrl = parts.includes('ctrl');
  const wantAlt = parts.includes('alt');
  const wantShift = parts.includes('shift');
  return (
    event.key.toLowerCase() === key &&
    (event.ctrlKey || event.metaKey) === wantCtrl &&
    event.altKey === wantAlt &&
    (key === '/' || event.shiftKey === wantShift)
  );
}

function isTyping(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));
}

export function useShortcuts(shortcuts: readonly Shortcut[]): void {
  function onKey(event: KeyboardEvent): void {
    if (event.defaultPrevented) return;
    if (document.querySelector('[aria-modal="true"]')) return;
    for (const shortcut of shortcuts) {
      if (!matches(event, shortcut.keys)) continue;
      const modified = /ctrl|alt/.test(shortcut.keys);
      if (!modified && isTyping(event.target)) return;
      event.preventDefault();
      shortcut.run(event);
      return;
    }
  }
  onMounted(() => document.addEventListener('keydown', onKey));
  onBeforeUnmount(() => document.removeEventListener('keydown', onKey));
}
