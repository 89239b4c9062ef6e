import { span } from './definition.ts';
import { NEUROSIM_SOT_PRESETS } from './sources.ts';

// Uncertainty ranges of the SOT-MRAM device values, shared by the SOT cells: what NeuroSim's two
// SOT-MRAM presets span (22 nm, the cells' values, and 7 nm). The write pulse (1 ns) and the read
// voltage (0.5 V) are the same in both presets, and the 25 mV sense margin is the one of all of
// NVSim's MRAM samples, so no publication cited here gives them a span and they carry none. A
// range never changes its value: each contains the value it is on.

export const SOT_RANGES = {
  resistanceLow: span(3.91, 10, 'uniform', `${NEUROSIM_SOT_PRESETS}: R_P 10 kOhm at 22 nm, 3.91 kOhm at 7 nm`),
  resistanceHigh: span(8.2, 20.4, 'uniform', `${NEUROSIM_SOT_PRESETS}: R_AP 20.4 kOhm at 22 nm, 8.2 kOhm at 7 nm`),
  writeCurrent: span(330, 500, 'uniform', `${NEUROSIM_SOT_PRESETS}: SOT write current 330 uA at 22 nm, 500 uA at 7 nm (1 ns in both)`),
  sotChannelResistance: span(670, 780, 'uniform', `${NEUROSIM_SOT_PRESETS}: SOT channel 670 Ohm at 22 nm, 780 Ohm at 7 nm`),
} as const;
