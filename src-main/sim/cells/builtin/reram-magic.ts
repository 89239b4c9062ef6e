import { v, type CellDefinition } from './definition.ts';

const FLOATPIM = 'FloatPIM, Imani et al., ISCA 2019 (domain.md section 3)';

// FloatPIM's ReRAM crossbar cell: computes with MAGIC NOR (the output cell is set first, then
// switched off when any input is on), row-parallel across the block.
export const reramMagic: CellDefinition = {
  id: 'reram-magic',
  name: 'ReRAM crossbar, MAGIC NOR (FloatPIM)',
  description:
    'Transistor-less ReRAM crossbar cell computing by MAGIC stateful NOR: the output cell is initialised to low resistance, then switched off by the voltage the inputs let through. Row-parallel: every row of a block computes at once. Includes the search periphery FloatPIM assumes for exponent alignment.',
  values: [
    v('family', 'reram-magic', '', FLOATPIM),
    v('cellArea', 4, 'F^2', `assumption: the 4 F^2 minimum of a cross-point cell (NVSim sample_RRAM.cell); ${FLOATPIM} implies about 4.3 F^2 per bit including periphery`),
    v('aspectRatio', 1, '1', 'assumption: square cross-point cell (NVSim sample_RRAM.cell)'),
    v('resistanceLow', 10, 'kOhm', `${FLOATPIM}: VTEAM model, R_on 10 kOhm`),
    v('resistanceHigh', 10, 'MOhm', `${FLOATPIM}: VTEAM model, R_off 10 MOhm`),
    v('readMode', 'voltage', '', 'assumption: voltage-mode latch sense amplifiers; FloatPIM puts 95.1% of its area in crossbars, leaving no room for large current-mode ones'),
    v('readVoltage', 0.4, 'V', 'assumption: read voltage of NVSim sample_RRAM.cell'),
    v('minSenseVoltage', 25, 'mV', 'assumption: same margin as the NVSim sample cells'),
    v('setMode', 'voltage', '', 'assumption: voltage-driven as in NVSim sample_RRAM.cell'),
    v('setVoltage', 2, 'V', 'assumption: NVSim sample_RRAM.cell; MAGIC drives about twice the switching threshold (Kvatinsky et al. 2014)'),
    v('setPulse', 1, 'ns', `${FLOATPIM}: switching about 1 ns`),
    v('resetMode', 'voltage', '', 'assumption: voltage-driven as in NVSim sample_RRAM.cell'),
    v('resetVoltage', 2, 'V', 'assumption: NVSim sample_RRAM.cell'),
    v('resetPulse', 1, 'ns', `${FLOATPIM}: switching about 1 ns`),
    v('accessType', 'None', '', `${FLOATPIM}: crossbar without access transistors`),
  ],
};
