import { span, v, type CellDefinition } from './definition.ts';
import { FLOATPIM, MAGIC, NVSIM, VTEAM_SWEEP } from './sources.ts';

// Ranges: the device's switching as the VTEAM circuit sweep finds it (tens of picoseconds) up to
// the about 1 ns FloatPIM states, for its switching time and the pulses built on it. The
// resistances and voltages carry none: FloatPIM fixes 10 kOhm / 10 MOhm, and the MAGIC voltages
// are the sweep's points at exactly those resistances.
const UP_TO_FLOATPIM = `${FLOATPIM}: device switching about 1 ns`;

// FloatPIM's ReRAM crossbar cell: computes with MAGIC NOR (the output cell is set first, then
// switched off by the voltage the inputs let through), row-parallel across the block. Device
// voltages and switching come from a VTEAM circuit sweep at FloatPIM's resistances, not from a
// cell of another resistance.
export const reramMagic: CellDefinition = {
  id: 'reram-magic',
  name: 'ReRAM crossbar, MAGIC NOR (FloatPIM)',
  description:
    'Transistor-less ReRAM crossbar cell (10 kOhm / 10 MOhm) computing by MAGIC stateful NOR: the output cell is initialised to low resistance, then switched off by the voltage the inputs let through. Row-parallel: every row of a block computes at once. Includes the search periphery FloatPIM assumes for exponent alignment.',
  values: [
    v('family', 'reram-magic', '', `${FLOATPIM}: ReRAM crossbar computing by MAGIC NOR`),
    v('cellArea', 4, 'F^2', `assumption: the 4 F^2 minimum of a cross-point cell; ${FLOATPIM} gives 30.64 mm^2 for 8 Gbit at 28 nm, 95.1% of it crossbars, about 4.3 F^2 per bit`),
    v('aspectRatio', 1, '1', 'assumption: a square cross-point cell (word and bit lines at the same pitch)'),
    v('resistanceLow', 10, 'kOhm', `${FLOATPIM}: VTEAM model, R_on 10 kOhm`),
    v('resistanceHigh', 10, 'MOhm', `${FLOATPIM}: VTEAM model, R_off 10 MOhm`),
    v('readMode', 'voltage', '', 'assumption: voltage-mode latch sense amplifiers; FloatPIM puts 95.1% of its area in crossbars, leaving no room for current-mode ones'),
    v('readVoltage', 0.4, 'V', `assumption: a read bias well under the 2.2 V that switches the device (${VTEAM_SWEEP}); 0.4 V is the read voltage of ${NVSIM}'s sample ReRAM cell`),
    v('minSenseVoltage', 25, 'mV', `assumption: the 25 mV margin of ${NVSIM}'s sample MRAM cells`),
    v('setMode', 'voltage', '', `${VTEAM_SWEEP}: voltage-driven SET`),
    v('setVoltage', 2.6, 'V', `${VTEAM_SWEEP}: lowest-energy SET at 2.6 V, switching in 0.042 ns`),
    v(
      'setPulse',
      0.1,
      'ns',
      `assumption: a pulse just longer than the device's 0.093 ns switching time (${VTEAM_SWEEP}); an initialised cell already at low resistance conducts for the whole pulse`,
      span(0.042, 1, 'log-uniform', `${VTEAM_SWEEP}: lowest-energy SET switches in 0.042 ns; ${UP_TO_FLOATPIM}`),
    ),
    v('resetMode', 'voltage', '', `${VTEAM_SWEEP}: voltage-driven RESET`),
    v('resetVoltage', 3, 'V', `${VTEAM_SWEEP}: RESET at 3.0 V, switching in 0.019 ns`),
    v('resetPulse', 0.1, 'ns', 'assumption: the same pulse as the SET, longer than the device\'s switching time', span(0.019, 1, 'log-uniform', `${VTEAM_SWEEP}: RESET at 3.0 V switches in 0.019 ns; ${UP_TO_FLOATPIM}`)),
    v(
      'switchingTime',
      0.093,
      'ns',
      `${VTEAM_SWEEP}: NOR output switching at 2.2 V in 0.093 ns (worst case 0.0934 ns)`,
      span(0.093, 1, 'log-uniform', `${VTEAM_SWEEP}: NOR output switching in 0.093 ns; ${UP_TO_FLOATPIM}`),
    ),
    v('magicVoltage', 2.2, 'V', `${VTEAM_SWEEP}: MAGIC NOR and NOT at 2.2 V (1.30 fJ and 0.95 fJ per gate); ${MAGIC}`),
    v(
      'magicPulse',
      1,
      'ns',
      `${FLOATPIM}: device switching about 1 ns, NOR cycle 1.1 ns (assumption: 1 ns of the cycle is the gate pulse, the rest decoding)`,
      span(0.1, 1.1, 'log-uniform', `from just over the 0.093 ns NOR switching of ${VTEAM_SWEEP} to the 1.1 ns NOR cycle of ${FLOATPIM}`),
    ),
    v('accessType', 'None', '', `${FLOATPIM}: crossbar without access transistors`),
  ],
};
