#!/usr/bin/env node
// The `pimwb` command. The CLI runs its TypeScript sources directly (Node strips the types), so it
// works right after `npm install` with no build step. On a Node without type stripping it re-runs
// itself with the Node that the project installs as a dev dependency.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { relaunch } from './relaunch.mjs';

const MIN_VERSION = [22, 18];

function isNodeRecentEnough() {
  const [major, minor] = process.versions.node.split('.').map(Number);
  const recent = major > MIN_VERSION[0] || (major === MIN_VERSION[0] && minor >= MIN_VERSION[1]);
  return recent && Boolean(process.features.typescript);
}

if (isNodeRecentEnough()) {
  await import('./entry.ts');
} else {
  const exe = process.platform === 'win32' ? 'node.exe' : 'node';
  const localNode = fileURLToPath(new URL(`../../node_modules/node/bin/${exe}`, import.meta.url));
  if (!existsSync(localNode) || process.env.PIMWB_REEXEC) {
    console.error(`pimwb: error: needs Node ${MIN_VERSION.join('.')} or newer (this is ${process.versions.node}); run "npm install" in the workbench folder`);
    process.exit(1);
  }
  relaunch(localNode, [fileURLToPath(import.meta.url), ...process.argv.slice(2)], { ...process.env, PIMWB_REEXEC: '1' });
}
