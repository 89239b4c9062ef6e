import { span, v, type CellDefinition } from './definition.ts';
import { FLOATPIM, MAGIC, NVSIM, VTEAM_SWEEP, VTEAM_SWEEP_DEVICE } from './sources.ts';
import { SENSE_VARIATION } from './variation-values.ts';

// Ranges: the device's switching as the VTEAM circuit sweep finds it (tens of picoseconds) up to
// the about 1 ns FloatPIM states, for its switching time and the pulses built on it. The
// resistances and voltages carry none: FloatPIM fixes 10 kOhm / 10 MOhm, and the MAGIC voltages
// are the sweep's points at exactly those resistances.
const UP_TO_FLOATPIM = `${FLOATPIM}: device switching about 1 ns`;

const R_ON_SPREAD = 'assumption: oxide ReRAM arrays show device-to-device sigmas of ln R_on of about 0.05 to 0.3 (filament size); 0.1 for a well-formed low state';
const R_OFF_SPREAD = 'assumption: the high state, set by the gap left in a broken filament, spreads more: sigma of ln R_off about 0.2 to 0.6; 0.3 is taken';
const THRESHOLD = `assumption: the threshold depends on the device stack, and VTEAM fits of different devices differ; half to twice the 0.3 V of ${VTEAM_SWEEP_DEVICE}`;
const THRESHOLD_SPREAD = 'assumption: switching voltages of oxide ReRAM vary by about 5 to 30% from device to device; 10% of the 0.3 V threshold';
const SWITCHING_SPREAD = 'assumption: switching times of oxide ReRAM are lognormal with a sigma of ln t of about 0.1 to 0.3 from device to device; 0.2 is the middle';
const ENDURANCE = 'assumption: oxide ReRAM endurance is reported from about 1e6 to 1e12 cycles depending on the stack and the write current; 1e9, the log-middle';

// Variation: FloatPIM and the VTEAM sweep state none, so every spread is an assumption with a wide
// range; the threshold and the switching times are the sweep's own device values.
const VARIATION = [
  v('sigmaLnRLow', 0.1, '1', R_ON_SPREAD, span(0.05, 0.3, 'log-uniform', R_ON_SPREAD)),
  v('sigmaLnRHigh', 0.3, '1', R_OFF_SPREAD, span(0.2, 0.6, 'uniform', R_OFF_SPREAD)),
  ...SENSE_VARIATION,
  v('magicThresholdOff', 0.3, 'V', `${VTEAM_SWEEP_DEVICE}: v_off 0.3 V (v_on -1.5 V)`, span(0.15, 0.6, 'uniform', THRESHOLD)),
  v('magicThresholdOffSigma', 30, 'mV', THRESHOLD_SPREAD, span(15, 90, 'uniform', THRESHOLD_SPREAD)),
  v('setSwitchingTime', 0.042, 'ns', `${VTEAM_SWEEP}: lowest-energy SET at 2.6 V switches in 0.042 ns`, span(0.042, 1, 'log-uniform', `${VTEAM_SWEEP}: SET at 2.6 V switches in 0.042 ns; ${UP_TO_FLOATPIM}`)),
  v('resetSwitchingTime', 0.019, 'ns', `${VTEAM_SWEEP}: RESET at 3.0 V switches in 0.019 ns`, span(0.019, 1, 'log-uniform', `${VTEAM_SWEEP}: RESET at 3.0 V switches in 0.019 ns; ${UP_TO_FLOATPIM}`)),
  v('switchingTimeSigma', 0.2, '1', SWITCHING_SPREAD, span(0.1, 0.3, 'uniform', SWITCHING_SPREAD)),
  v('endurance', 1e9, '1', ENDURANCE, span(1e6, 1e12, 'log-uniform', ENDURANCE)),
];

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
    ...VARIATION,
  ],
};
