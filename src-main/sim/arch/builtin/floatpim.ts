import { span, v } from '../../cells/builtin/definition.ts';
import {
  FLOATPIM,
  FLOATPIM_CONTROLLER_MM2_PER_TILE,
  FLOATPIM_INTERCONNECT_UM2_PER_TILE,
  FLOATPIM_SWITCH_UM2_PER_BLOCK,
  round4,
  type DesignDefinition,
} from './definition.ts';

// The baseline: FloatPIM's ReRAM digital PIM, organised as published. Values FloatPIM does not
// publish are assumptions, each with its reason; the shared ones are reused by the SOT designs so a
// comparison changes the cell and nothing else unless asked.

export const SHARED_ASSUMPTIONS = {
  controllerPower: v(
    'controller.powerPerTile',
    10,
    'mW',
    'assumption: about 0.35 W/mm^2, the order of synthesised control logic at 28 nm, times the controller area FloatPIM publishes (3.0% of 30.64 mm^2 over 32 tiles); FloatPIM gives no controller power',
  ),
  wire: v(
    'transfer.wireEnergyPerBit',
    5,
    'fJ',
    'assumption: one switch and about 30 um of wire to the neighbouring block per lane: (2 x 0.7 fF NAND2-size switch gate + 0.2 fF/um x 30 um) x (0.9 V)^2 (28 nm gate figures of the ZigZag in-memory-computing cost model, Mei et al., IEEE TC 2021)',
    span(
      2.75,
      17.3,
      'log-uniform',
      'assumption: FloatPIM publishes no block pitch; 10 to 100 um of wire to the neighbouring block gives (1.4 fF + 0.2 fF/um x 10 to 100 um) x (0.9 V)^2 = 2.75 to 17.3 fJ (28 nm figures of ZigZag, Mei et al., IEEE TC 2021)',
    ),
  ),
  operandWrites: v(
    'operandWritesPerMac',
    1,
    '1',
    'assumption: weights stay in their lanes (weight-stationary, as FloatPIM stores weights in its blocks); the other operand of each MAC is written into the lane',
  ),
  idleBlocks: v(
    'idleBlocks',
    'power-gated',
    '',
    'assumption: blocks that wait for the power envelope are switched off; their non-volatile cells keep the data, so only computing blocks leak',
  ),
  batch: v('batch', 64, '1', 'assumption: FloatPIM does not state its batch; 64 is a common ImageNet batch per accelerator of its time'),
  decoders: v(
    'decoders',
    'per-tile',
    '',
    `assumption: the blocks of a tile execute the same microprogram step (SIMD), so one row predecoder per tile serves them all (each block keeps its own line decoders and drivers); ${FLOATPIM} lists only drivers, sense amplifiers and a shifter per block`,
  ),
} as const;

export const floatpim: DesignDefinition = {
  id: 'floatpim',
  name: 'FloatPIM (ReRAM, MAGIC NOR)',
  description:
    'FloatPIM: 32 tiles of 256 blocks, each block a 1024 x 1024 ReRAM crossbar computing with MAGIC NOR, bf16 training at 28 nm, blocks joined by switches to their neighbours.',
  values: [
    v('cell', 'builtin:reram-magic', '', `${FLOATPIM}: ReRAM crossbar computing by MAGIC NOR`),
    v('node', 28, 'nm', `${FLOATPIM}: 28 nm`),
    v('tiles', 32, '1', `${FLOATPIM}: 32 tiles`),
    v('blocksPerTile', 256, '1', `${FLOATPIM}: 256 blocks per tile`),
    v('subarraysPerBlock', 1, '1', `${FLOATPIM}: a block is one 1024 x 1024 crossbar`),
    v('rows', 1024, '1', `${FLOATPIM}: 1024 x 1024 crossbar`),
    v('cols', 1024, '1', `${FLOATPIM}: 1024 x 1024 crossbar`),
    v('mux', 8, '1', `assumption: one sense amplifier per 8 columns for reading rows out; ${FLOATPIM} computes without sensing (MAGIC), so its read-out path need not be wide`),
    v('initPolicy', 'bulk', '', `${FLOATPIM}: its cycle formulas count no initialisation cycles, i.e. output columns are initialised together ahead of the gates`),
    v('wear.levelling', 'rotate', '', `${FLOATPIM}: the processing columns (93 of 1024 for bfloat16) are rotated over the block, for about 11x lifetime`),
    v(
      'powerBudget',
      62.6,
      'W',
      `${FLOATPIM}: 62.6 W chip power. assumption: taken as the chip's power envelope; when every block computing at once would draw more, only as many compute at a time as it allows`,
    ),
    v('format.forward', 'bf16', '', `${FLOATPIM}: bfloat16 is its default training format`),
    v('format.backward', 'bf16', '', `${FLOATPIM}: bfloat16 is its default training format`),
    v('format.update', 'bf16', '', `${FLOATPIM}: bfloat16 is its default training format`),
    v('arithMode', 'ftz-trunc', '', `assumption: ${FLOATPIM}'s FP formulas have no rounding or subnormal steps, so flush-to-zero with truncation is the closest executable mode`),
    v('transfer.stepsPerBit', 2, '1', `${FLOATPIM}: moving bw-bit values between neighbouring blocks takes 2 x bw cycles, all rows at once`),
    SHARED_ASSUMPTIONS.wire,
    SHARED_ASSUMPTIONS.operandWrites,
    SHARED_ASSUMPTIONS.decoders,
    SHARED_ASSUMPTIONS.idleBlocks,
    v('controller.areaPerTile', round4(FLOATPIM_CONTROLLER_MM2_PER_TILE), 'mm^2', `${FLOATPIM}: controller 3.0% of 30.64 mm^2, over 32 tiles`),
    SHARED_ASSUMPTIONS.controllerPower,
    v('switch.areaPerBlock', round4(FLOATPIM_SWITCH_UM2_PER_BLOCK), 'um^2', `${FLOATPIM}: switches 0.24% of 30.64 mm^2, over 8192 blocks`),
    v('interconnect.areaPerTile', round4(FLOATPIM_INTERCONNECT_UM2_PER_TILE), 'um^2', `${FLOATPIM}: interconnect 0.15% of 30.64 mm^2, over 32 tiles`),
    SHARED_ASSUMPTIONS.batch,
  ],
};
