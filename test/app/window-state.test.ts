import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { writeFileSync } from 'node:fs';
import { DEFAULT_STATE, loadState, restoreState, saveState } from '../../src-main/app/window-state.ts';
import { dbFlagFromArgv } from '../../src-main/app/argv.ts';
import { useTempDir } from '../helpers/temp.ts';

const DISPLAY = { x: 0, y: 0, width: 1920, height: 1080 };

describe('window state', () => {
  const temp = useTempDir();

  it('restores a position that is on a display', () => {
    const saved = { bounds: { x: 100, y: 50, width: 1400, height: 900 }, maximized: true };
    expect(restoreState(saved, [DISPLAY])).toEqual(saved);
  });

  it('keeps the size but drops a position on a display that is gone', () => {
    const saved = { bounds: { x: 2500, y: 50, width: 1400, height: 900 }, maximized: false };
    expect(restoreState(saved, [DISPLAY])).toEqual({ bounds: { width: 1400, height: 900 }, maximized: false });
  });

  it('falls back to the default on garbage, and survives a missing or corrupt file', () => {
    expect(restoreState({ bounds: { x: 'a' } }, [DISPLAY])).toEqual(DEFAULT_STATE);
    expect(loadState(join(temp(), 'missing.json'), [DISPLAY])).toEqual(DEFAULT_STATE);
    const corrupt = join(temp(), 'corrupt.json');
    writeFileSync(corrupt, '{"bounds":');
    expect(loadState(corrupt, [DISPLAY])).toEqual(DEFAULT_STATE);
  });

  it('round-trips through its file', () => {
    const path = join(temp(), 'state.json');
    const state = { bounds: { x: 10, y: 20, width: 1300, height: 820 }, maximized: false };
    saveState(path, state);
    expect(loadState(path, [DISPLAY])).toEqual(state);
  });

  it('reads --db from Electron arguments', () => {
    expect(dbFlagFromArgv(['electron', '.', '--db', '/x.sqlite'])).toBe('/x.sqlite');
    expect(dbFlagFromArgv(['electron', '.', '--db=/y.sqlite'])).toBe('/y.sqlite');
    expect(dbFlagFromArgv(['electron', '.'])).toBeUndefined();
  });
});
