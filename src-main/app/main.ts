import { app, dialog, ipcMain, session, type BrowserWindow } from 'electron';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { openWorkbench, type Workbench } from '../services/workbench.ts';
import { resolveDbPath } from '../store/paths.ts';
import { describeError, WorkbenchFailure } from '../shared/result.ts';
import { registerIpc, forwardEvents } from './ipc.ts';
import { createSenderCheck } from './sender-policy.ts';
import { hardenEveryContents, hardenSession } from './security.ts';
import { createAppUrlCheck } from './app-url.ts';
import { createMainWindow, type WindowPaths } from './window.ts';
import { dbFlagFromArgv } from './argv.ts';
import { WorkerPool } from '../workers/pool.ts';

// Electron entry: a thin shell that opens the store, registers the contract over IPC, and shows
// one hardened window. Everything it does is also reachable through `pimwb serve`.

let window: BrowserWindow | undefined;

function rendererFile(): string {
  return join(__dirname, '../renderer/index.html');
}

function paths(): WindowPaths {
  return {
    preload: join(__dirname, '../preload/index.js'),
    rendererFile: rendererFile(),
    devServerUrl: process.env.ELECTRON_RENDERER_URL,
    stateFile: join(app.getPath('userData'), 'window-state.json'),
  };
}

function rendererUrl(): string {
  return process.env.ELECTRON_RENDERER_URL ?? pathToFileURL(rendererFile()).href;
}

function openStore(jobs: WorkerPool): Workbench | undefined {
  const { path, isDefault } = resolveDbPath({ flag: dbFlagFromArgv(process.argv), dataDir: app.getPath('userData') });
  try {
    return openWorkbench({
      jobs,
      dbPath: path,
      createParentDir: isDefault,
      resourcesDir: join(app.getAppPath(), 'resources'),
      appVersion: app.getVersion(),
      dispatch: { onInternalError: (error) => console.error(error) },
    });
  } catch (error) {
    const message = error instanceof WorkbenchFailure ? describeError(error.toError()) : String(error);
    dialog.showErrorBox('PIM Workbench cannot open its database', `${message}\n\nThe file was not changed.`);
    return undefined;
  }
}

function start(): void {
  // Simulations and sweeps run in worker threads so this thread only routes messages.
  const pool = new WorkerPool({ script: join(__dirname, 'sim-worker.js') });
  const workbench = openStore(pool);
  if (!workbench) {
    app.exit(1);
    return;
  }
  hardenSession(session.defaultSession);
  const windowPaths = paths();
  registerIpc(ipcMain, workbench.dispatch, createSenderCheck(rendererUrl()));
  window = createMainWindow(windowPaths);
  const stopForwarding = forwardEvents(workbench.events, window.webContents);
  window.on('closed', () => {
    stopForwarding();
    window = undefined;
  });
  app.on('will-quit', () => {
    void pool.close();
    workbench.close();
  });
}

if (!app.requestSingleInstanceLock()) {
  // Another workbench is running; it gets focus (below) and this one quits.
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!window) return;
    if (window.isMinimized()) window.restore();
    window.focus();
  });
  app.on('window-all-closed', () => app.quit());
  // Before any window exists, so no web contents is ever created without the rules.
  hardenEveryContents(app, createAppUrlCheck(rendererUrl()));
  void app.whenReady().then(start);
}
