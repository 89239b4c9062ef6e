import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BenchCase } from './bench-case.ts';

// Writers at once on one database, as a lab machine sees them: `pimwb serve` answering a browser
// that edits experiments (HTTP experiments.update, one after another), while five CLI processes
// store runs (`pimwb run`, over and over) for 60 s. Every write must wait its turn for the lock:
// the figure that matters is the number of "database is locked" errors, which must be 0.

const PIMWB = fileURLToPath(new URL('../../src-main/cli/pimwb.mjs', import.meta.url));
const CLI_WRITERS = 5;
const SECONDS = 60;

interface Tally {
  cliWrites: number;
  httpWrites: number;
  locked: number;
  otherFailures: number;
  slowestUpdateMs: number;
}

function run(args: readonly string[]): Promise<{ code: number | null; output: string }> {
  const child = spawn(process.execPath, [PIMWB, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr.on('data', (c: Buffer) => (output += c.toString()));
  return once(child, 'close').then(([code]) => ({ code: code as number | null, output }));
}

function count(tally: Tally, source: 'cliWrites' | 'httpWrites', ok: boolean, message: string): void {
  if (ok) tally[source] += 1;
  else if (/database is locked|SQLITE_BUSY/i.test(message)) tally.locked += 1;
  else tally.otherFailures += 1;
}

async function startServe(db: string): Promise<{ child: ChildProcess; origin: string; token: string }> {
  const child = spawn(process.execPath, [PIMWB, 'serve', '--port', '0', '--db', db, '--json'], { stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  for await (const chunk of child.stdout as AsyncIterable<Buffer>) {
    out += chunk.toString();
    try {
      const { url, token } = JSON.parse(out) as { url: string; token: string };
      return { child, origin: new URL(url).origin, token };
    } catch {
      // Not a whole JSON object yet.
    }
  }
  throw new Error(`pimwb serve stopped before printing its URL: ${out}`);
}

async function cliWriter(db: string, index: number, until: number, tally: Tally): Promise<void> {
  for (let i = 0; Date.now() < until; i += 1) {
    const { code, output } = await run(['--db', db, 'run', '--design', 'sot-mram-pim', '--network', 'lenet5', '--name', `writer ${index} run ${i}`, '--json']);
    count(tally, 'cliWrites', code === 0, output);
  }
}

async function httpEditor(served: { origin: string; token: string }, refs: readonly string[], until: number, tally: Tally): Promise<void> {
  for (let i = 0; Date.now() < until; i += 1) {
    const started = performance.now();
    const response = await fetch(`${served.origin}/api/experiments.update`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${served.token}` },
      body: JSON.stringify({ ref: refs[i % refs.length], notes: `edit ${i}`, tags: [`t${i % 3}`] }),
    });
    const envelope = (await response.json()) as { ok: boolean; error?: { message: string } };
    tally.slowestUpdateMs = Math.max(tally.slowestUpdateMs, performance.now() - started);
    count(tally, 'httpWrites', envelope.ok, envelope.error?.message ?? '');
  }
}

async function measure(): Promise<Tally & { seconds: number }> {
  const dir = mkdtempSync(join(tmpdir(), 'pimwb-bench-'));
  const db = join(dir, 'bench.sqlite');
  try {
    const refs: string[] = [];
    for (const network of ['lenet5', 'alexnet', 'resnet18']) {
      const { output } = await run(['--db', db, 'run', '--design', 'sot-mram-pim', '--network', network, '--json']);
      refs.push((JSON.parse(output) as { experimentId: string }).experimentId);
    }
    const served = await startServe(db);
    const tally: Tally = { cliWrites: 0, httpWrites: 0, locked: 0, otherFailures: 0, slowestUpdateMs: 0 };
    const started = Date.now();
    const until = started + SECONDS * 1000;
    await Promise.all([httpEditor(served, refs, until, tally), ...Array.from({ length: CLI_WRITERS }, (_, i) => cliWriter(db, i, until, tally))]);
    const seconds = (Date.now() - started) / 1000;
    served.child.kill('SIGTERM');
    await once(served.child, 'exit');
    return { ...tally, seconds };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

let measured: ReturnType<typeof measure> | undefined;
/** One 60 s run feeds every figure below. */
const scenario = (): ReturnType<typeof measure> => (measured ??= measure());

const LABEL = `${CLI_WRITERS} CLI writers + HTTP edits against pimwb serve, ${SECONDS} s`;

const cases: BenchCase[] = [
  { name: `"database is locked" errors (${LABEL})`, unit: 'errors', measure: async () => (await scenario()).locked },
  { name: `other failed writes (${LABEL})`, unit: 'errors', measure: async () => (await scenario()).otherFailures },
  { name: `writes committed (${LABEL})`, unit: 'per s', measure: async () => ((s) => (s.cliWrites + s.httpWrites) / s.seconds)(await scenario()) },
  { name: `runs stored by the CLI writers (${LABEL})`, unit: 'per s', measure: async () => ((s) => s.cliWrites / s.seconds)(await scenario()) },
  { name: `HTTP experiment edits (${LABEL})`, unit: 'per s', measure: async () => ((s) => s.httpWrites / s.seconds)(await scenario()) },
  { name: `slowest HTTP experiment edit (${LABEL})`, unit: 'ms', measure: async () => (await scenario()).slowestUpdateMs },
];

export default cases;
