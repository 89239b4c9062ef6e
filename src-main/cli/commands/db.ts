import { resolve } from 'node:path';
import { statSync } from 'node:fs';
import type { Command } from '../context.ts';
import { backupTo } from '../../store/db.ts';

// `pimwb db ...`: where the store is, and a safe copy of it.

const info: Command = {
  path: ['db', 'info'],
  summary: 'show the database file in use, its schema version and what it holds',
  options: [],
  async run(ctx) {
    const about = await ctx.call('app.info', {});
    const libraries = (await ctx.call('libraries.list', {})).items.filter((l) => !l.builtIn).length;
    const experiments = (ctx.open().db.prepare('SELECT count(*) AS n FROM experiments').get() as { n: number }).n;
    const bytes = statSync(about.dbPath).size;
    const value = { ...about, bytes, libraries, experiments };
    ctx.print(value, () =>
      [
        `database:     ${about.dbPath}`,
        `size:         ${(bytes / 1024).toFixed(0)} KiB (plus a -wal file while in use)`,
        `schema:       ${about.schemaVersion}`,
        `libraries:    ${libraries} saved (built-in ones not counted)`,
        `experiments:  ${experiments}`,
        `app / model:  ${about.appVersion} / ${about.modelVersion}`,
      ].join('\n'),
    );
  },
};

const backup: Command = {
  path: ['db', 'backup'],
  summary: 'copy the database to a new file, safely even while the workbench is open',
  operands: '<file.sqlite>',
  arity: [1, 1],
  options: [],
  async run(ctx, args) {
    const target = args.positionals[0]!;
    const full = resolve(ctx.io.cwd, target);
    const { pages } = await backupTo(ctx.open().db, full);
    ctx.print({ path: full, pages }, () => `backed up to ${full}`);
  },
};

export const dbCommands: readonly Command[] = [info, backup];
