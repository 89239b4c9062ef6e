import type { LibraryValue } from '../../params/read-values.ts';

/** A shipped design: its library values (each with unit and source) plus what it is. */
export interface DesignDefinition {
  readonly id: string;
  readonly name: string;
  readonly description: string;
  readonly values: readonly LibraryValue[];
}

export { FLOATPIM, WANG } from '../../cells/builtin/sources.ts';

/** FloatPIM's published area shares of its 30.64 mm^2 chip, turned into per-tile and per-block figures. */
const CHIP_AREA_MM2 = 30.64;
export const FLOATPIM_CONTROLLER_MM2_PER_TILE = (CHIP_AREA_MM2 * 0.03) / 32;
export const FLOATPIM_SWITCH_UM2_PER_BLOCK = (CHIP_AREA_MM2 * 0.0024 * 1e6) / (32 * 256);
export const FLOATPIM_INTERCONNECT_UM2_PER_TILE = (CHIP_AREA_MM2 * 0.0015 * 1e6) / 32;

/** Rounded for display; the exact figure is in the source text. */
export const round4 = (x: number): number => Number(x.toPrecision(4));
