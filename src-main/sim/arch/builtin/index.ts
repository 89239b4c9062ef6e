import type { DesignDefinition } from './definition.ts';
import { floatpim } from './floatpim.ts';
import { sotMram2t1mtjPim, sotMramPim, sttMramPim } from './sot-mram.ts';

export type { DesignDefinition } from './definition.ts';

export const BUILTIN_DESIGNS: readonly DesignDefinition[] = [sotMramPim, floatpim, sttMramPim, sotMram2t1mtjPim];

export function builtinDesign(id: string): DesignDefinition | undefined {
  return BUILTIN_DESIGNS.find((d) => d.id === id);
}
