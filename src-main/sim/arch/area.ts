import type { SubarrayResult } from '../array/subarray.ts';
import type { DesignParams } from './design.ts';

// Area roll-up of a design: subarrays (cells and their periphery), the row predecoders NVSim puts
// beside each subarray (one per block, or one per tile when the tile's blocks run in lockstep and
// share it), inter-block switches and interconnect, and the controller.

import { COMPONENT_NAMES } from '../../shared/schemas/evaluation.ts';

export const COMPONENTS = COMPONENT_NAMES;
export type Component = (typeof COMPONENTS)[number];

export interface AreaRollup {
  readonly area_m2: number;
  readonly byComponent: Readonly<Record<Component, number>>;
  /** One block: its subarrays and its switch. */
  readonly block_m2: number;
}

export function rollUpArea(design: DesignParams, subarray: SubarrayResult): AreaRollup {
  const cells = subarray.breakdown.area_m2.cells ?? 0;
  const predecoder = subarray.predecoder.area_m2;
  const shared = design.decoders === 'per-tile';
  const peripheryPerSubarray = subarray.area_m2 - cells;
  const blocks = design.tiles * design.blocksPerTile;
  const subarrays = blocks * design.subarraysPerBlock;
  const byComponent: Record<Component, number> = {
    cells: subarrays * cells,
    periphery: subarrays * peripheryPerSubarray + (shared ? design.tiles : blocks) * predecoder,
    interconnect: blocks * design.switchAreaPerBlock_m2 + design.tiles * design.interconnectAreaPerTile_m2,
    controller: design.tiles * design.controllerAreaPerTile_m2,
  };
  return {
    area_m2: byComponent.cells + byComponent.periphery + byComponent.interconnect + byComponent.controller,
    byComponent,
    block_m2: design.subarraysPerBlock * subarray.area_m2 + (shared ? 0 : predecoder) + design.switchAreaPerBlock_m2,
  };
}
