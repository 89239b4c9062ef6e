import { sql as librariesAndExperiments } from './001-libraries-and-experiments.ts';
import { sql as networks } from './002-networks.ts';
import { sql as experimentSearch } from './003-experiment-search.ts';
import { sql as runOwners } from './004-run-owners.ts';
import { sql as sweepsAndReproductions } from './005-sweeps-and-reproductions.ts';
import { sql as valueRanges } from './006-value-ranges.ts';

export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly sql: string;
}

/** Numbered 1..n without gaps; `PRAGMA user_version` records the last one applied. */
export const MIGRATIONS: readonly Migration[] = [
  { version: 1, name: 'libraries and experiments', sql: librariesAndExperiments },
  { version: 2, name: 'networks', sql: networks },
  { version: 3, name: 'experiment search', sql: experimentSearch },
  { version: 4, name: 'run owners and interrupted runs', sql: runOwners },
  { version: 5, name: 'sweeps and paper reproductions', sql: sweepsAndReproductions },
  { version: 6, name: 'uncertainty ranges on library values', sql: valueRanges },
];

export const LATEST_SCHEMA_VERSION = MIGRATIONS.length;
