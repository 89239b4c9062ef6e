// `npm run bench [-- --json] [-- --filter text]`: runs every test/bench/*.bench.ts and prints
// one figure per line as `name: value unit`, or the same figures as one JSON array. Each file
// runs in a fresh Node process, so the heap one benchmark leaves behind (100,000 stored
// experiments, large bit arrays) does not slow the garbage collection of the next.
import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { BenchCase } from './bench-case.ts';

interface Figure {
  name: string;
  value: number;
  unit: string;
}

function parseArgs(argv: string[]): { json: boolean; filter: string; file: string | undefined } {
  const at = (flag: string): string | undefined => {
    const i = argv.indexOf(flag);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  return { json: argv.includes('--json'), filter: at('--filter') ?? '', file: at('--file') };
}

function round(value: number): number {
  return Number(value.toPrecision(4));
}

/** In a child: measures one file's cases and writes them as JSON lines. */
async function measureFile(file: string, filter: string): Promise<void> {
  const mod = (await import(pathToFileURL(fileURLToPath(new URL(file, import.meta.url))).href)) as { default: BenchCase[] };
  for (const bench of mod.default) {
    if (filter && !bench.name.includes(filter)) continue;
    process.stdout.write(`${JSON.stringify({ name: bench.name, value: round(await bench.measure()), unit: bench.unit })}\n`);
  }
}

function main(): void {
  const { json, filter } = parseArgs(process.argv.slice(2));
  const folder = new URL('.', import.meta.url);
  const files = readdirSync(folder).filter((f) => f.endsWith('.bench.ts')).sort();
  const figures: Figure[] = [];
  for (const file of files) {
    const out = execFileSync(process.execPath, [fileURLToPath(import.meta.url), '--file', file, '--filter', filter], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
    for (const line of out.split('\n').filter(Boolean)) {
      const figure = JSON.parse(line) as Figure;
      figures.push(figure);
      if (!json) console.log(`${figure.name}: ${figure.value} ${figure.unit}`);
    }
  }
  if (json) console.log(JSON.stringify(figures, null, 2));
}

const args = parseArgs(process.argv.slice(2));
if (args.file) {
  measureFile(args.file, args.filter).catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exitCode = 1;
  });
} else {
  try {
    main();
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    process.exitCode = 1;
  }
}
