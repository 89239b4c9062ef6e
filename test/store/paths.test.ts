import { describe, expect, it } from 'vitest';
import { resolveDbPath, userDataDir } from '../../src-main/store/paths.ts';

describe('data folder', () => {
  it("matches Electron's userData folder on each platform", () => {
    expect(userDataDir('linux', {}, '/home/ada')).toBe('/home/ada/.config/PIM Workbench');
    expect(userDataDir('linux', { XDG_CONFIG_HOME: '/cfg' }, '/home/ada')).toBe('/cfg/PIM Workbench');
    expect(userDataDir('darwin', {}, '/Users/ada')).toBe('/Users/ada/Library/Application Support/PIM Workbench');
    expect(userDataDir('win32', { APPDATA: 'C:/Users/ada/AppData/Roaming' }, 'C:/Users/ada')).toBe('C:/Users/ada/AppData/Roaming/PIM Workbench');
  });
  it('prefers --db, then PIMWB_DB, then the default file', () => {
    expect(resolveDbPath({ flag: 'a.sqlite', env: { PIMWB_DB: 'b.sqlite' } })).toEqual({ path: 'a.sqlite', isDefault: false });
    expect(resolveDbPath({ env: { PIMWB_DB: 'b.sqlite' } })).toEqual({ path: 'b.sqlite', isDefault: false });
    expect(resolveDbPath({ env: {}, dataDir: '/data' })).toEqual({ path: '/data/workbench.sqlite', isDefault: true });
  });
});
