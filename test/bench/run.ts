// `npm run bench [-- --json] [-- --filter text]`: runs every test/bench/*.bench.ts and prints
// one figure per line as `name: value unit`, or the same figures as one JSON array.
import { readdirSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import type { BenchCase } from './bench-case.ts';

interface Figure {
  name: string;
  value: number;
  unit: string;
}

function parseArgs(argv: string[]): { json: boolean; filter: string } {
  const json = argv.includes('--json');
  const at = argv.indexOf('--filter');
  return { json, filter: at >= 0 ? (argv[at + 1] ?? '') : '' };
}

function round(value: number): number {
  return Number(value.toPrecision(4));
}

async function main(): Promise<void> {
  const { json, filter } = parseArgs(process.argv.slice(2));
  const folder = new URL('.', import.meta.url);
  const files = readdirSync(folder).filter((f) => f.endsWith('.bench.ts')).sort();
  const figures: Figure[] = [];
  for (const file of files) {
    const mod = (await import(pathToFileURL(new URL(file, folder).pathname).href)) as { default: BenchCase[] };
    for (const bench of mod.default) {
      if (filter && !bench.name.includes(filter)) continue;
      const figure = { name: bench.name, value: round(await bench.measure()), unit: bench.unit };
      figures.push(figure);
      if (!json) console.log(`${figure.name}: ${figure.value} ${figure.unit}`);
    }
  }
  if (json) console.log(JSON.stringify(figures, null, 2));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exitCode = 1;
});
