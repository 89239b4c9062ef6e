import { CLASSIC_NETWORKS } from './classic.ts';
import { MODERN_NETWORKS } from './modern.ts';
import type { ZooEntry } from './builder.ts';

export type { ZooEntry } from './builder.ts';

/** The built-in networks, in the order users see them. */
export const ZOO: readonly ZooEntry[] = [...CLASSIC_NETWORKS, ...MODERN_NETWORKS].map((make) => make());

export function zooNetwork(id: string): ZooEntry | undefined {
  return ZOO.find((z) => z.id === id);
}
