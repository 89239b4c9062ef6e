import { spawn, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

// Child processes for the store's crash, ownership and concurrency tests: the CLI itself and
// small scripts beside this file, run on the same Node as the tests.

export const CLI_ENTRY = fileURLToPath(new URL('../../src-main/cli/entry.ts', import.meta.url));

export function script(name: string): string {
  return fileURLToPath(new URL(`./children/${name}`, import.meta.url));
}

export interface ChildEnd {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
}

export function runChild(args: readonly string[], env: Record<string, string> = {}): Promise<ChildEnd> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
}

/** A pid no process has: that of a child that already exited. */
export function deadPid(): number {
  return spawnSync(process.execPath, ['-e', '']).pid!;
}
