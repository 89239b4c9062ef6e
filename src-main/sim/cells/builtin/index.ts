import type { CellDefinition } from './definition.ts';
import { sotMram2t2mtj, sotMram4t2mtj } from './sot-mram-2t2mtj.ts';
import { sotMram2t1mtj } from './sot-mram-2t1mtj.ts';
import { sttMram1t1mtj } from './stt-mram-1t1mtj.ts';
import { reramMagic } from './reram-magic.ts';

export type { CellDefinition } from './definition.ts';

export const BUILTIN_CELLS: readonly CellDefinition[] = [sotMram2t2mtj, sotMram4t2mtj, sotMram2t1mtj, sttMram1t1mtj, reramMagic];

export function builtinCell(id: string): CellDefinition | undefined {
  return BUILTIN_CELLS.find((c) => c.id === id);
}
