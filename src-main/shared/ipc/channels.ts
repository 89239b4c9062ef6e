// The names of every contract channel and event. Kept free of zod so the sandboxed preload can
// import it; contract.ts must define exactly these (checked at compile time).

export const CHANNELS = [
  'app.info',
  'libraries.list',
  'libraries.get',
  'libraries.versions',
  'libraries.create',
  'libraries.clone',
  'libraries.saveVersion',
  'libraries.rename',
  'libraries.delete',
  'libraries.import',
  'libraries.export',
  'cells.list',
  'cells.get',
  'cells.errors',
  'cells.check',
  'cells.importNvsim',
  'cells.exportNvsim',
  'array.evaluate',
  'arith.ops',
  'arith.faults',
  'networks.list',
  'networks.get',
  'networks.import',
  'networks.delete',
  'designs.list',
  'designs.get',
  'designs.check',
  'experiments.run',
  'experiments.list',
  'experiments.get',
  'experiments.delete',
  'experiments.tags',
  'experiments.update',
  'experiments.rerun',
  'experiments.exportBundle',
  'experiments.importBundle',
  'paper.reproduce',
  'sweeps.run',
  'sweeps.cancel',
  'sweeps.get',
  'sweeps.points',
  'sweeps.rerun',
  'sweeps.update',
  'sweeps.delete',
  'sweeps.restore',
  'sweeps.export',
  'reproductions.get',
  'reproductions.rerun',
  'reproductions.update',
  'reproductions.delete',
  'reproductions.restore',
  'reproductions.export',
  'history.list',
  'analysis.sensitivity',
  'analysis.goalSeek',
  'analysis.sobol',
  'analysis.uncertainty',
  'analysis.paperBands',
] as const;

export type Channel = (typeof CHANNELS)[number];

export const EVENTS = ['libraries.changed', 'networks.changed', 'experiments.changed', 'sweeps.progress', 'history.changed'] as const;

export type EventName = (typeof EVENTS)[number];

const channelSet: ReadonlySet<string> = new Set(CHANNELS);
const eventSet: ReadonlySet<string> = new Set(EVENTS);

export function isChannel(name: unknown): name is Channel {
  return typeof name === 'string' && channelSet.has(name);
}

export function isEventName(name: unknown): name is EventName {
  return typeof name === 'string' && eventSet.has(name);
}

/** Prefix of the Electron IPC channel names, so ours never collide with Electron's or a library's. */
export const IPC_PREFIX = 'pimwb:';
