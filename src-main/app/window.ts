import { BrowserWindow, screen } from 'electron';
import { windowOptions } from './window-options.ts';
import { loadState, saveState, type WindowState } from './window-state.ts';

// Creates the workbench window where it was last, and remembers where it is when it closes.
// Its web contents is hardened by hardenEveryContents, installed before any window exists.

export interface WindowPaths {
  readonly preload: string;
  readonly rendererFile: string;
  readonly devServerUrl: string | undefined;
  readonly stateFile: string;
}

export function createMainWindow(paths: WindowPaths): BrowserWindow {
  const workAreas = screen.getAllDisplays().map((d) => d.workArea);
  const state = loadState(paths.stateFile, workAreas);
  const win = new BrowserWindow(windowOptions(paths.preload, state.bounds, Boolean(paths.devServerUrl)));
  if (state.maximized) win.maximize();
  win.once('ready-to-show', () => win.show());
  win.on('close', () => {
    const current: WindowState = { bounds: win.getNormalBounds(), maximized: win.isMaximized() };
    try {
      saveState(paths.stateFile, current);
    } catch {
      // Losing the window position is not worth blocking the quit.
    }
  });
  if (paths.devServerUrl) void win.loadURL(paths.devServerUrl);
  else void win.loadFile(paths.rendererFile);
  return win;
}

