import { homedir } from 'node:os';
import { join } from 'node:path';

// The CLI and `pimwb serve` use the same folder Electron gives the window as `userData`
// (app.getPath('userData') = <appData>/<productName>), so all three front doors share one store.

export const PRODUCT_NAME = 'PIM Workbench';
export const DB_FILE_NAME = 'workbench.sqlite';
export const DB_ENV_VAR = 'PIMWB_DB';

type Env = Readonly<Record<string, string | undefined>>;

/** Electron's appData folder for each platform (see Electron's app.getPath docs). */
export function appDataDir(platform: NodeJS.Platform, env: Env, home: string): string {
  if (platform === 'win32') return env.APPDATA ?? join(home, 'AppData', 'Roaming');
  if (platform === 'darwin') return join(home, 'Library', 'Application Support');
  return env.XDG_CONFIG_HOME || join(home, '.config');
}

export function userDataDir(platform: NodeJS.Platform = process.platform, env: Env = process.env, home: string = homedir()): string {
  return join(appDataDir(platform, env, home), PRODUCT_NAME);
}

/** The database file: the --db flag, else $PIMWB_DB, else the default file in the user-data folder. */
export function resolveDbPath(options: { flag?: string | undefined; env?: Env; dataDir?: string }): { path: string; isDefault: boolean } {
  const env = options.env ?? process.env;
  if (options.flag) return { path: options.flag, isDefault: false };
  const fromEnv = env[DB_ENV_VAR];
  if (fromEnv) return { path: fromEnv, isDefault: false };
  return { path: join(options.dataDir ?? userDataDir(process.platform, env), DB_FILE_NAME), isDefault: true };
}
