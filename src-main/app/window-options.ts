import type { BrowserWindowConstructorOptions } from 'electron';
import type { Bounds } from './window-state.ts';

// The window's settings. The page is treated as untrusted: sandboxed, isolated, no Node.

export function windowOptions(preloadPath: string, bounds: Bounds, isDev: boolean): BrowserWindowConstructorOptions {
  return {
    ...bounds,
    minWidth: 960,
    minHeight: 600,
    show: false,
    title: 'PIM Workbench',
    backgroundColor: '#f6f7f9',
    autoHideMenuBar: true,
    webPreferences: {
      preload: preloadPath,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      devTools: isDev,
    },
  };
}
