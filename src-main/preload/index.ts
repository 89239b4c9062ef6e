import { contextBridge, ipcRenderer } from 'electron';
import { createBridge } from './bridge.ts';
import { BRIDGE_GLOBAL } from '../shared/ipc/bridge.ts';

// Runs sandboxed before the page; exposes only the contract bridge (see bridge.ts).
contextBridge.exposeInMainWorld(BRIDGE_GLOBAL, createBridge(ipcRenderer));
