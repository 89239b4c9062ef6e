// What every parameter of a cell or a design means, in words a hardware engineer reads on hover
// and on the Reference page (and `pimwb explain KEY`): its unit, the range published devices and
// designs span, and the publications the built-in values cite (ids of shared/publications.ts).

export interface ParameterInfo {
  readonly key: string;
  readonly appliesTo: 'cell' | 'design';
  readonly label: string;
  readonly description: string;
  /** The unit the workbench stores and shows it in ("" for a word, "1" for a plain number). */
  readonly unit: string;
  /** Where published devices and designs put it, in words. */
  readonly typical: string;
  readonly sources: readonly string[];
}

const cell = (key: string, label: string, unit: string, typical: string, sources: readonly string[], description: string): ParameterInfo => ({ key, appliesTo: 'cell', label, description, unit, typical, sources });
const design = (key: string, label: string, unit: string, typical: string, sources: readonly string[], description: string): ParameterInfo => ({ key, appliesTo: 'design', label, description, unit, typical, sources });

/** The GPU whitepapers the built-in GPUs cite (shared/publications.ts). */
const GPUS = ['gtx1080', 'v100', 'a100', 'h100'] as const;

export const PARAMETERS: readonly ParameterInfo[] = [
  cell('family', 'cell family', '', 'sot-mram-2t2mtj, sot-mram-2t1mtj, stt-mram-1t1mtj, reram-magic; memory only: reram, pcram, sram', ['wang2020', 'floatpim', 'nvsim'], 'Which in-memory operations the cell and its periphery can perform (multi-row sensing, search, MAGIC NOR), and so which microprograms run on it. Memory-only families get array figures but run no arithmetic.'),
  cell('cellArea', 'cell area', 'F^2', '4 F^2 (cross-point ReRAM) to 150 F^2 (SRAM, SOT-MRAM)', ['nvsim', 'neurosim', 'floatpim'], 'Footprint of one bit in units of the squared feature size F; with the aspect ratio it sets the cell pitch and so the length of word and bit lines.'),
  cell('aspectRatio', 'cell aspect ratio', '1', '0.5 to 1.5', ['nvsim', 'neurosim'], 'Cell height over width. Width times the columns gives the word-line length, height times the rows the bit-line length.'),
  cell('resistanceLow', 'low resistance (R_on, R_P)', 'kOhm', 'MRAM 2 to 10 kOhm; ReRAM 10 kOhm to 1 MOhm', ['neurosim', 'nvsim', 'floatpim'], 'Resistance of the low state (parallel MTJ, SET memristor) at the read voltage. Sets the read current and, for MAGIC, the current of an initialised output.'),
  cell('resistanceHigh', 'high resistance (R_off, R_AP)', 'kOhm', 'MRAM 1.5 to 2.5 x R_on (TMR 50 to 150%); ReRAM 100 to 1000 x R_on', ['neurosim', 'nvsim', 'floatpim'], 'Resistance of the high state. The ratio to R_on is the read signal; a switching device averages 1 / sqrt(R_on R_off) of conductance while it switches.'),
  cell('readMode', 'sensing scheme', '', 'current (I-V converter, NVSim) or voltage (latch against a reference)', ['nvsim', 'parapim'], 'How a column is sensed. Current sensing settles fast but needs an I-V converter of about 50,000 F^2 per amplifier; voltage sensing waits for the bit line to develop the signal through the cell.'),
  cell('readVoltage', 'read voltage', 'V', '0.1 to 0.5 V', ['nvsim', 'neurosim'], 'Voltage across the cell while read (0 when the cell is read by a forced current instead).'),
  cell('readCurrent', 'forced read current', 'uA', '10 to 50 uA', ['nvsim'], 'Current forced through the cell in current-in voltage sensing (NVSim\'s PCRAM sample); the cell voltage is then read.'),
  cell('readPower', 'read power per cell', 'uW', '1 to 50 uW', ['nvsim'], 'Power a cell draws while its sense amplifier decides; NVSim doubles it for the reference cell. Derived from the read current when absent.'),
  cell('minSenseVoltage', 'minimum sense voltage', 'mV', '10 to 80 mV (NVSim default 80 mV)', ['nvsim'], 'Smallest signal the sense amplifier resolves; with voltage sensing it sets how long the bit line must develop, and a cell whose signal is smaller cannot be read.'),
  cell('setMode', 'set drive', '', 'current (MRAM, PCRAM) or voltage (ReRAM)', ['nvsim'], 'Whether a set (to low resistance) is driven by a current or a voltage; decides how its energy is costed.'),
  cell('setCurrent', 'set current', 'uA', 'SOT 50 to 500 uA; STT 40 to 100 uA; PCRAM 100 to 300 uA', ['neurosim', 'nvsim'], 'Current a current-driven set passes for the pulse; the energy drawn is the supply voltage times it times the pulse unless the cell states an energy.'),
  cell('setVoltage', 'set voltage', 'V', 'ReRAM 1.5 to 3 V', ['vteam', 'nvsim'], 'Voltage a voltage-driven set applies across the cell.'),
  cell('setPulse', 'set pulse', 'ns', 'SOT 0.3 to 2 ns; STT 5 to 10 ns; ReRAM 0.05 to 10 ns; PCRAM 50 to 150 ns', ['neurosim', 'nvsim', 'vteam'], 'Duration of a set; a write takes the longer of the set and reset pulses after decoding.'),
  cell('setEnergy', 'set energy per bit', 'pJ', '0.1 to 1 pJ (stated in NVSim samples)', ['nvsim'], 'A stated energy of one set, used as given (as NVSim does); checked against what the drive dissipates and warned about when more than 10x off.'),
  cell('resetMode', 'reset drive', '', 'current or voltage', ['nvsim'], 'Whether a reset (to high resistance) is driven by a current or a voltage.'),
  cell('resetCurrent', 'reset current', 'uA', 'as the set current', ['neurosim', 'nvsim'], 'Current a current-driven reset passes for the pulse.'),
  cell('resetVoltage', 'reset voltage', 'V', 'ReRAM 1.5 to 3 V', ['vteam', 'nvsim'], 'Voltage a voltage-driven reset applies.'),
  cell('resetPulse', 'reset pulse', 'ns', 'as the set pulse', ['neurosim', 'nvsim'], 'Duration of a reset; a write takes the longer of the set and reset pulses.'),
  cell('resetEnergy', 'reset energy per bit', 'pJ', 'as the set energy', ['nvsim'], 'A stated energy of one reset, used as given.'),
  cell('accessType', 'access device', '', 'CMOS (1T1R, MRAM), None (cross-point), diode', ['nvsim'], 'What connects the cell to its lines. Without one, a cross-point write half-selects the other cells on its lines.'),
  cell('accessWidth', 'access transistor width', 'F', '1 to 16 F', ['nvsim', 'neurosim'], 'Width of the transistor on the read path; its drain loads the bit line and its resistance adds to the cell\'s. The proposed complementary cell reads and writes through the same one.'),
  cell('writeAccessWidth', 'write transistor width', 'F', '4 to 16 F', ['neurosim'], 'Width of a separate write transistor (SOT cells with split read and write paths); absent when one transistor serves both.'),
  cell('accessVoltageDrop', 'access device voltage drop', 'V', '0 to 0.5 V', ['nvsim'], 'Voltage lost across the access device (a diode\'s forward drop, NVSim\'s VoltageDropAccessDevice).'),
  cell('sotChannelResistance', 'SOT channel resistance', 'Ohm', '500 to 1000 Ohm', ['neurosim'], 'Resistance of the heavy-metal strip a SOT write current passes; the write needs the current times it (plus the transistor\'s drop) from the supply.'),
  cell('cellCapacitance', 'cell capacitance', 'fF', '0.01 to 1 fF', ['nvsim'], 'Capacitance a cell without access transistor adds to each of its lines (NVSim\'s CapacitanceOn/Off).'),
  cell('resistanceLowWrite', 'low resistance at the write voltage', 'kOhm', 'equal to R_on for linear devices; lower for nonlinear ones', ['nvsim'], 'The low state\'s resistance at the write voltage, for bias-dependent cross-point devices; sets the write current of a selected cell.'),
  cell('resistanceLowHalfWrite', 'low resistance at half the write voltage', 'kOhm', 'R_on (no selector) to 10 x R_on (with a selector)', ['nvsim'], 'What a half-selected cross-point cell conducts with; a selector raises it and so lowers the sneak current a write must supply.'),
  cell('switchingTime', 'switching time', 'ns', 'VTEAM at 10 k / 10 M: 0.02 to 0.1 ns', ['vteam'], 'Time the device takes to switch under its drive. With it, voltage-driven switching and MAGIC gates are costed from device physics; a pulse shorter than it is warned about.'),
  cell('magicVoltage', 'MAGIC gate voltage V0', 'V', '1 to 2.5 V', ['vteam', 'magic'], 'Voltage applied across a MAGIC NOR\'s inputs in parallel and its output in series.'),
  cell('magicPulse', 'MAGIC gate pulse', 'ns', '0.1 to 1.1 ns', ['floatpim', 'magic'], 'How long V0 is applied per gate, one logic step; after the output switches it conducts at its new state for the rest.'),
  cell('sigmaLnRLow', 'low-state resistance spread', '1', 'MTJ R_P: 0.02 to 0.08; ReRAM R_on: 0.05 to 0.3', [], 'Device-to-device standard deviation of ln R of the low state (R_on, R_P): each cell is a lognormal draw around the stated resistance. With the other spreads it sets the error probability of every sensed primitive.'),
  cell('sigmaLnRHigh', 'high-state resistance spread', '1', 'ReRAM R_off: 0.2 to 0.6', [], 'Device-to-device standard deviation of ln R of the high state of resistive cells (ReRAM, PCRAM). MRAM cells take their high state from the low state and the TMR instead.'),
  cell('tmrSigma', 'TMR spread', '1', '0.03 to 0.10 of the TMR', [], 'MRAM: standard deviation of the tunnel magnetoresistance relative to its nominal R_high / R_low - 1; a cell\'s high state is its own low-state draw times one plus its TMR draw.'),
  cell('senseOffsetSigma', 'sense amplifier offset', 'mV', '5 to 20 mV at 28 to 45 nm', [], 'Standard deviation of a sense amplifier\'s input-referred offset (transistor mismatch), added to the signal it compares.'),
  cell('referenceSigma', 'sense reference spread', '1', '0.01 to 0.03 of the reference level', [], 'Standard deviation of each sense reference relative to its nominal level, drawn per amplifier.'),
  cell('magicThresholdOff', 'MAGIC switch-off threshold', 'V', 'VTEAM sweep at 10 k / 10 M: 0.3 V', ['vteam'], 'Voltage above which a MAGIC output device switches off (VTEAM\'s v_off). The output sees about half of V0 when an input is on and a few millivolts when none is.'),
  cell('magicThresholdOffSigma', 'MAGIC threshold spread', 'mV', '5 to 30% of the threshold', [], 'Device-to-device standard deviation of the switch-off threshold of MAGIC output devices.'),
  cell('setSwitchingTime', 'set switching time', 'ns', 'VTEAM at 10 k / 10 M: 0.04 ns at 2.6 V', ['vteam'], 'Median time a set takes under the cell\'s write drive; a set fails when a device is slower than the pulse.'),
  cell('resetSwitchingTime', 'reset switching time', 'ns', 'VTEAM at 10 k / 10 M: 0.02 ns at 3 V', ['vteam'], 'Median time a reset takes under the cell\'s write drive; a reset fails when a device is slower than the pulse.'),
  cell('switchingTimeSigma', 'switching time spread', '1', '0.1 to 0.3', [], 'Device-to-device standard deviation of ln(switching time) of sets, resets and MAGIC outputs.'),
  cell('endurance', 'endurance', '1', 'ReRAM 1e6 to 1e12; STT-MRAM 1e12 to 1e15; SOT-MRAM 1e15 and more', [], 'Write cycles a cell endures before it wears out; with the counted writes of a workload it sets the lifetime.'),
  cell('sramNmosWidth', 'SRAM pull-down width', 'F', '2.08 F (CACTI default)', ['nvsim'], 'Width of an SRAM cell\'s pull-down NMOS, which discharges the bit line in a read.'),
  cell('sramPmosWidth', 'SRAM pull-up width', 'F', '1.23 F (CACTI default)', ['nvsim'], 'Width of an SRAM cell\'s pull-up PMOS.'),
  design('cell', 'cell library', '', 'builtin:sot-mram-2t2mtj, builtin:reram-magic, or a stored cell', ['wang2020', 'floatpim'], 'The cell library the design\'s arrays are built from (an id or a name).'),
  design('node', 'technology node', 'nm', '22, 28, 32 or 45 nm', ['nvsim'], 'The CMOS node of the periphery: device and wire figures (MASTAR, ITRS) and the feature size F.'),
  design('tiles', 'tiles', '1', 'FloatPIM: 32', ['floatpim'], 'Tiles on the chip; each has a controller and an interconnect.'),
  design('blocksPerTile', 'blocks per tile', '1', 'FloatPIM: 256', ['floatpim'], 'Blocks in a tile; blocks compute in parallel and move data to their neighbours.'),
  design('subarraysPerBlock', 'subarrays per block', '1', '1 to 16', ['floatpim'], 'Subarrays in a block; FloatPIM\'s block is one 1024 x 1024 crossbar.'),
  design('rows', 'rows per subarray', '1', '64 to 1024', ['floatpim', 'nvsim'], 'Rows of a subarray; for MRAM families a lane (column) holds this many bits, so the microprograms must fit.'),
  design('cols', 'columns per subarray', '1', '64 to 1024', ['floatpim', 'nvsim'], 'Columns of a subarray; for MAGIC a lane (row) holds this many bits.'),
  design('mux', 'column mux', '1', '1, 2, 4 or 8', ['nvsim'], 'Columns sharing one sense amplifier. PIM cells that sense every lane use 1; a mux of N makes each sensing step take N accesses.'),
  design('initPolicy', 'MAGIC initialisation policy', '', 'per-gate or bulk', ['floatpim', 'aritpim'], 'per-gate: each MAGIC output initialisation is a step (AritPIM\'s count); bulk: outputs are initialised together, costing their energy but no step (FloatPIM\'s formulas).'),
  design('wear.levelling', 'wear levelling', '', 'none, rotate (FloatPIM) or spread', ['floatpim'], 'How writes are spread over a lane\'s cells. none: the most-written scratch row takes all its writes; rotate: the rows the microprograms use move across the lane\'s cells in whole regions (FloatPIM rotates its 93 of 1024 processing columns for about 11x lifetime); spread: a set factor.'),
  design('wear.spread', 'wear levelling spread', '1', '1 to the lane\'s bits over the microprograms\' rows', [], 'With wear levelling "spread": how many times fewer writes the most-written cell takes than without levelling.'),
  design('powerBudget', 'chip power envelope', 'W', 'FloatPIM: 62.6 W; 0 for none', ['floatpim'], 'The chip\'s power limit; blocks beyond what it allows wait, so a design with dearer blocks runs fewer at once.'),
  design('format.forward', 'forward number format', '', 'bf16, fp16, fp32', ['floatpim'], 'Floating-point format of the forward pass.'),
  design('format.backward', 'gradient number format', '', 'bf16, fp16, fp32', ['floatpim'], 'Floating-point format of the activation and weight gradients.'),
  design('format.update', 'update number format', '', 'bf16, fp16, fp32', ['floatpim'], 'Floating-point format of the weight update.'),
  design('arithMode', 'arithmetic mode', '', 'ieee or ftz-trunc', ['floatpim', 'aritpim'], 'ieee: round to nearest even with subnormals (bit-exact IEEE 754); ftz-trunc: flush to zero and truncate, closer to FloatPIM\'s formulas.'),
  design('transfer.stepsPerBit', 'array steps per bit moved', '1', 'FloatPIM: 2', ['floatpim'], 'Array steps to move one bit to a neighbouring block, all lanes at once.'),
  design('transfer.wireEnergyPerBit', 'switch and wire energy per bit', 'fJ', '1 to 10 fJ', ['zigzag'], 'Energy of one bit crossing the switch and wire between neighbouring blocks, per lane.'),
  design('operandWritesPerMac', 'operand writes per MAC', '1', '0 to 2', ['floatpim'], 'Values written into a lane per multiply-accumulate (the operand that is not stationary).'),
  design('decoders', 'decoder sharing', '', 'per-block or per-tile', ['nvsim'], 'per-tile: blocks in lockstep share the row predecoder; each keeps its line decoders and drivers.'),
  design('idleBlocks', 'idle blocks', '', 'power-gated or leaking', [], 'Whether blocks that wait for the power envelope are switched off (their non-volatile cells keep the data).'),
  design('controller.areaPerTile', 'controller area per tile', 'mm^2', 'FloatPIM: 3.0% of the chip', ['floatpim'], 'Silicon of each tile\'s controller.'),
  design('controller.powerPerTile', 'controller power per tile', 'mW', '1 to 50 mW', [], 'Power each tile\'s controller draws all the time.'),
  design('switch.areaPerBlock', 'switch area per block', 'um^2', 'FloatPIM: 0.24% of the chip', ['floatpim'], 'Silicon of the switches joining a block to its neighbours.'),
  design('interconnect.areaPerTile', 'interconnect area per tile', 'um^2', 'FloatPIM: 0.15% of the chip', ['floatpim'], 'Silicon of a tile\'s interconnect.'),
  design('batch', 'default batch', '1', '16 to 256 images', [], 'Images per training step when a run does not say.'),
  // A GPU design (values with kind "gpu"): a roofline of kernels rather than cells and arrays.
  design('kind', 'design kind', '', 'gpu (absent: a PIM design)', [], 'Set to "gpu" for a GPU design: it is evaluated as one kernel per layer and training phase, each bound by its arithmetic or its DRAM traffic, instead of as arrays of cells.'),
  design('name', 'GPU name', '', 'the product name', [], 'The GPU\'s name, shown with its runs.'),
  design('sms', 'streaming multiprocessors', '1', 'GTX 1080: 20; V100: 80; A100: 108; H100 SXM5: 132', [...GPUS], 'SMs on the GPU; shown as its blocks.'),
  design('cudaCores', 'FP32 CUDA cores', '1', 'GTX 1080: 2560; V100: 5120; A100: 6912; H100 SXM5: 16896', [...GPUS], 'FP32 lanes of the GPU; they run the element-wise work (batch-norm, activations, pooling, the update).'),
  design('peak.fp32', 'dense FP32 peak', 'THz', 'GTX 1080: 8.9; V100: 15.7; A100: 19.5; H100 SXM5: 66.9 TFLOP/s', [...GPUS], 'FP32 operations per second of the CUDA cores (1 THz = 10^12 FLOP/s); multiply-accumulates in FP32 and every element-wise operation run at it.'),
  design('peak.tf32', 'dense TF32 peak', 'THz', 'A100: 156; H100 SXM5: 494.7 TFLOP/s', ['a100', 'h100'], 'Tensor-core rate for TF32 (FP32 data, reduced-precision products).'),
  design('peak.fp16', 'dense FP16 peak', 'THz', 'GTX 1080: 0.14 (1/64 of FP32); V100: 125; A100: 312; H100 SXM5: 989.4 TFLOP/s', [...GPUS], 'FP16 multiply-accumulate rate: on the tensor cores where the GPU has them.'),
  design('peak.bf16', 'dense BF16 peak', 'THz', 'A100: 312; H100 SXM5: 989.4 TFLOP/s', ['a100', 'h100'], 'BF16 multiply-accumulate rate of the tensor cores.'),
  design('peak.fp8', 'dense FP8 peak', 'THz', 'H100 SXM5: 1978.9 TFLOP/s', ['h100'], 'FP8 (E4M3 or E5M2) multiply-accumulate rate of the tensor cores.'),
  design('bandwidth', 'DRAM bandwidth', 'GB/s', 'GTX 1080: 320; V100: 900; A100 40 GB: 1555; H100 SXM5: 3350 GB/s', [...GPUS], 'Peak bandwidth of the GPU\'s memory (GDDR or HBM); a kernel moving more bytes per FLOP than the peaks\' ratio is memory-bound.'),
  design('onChip', 'L2 cache', 'MB', 'GTX 1080: 2; V100: 6; A100: 40; H100: 50 MB', [...GPUS], 'Last-level cache; the model keeps nothing in it from one kernel to the next, so it is shown but not used.'),
  design('memory', 'DRAM capacity', 'GB', 'GTX 1080: 8; V100: 16; A100: 40; H100: 80 GB (binary)', [...GPUS], 'Memory on the board; a training state larger than it is warned about.'),
  design('boardPower', 'board power (TDP)', 'W', 'GTX 1080: 180; V100 SXM2: 300; A100 SXM4: 400; H100 SXM5: 700 W', [...GPUS], 'Power the board may draw; with the idle power and the activity it gives the power while kernels run.'),
  design('idlePower', 'idle power', 'W', 'assumption: 10 to 25% of the board power in a training process (clocks and memory stay up between kernels)', [], 'Power the board draws all step long, between kernels too.'),
  design('area', 'die area', 'mm^2', 'GP104: 314; GV100: 815; GA100: 826; GH100: 814 mm^2', [...GPUS], 'Silicon of the GPU die (memory stacks and board not included).'),
  design('utilisation.conv', 'convolution utilisation', '1', 'assumption: 0.35 to 0.85 of the peak', [], 'Share of the peak a convolution reaches (cuDNN implicit GEMM or Winograd).'),
  design('utilisation.gemm', 'GEMM utilisation', '1', 'assumption: 0.4 to 0.9 of the peak', [], 'Share of the peak a fully-connected layer (one GEMM) reaches.'),
  design('utilisation.groupedConv', 'grouped convolution utilisation', '1', 'assumption: 0.02 to 0.3 of the peak', [], 'Share of the peak a grouped or depthwise convolution reaches.'),
  design('groupedConv.channelsPerGroup', 'narrow-group threshold', '1', 'assumption: 8 to 64 input channels per group (tensor-core and GEMM tile widths)', [], 'Grouped convolutions with fewer input channels per group than this run at the grouped-convolution utilisation.'),
  design('utilisation.vector', 'element-wise utilisation', '1', 'assumption: 0.2 to 0.9 of the FP32 lanes', [], 'Share of the FP32 lanes an element-wise kernel keeps busy.'),
  design('memoryEfficiency', 'DRAM efficiency', '1', 'assumption: 0.6 to 0.92 of the peak bandwidth', [], 'Share of the peak DRAM bandwidth a streaming kernel reaches.'),
  design('activity', 'activity while a kernel runs', '1', 'assumption: 0.6 to 1', [], 'Share of the power above idle the board draws while a kernel runs.'),
  design('specialFunctionOps', 'lane operations per special function', '1', 'assumption: 1 to 16', [], 'FP32 lane operations one divide, exponential or square root costs.'),
  design('launchOverhead', 'launch overhead per kernel', 'us', 'assumption: a few microseconds per kernel', [], 'Time each kernel adds for its launch and the gap before the next.'),
];

const BY_KEY = new Map(PARAMETERS.map((p) => [p.key, p]));

export function parameterInfo(key: string): ParameterInfo | undefined {
  return BY_KEY.get(key);
}
