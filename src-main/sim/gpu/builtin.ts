import type { DesignDefinition } from '../arch/builtin/definition.ts';
import { a100 } from './builtin/a100.ts';
import { gtx1080 } from './builtin/gtx-1080.ts';
import { h100 } from './builtin/h100.ts';
import { v100 } from './builtin/v100.ts';

// The shipped GPUs, oldest first: each a design of kind `gpu` whose values cite NVIDIA's
// whitepapers (or say "assumption:" and why).

export const BUILTIN_GPUS: readonly DesignDefinition[] = [gtx1080, v100, a100, h100];
