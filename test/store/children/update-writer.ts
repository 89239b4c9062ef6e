// One of several processes updating the same experiments at once through the contract, as the
// window, `pimwb serve` and the CLI do. Prints how many updates succeeded and how each failure read.
import { openWorkbench } from '../../../src-main/services/workbench.ts';

const [path, resources, startAt, count, ...refs] = process.argv.slice(2);
const wb = openWorkbench({ dbPath: path!, resourcesDir: resources!, appVersion: 'test' });
// Every writer starts at the same instant, so their transactions overlap.
await new Promise((resolve) => setTimeout(resolve, Number(startAt) - Date.now()));
let ok = 0;
const failures: string[] = [];
for (let i = 0; i < Number(count); i += 1) {
  const result = await wb.dispatch('experiments.update', { ref: refs[i % refs.length]!, notes: `writer ${process.pid} update ${i}`, tags: [`w${process.pid % 7}`, `n${i % 5}`] });
  if (result.ok) ok += 1;
  else failures.push(result.error.message);
}
wb.close();
process.stdout.write(JSON.stringify({ ok, failures }));
