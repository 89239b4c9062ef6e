import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

// `pimwb serve` on a fresh clone has no built renderer yet: build it (the same `electron-vite build`
// as `npm run build`) when it is missing or older than its sources.

const SOURCES = ['src-renderer', 'src-main/shared', 'electron.vite.config.ts', 'package.json'];

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) {
    if (entry === 'node_modules') continue;
    newest = Math.max(newest, newestMtime(join(path, entry)));
  }
  return newest;
}

export function rendererDir(projectRoot: string): string {
  return join(projectRoot, 'out', 'renderer');
}

/** Why the renderer must be (re)built, or undefined when the build is current. */
export function rendererBuildReason(projectRoot: string): string | undefined {
  const index = join(rendererDir(projectRoot), 'index.html');
  if (!existsSync(index)) return 'the renderer has not been built yet';
  // An installed copy without sources cannot be rebuilt and needs no check.
  if (!existsSync(join(projectRoot, 'src-renderer'))) return undefined;
  const built = statSync(index).mtimeMs;
  const newest = Math.max(...SOURCES.map((s) => newestMtime(join(projectRoot, s))));
  return newest > built ? 'the renderer sources changed since the last build' : undefined;
}

export function buildRenderer(projectRoot: string): void {
  const bin = join(projectRoot, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js');
  if (!existsSync(bin)) throw new Error('electron-vite is not installed; run "npm install" in the workbench folder');
  const result = spawnSync(process.execPath, [bin, 'build', '--logLevel', 'warn'], { cwd: projectRoot, stdio: ['ignore', 'inherit', 'inherit'] });
  if (result.status !== 0) throw new Error(`building the renderer failed (electron-vite exited with ${result.status ?? result.signal})`);
}
