import type { DesignDefinition } from './definition.ts';
import { floatpim } from './floatpim.ts';
import { sotMram2t1mtjPim, sotMramPim, sttMramPim } from './sot-mram.ts';
import { BUILTIN_GPUS } from '../../gpu/builtin.ts';

export type { DesignDefinition } from './definition.ts';

/** The shipped PIM designs (chips of cells and arrays). */
export const BUILTIN_DESIGNS: readonly DesignDefinition[] = [sotMramPim, floatpim, sttMramPim, sotMram2t1mtjPim];

/** Every shipped design, PIM then GPU (values with `kind: gpu`, sim/gpu): what the workbench lists and reserves. */
export const BUILTIN_AND_GPU_DESIGNS: readonly DesignDefinition[] = [...BUILTIN_DESIGNS, ...BUILTIN_GPUS];

/** A shipped design of either kind by its id. */
export function builtinDesign(id: string): DesignDefinition | undefined {
  return BUILTIN_AND_GPU_DESIGNS.find((d) => d.id === id);
}
