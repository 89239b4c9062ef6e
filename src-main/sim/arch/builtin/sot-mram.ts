import { v } from '../../cells/builtin/definition.ts';
import type { LibraryValue } from '../../params/read-values.ts';
import { floatpim } from './floatpim.ts';
import { FLOATPIM, WANG, type DesignDefinition } from './definition.ts';

// The proposed SOT-MRAM design and two MRAM variants. Wang et al. publish no organisation, so each
// takes FloatPIM's (same node, tiles, blocks, array size, power envelope and controller): the
// comparison then changes the cell and what follows from it, and nothing else. The comparison
// basis of `pimwb reproduce paper` decides what is resized from there.

const SAME_AS_FLOATPIM = `assumption: ${WANG} publish no organisation; FloatPIM's value is kept so the comparison changes the cell only`;

function overriding(base: readonly LibraryValue[], changes: readonly LibraryValue[]): LibraryValue[] {
  const byKey = new Map(changes.map((c) => [c.key, c]));
  return base.map((value) => byKey.get(value.key) ?? { ...value, source: value.source.startsWith('assumption:') ? value.source : `${SAME_AS_FLOATPIM} (${value.source})` });
}

function mramDesign(id: string, name: string, cell: string, cellSource: string, description: string): DesignDefinition {
  return {
    id,
    name,
    description,
    values: overriding(floatpim.values, [
      v('cell', cell, '', cellSource),
      v('arithMode', 'ftz-trunc', '', 'assumption: same arithmetic mode as the FloatPIM baseline, so both run the same number semantics'),
      v('mux', 1, '1', 'assumption: one sense amplifier per column, so every lane senses in every step (multi-row sensing is how these cells compute)'),
      v('initPolicy', 'per-gate', '', 'assumption: not used by MRAM cells (they compute by sensing, with no MAGIC output initialisation)'),
      v(
        'transfer.stepsPerBit',
        2,
        '1',
        'assumption: one sensed read in the source block and one write in the neighbour per bit, all lanes at once (the MRAM counterpart of FloatPIM\'s 2 cycles per bit)',
      ),
      v(
        'powerBudget',
        62.6,
        'W',
        `assumption: the same 62.6 W envelope as FloatPIM (${FLOATPIM}), so the designs are compared at equal chip power`,
      ),
    ]),
  };
}

export const sotMramPim = mramDesign(
  'sot-mram-pim',
  'SOT-MRAM PIM (2T2MTJ complementary, Wang et al.)',
  'builtin:sot-mram-2t2mtj',
  `${WANG}: complementary 2T2MTJ SOT-MRAM cell computing by multi-row sensing and search`,
  'The proposed design: complementary 2T2MTJ SOT-MRAM cells computing by multi-row sensing (MAJ, XOR) and content search, in FloatPIM\'s organisation at 28 nm.',
);

export const sotMram2t1mtjPim = mramDesign(
  'sot-mram-2t1mtj-pim',
  'SOT-MRAM PIM (2T1MTJ)',
  'builtin:sot-mram-2t1mtj',
  'assumption: the single-MTJ SOT cell in place of the complementary one, to show what the complementary cell buys',
  'A variant of the proposed design with one MTJ per bit (2T1MTJ SOT-MRAM): smaller cells, no in-cell complement.',
);

export const sttMramPim = mramDesign(
  'stt-mram-pim',
  'STT-MRAM PIM (1T1MTJ)',
  'builtin:stt-mram-1t1mtj',
  'assumption: the NVSim sample STT-MRAM cell in place of the SOT cell, to show what SOT writes buy',
  'A variant with STT-MRAM 1T1MTJ cells (NVSim sample cell): slower, costlier writes through the MTJ.',
);
