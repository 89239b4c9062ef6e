import { describe, expect, it } from 'vitest';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { get } from 'node:http';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { useTempDir } from '../helpers/temp.ts';

// `pimwb` as real processes: the launcher that re-runs the CLI on the project's Node, and the
// package scripts that start it. Linux only (child processes are found through /proc).

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const PIMWB = join(ROOT, 'src-main/cli/pimwb.mjs');
const PROJECT_NODE = join(ROOT, 'node_modules/node/bin/node');
// Turning type stripping off makes this Node one the launcher cannot run the CLI on, so it takes
// the same path as on Node 20: re-running itself with the project's Node, as a child.
const OLD_NODE_ARGS = ['--no-experimental-strip-types'];
// A serve may first build the renderer (a few seconds, more on a busy machine).
const SERVE_TIMEOUT_MS = 90_000;

interface Ending {
  code: number | null;
  signal: NodeJS.Signals | null;
}

function ending(child: ChildProcess): Promise<Ending> {
  return new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
}

/** Resolves with the first http:// URL the process prints, or rejects with what it printed instead. */
function printedUrl(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const url = /http:\/\/\S+/.exec(out)?.[0];
      if (url) resolve(url);
    });
    child.stderr!.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.once('exit', (code, signal) => reject(new Error(`exited (${code ?? signal}) before printing a URL:\n${out}\n${err}`)));
  });
}

function parentOf(pid: string): number | undefined {
  try {
    // Fields after the command name, which is in parentheses and may contain spaces.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
  } catch {
    return undefined;
  }
}

function childrenOf(pid: number): number[] {
  return readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry) && parentOf(entry) === pid)
    .map(Number);
}

function commandLine(pid: number): string[] {
  return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean);
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return !readFileSync(`/proc/${pid}/stat`, 'utf8').includes(') Z ');
  } catch {
    return false;
  }
}

async function until(condition: () => boolean, timeoutMs = 5_000): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (!condition() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 25));
  return condition();
}

function status(url: string): Promise<number> {
  return new Promise((resolve, reject) => {
    get(url, { agent: false }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    }).on('error', reject);
  });
}

function refusesConnections(url: string): Promise<boolean> {
  return status(url).then(
    () => false,
    (error: NodeJS.ErrnoException) => error.code === 'ECONNREFUSED',
  );
}

describe('pimwb relaunched on the project Node', () => {
  const temp = useTempDir();

  async function startServe(): Promise<{ launcher: ChildProcess; serverPid: number; url: string; ended: Promise<Ending> }> {
    const launcher = spawn(process.execPath, [...OLD_NODE_ARGS, PIMWB, 'serve', '--port', '0', '--db', join(temp(), 'wb.sqlite')], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const ended = ending(launcher);
    const url = await printedUrl(launcher);
    const children = childrenOf(launcher.pid!);
    expect(children).toHaveLength(1);
    return { launcher, serverPid: children[0]!, url, ended };
  }

  it('runs the CLI in a child on the project Node and passes its exit codes through', () => {
    const version = spawnSync(process.execPath, [...OLD_NODE_ARGS, PIMWB, '--version'], { encoding: 'utf8' });
    expect(version.status).toBe(0);
    expect(version.stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
    const usage = spawnSync(process.execPath, [...OLD_NODE_ARGS, PIMWB, 'frobnicate'], { encoding: 'utf8' });
    expect(usage.status).toBe(2);
    expect(usage.stderr).toContain('unknown command "frobnicate"');
  });

  it(
    'stops the server it started when the launcher gets SIGTERM, and exits as the server did',
    async () => {
      const { launcher, serverPid, url, ended } = await startServe();
      expect(commandLine(serverPid)[0]).toBe(PROJECT_NODE);
      expect(commandLine(serverPid)).toContain(PIMWB);
      expect(await status(url)).toBe(200);
      launcher.kill('SIGTERM');
      // The server shuts down cleanly on SIGTERM, so the launcher exits 0 rather than by the signal.
      expect(await ended).toEqual({ code: 0, signal: null });
      expect(await until(() => !isRunning(serverPid))).toBe(true);
      expect(await refusesConnections(url)).toBe(true);
    },
    SERVE_TIMEOUT_MS,
  );

  it(
    'forwards SIGINT and SIGHUP too',
    async () => {
      for (const signal of ['SIGINT', 'SIGHUP'] as const) {
        const { launcher, serverPid, ended } = await startServe();
        launcher.kill(signal);
        expect(await ended, signal).toEqual({ code: 0, signal: null });
        expect(await until(() => !isRunning(serverPid)), signal).toBe(true);
      }
    },
    SERVE_TIMEOUT_MS,
  );

  it(
    'dies of the same signal as its child',
    async () => {
      const { serverPid, ended } = await startServe();
      process.kill(serverPid, 'SIGKILL');
      expect(await ended).toEqual({ code: null, signal: 'SIGKILL' });
    },
    SERVE_TIMEOUT_MS,
  );
});

describe('the package scripts', () => {
  const temp = useTempDir();
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { bin: Record<string, string>; scripts: Record<string, string> };

  it('point bin and the serve script at the launcher that exists', () => {
    expect(join(ROOT, pkg.bin.pimwb!)).toBe(PIMWB);
    expect(pkg.scripts.serve).toBe(`node ${pkg.bin.pimwb} serve`);
    expect(existsSync(PIMWB)).toBe(true);
  });

  it('runs the pimwb that npm install links into node_modules/.bin', () => {
    const help = spawnSync(join(ROOT, 'node_modules/.bin/pimwb'), ['--help'], { encoding: 'utf8' });
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/^Usage: pimwb /m);
  });

  it(
    'starts the server with npm run serve -- --port 0',
    async () => {
      // Its own process group, so npm, its shell and the server are stopped together.
      const npm = spawn('npm', ['run', '--silent', 'serve', '--', '--port', '0', '--db', join(temp(), 'wb.sqlite')], {
        cwd: ROOT,
        detached: true,
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      const ended = ending(npm);
      try {
        const url = await printedUrl(npm);
        expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]{32}$/);
        expect(await status(url)).toBe(200);
        process.kill(-npm.pid!, 'SIGTERM');
        await ended;
        expect(await until(() => childrenOf(npm.pid!).length === 0)).toBe(true);
        expect(await refusesConnections(url)).toBe(true);
      } finally {
        if (isRunning(npm.pid!)) process.kill(-npm.pid!, 'SIGKILL');
      }
    },
    SERVE_TIMEOUT_MS,
  );
});
