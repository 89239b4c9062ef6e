// A process that stores a run while its job runs (queued, running, done), for the crash,
// ownership and concurrency tests. `hold` stops at running and waits to be killed, printing the
// run's id; a start time (ms since the epoch) makes several such processes open the file together.
import { openWorkbenchDb } from '../../../src-main/store/db.ts';
import { ExperimentRepo } from '../../../src-main/store/repos/experiments.ts';
import { systemClock } from '../../../src-main/store/ids.ts';

const [mode, path, startAt] = process.argv.slice(2);
if (startAt) await new Promise((resolve) => setTimeout(resolve, Number(startAt) - Date.now()));
const db = openWorkbenchDb(path!);
const repo = new ExperimentRepo(db, systemClock);
const id = repo.create({ name: 'job in flight', tags: ['crash'], inputSnapshot: { options: { batch: 1 } }, modelVersion: 'm', appVersion: 'a' });
repo.start(id);
if (mode === 'hold') {
  process.stdout.write(`${id}\n`);
  setInterval(() => undefined, 60_000);
} else {
  repo.finish(id, { status: 'done', results: { energy_J: 1 } });
  db.close();
}
