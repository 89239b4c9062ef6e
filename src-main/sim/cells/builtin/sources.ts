// Publications the built-in cells and designs cite, in one short form each (authors, title, venue,
// year) so a value's source reads the same everywhere; shared/publications.ts holds the full references.

export const FLOATPIM = 'Imani et al., "FloatPIM", ISCA 2019';
export const WANG = 'Wang et al., "A New MRAM-based Process In-Memory Accelerator ...", IEEE ISCAS 2020';
export const WANG_FIGURE = `${WANG}, the authors' summary figure of the cell`;
export const NEUROSIM_SOT = 'Peng et al., "DNN+NeuroSim V2.0", IEEE TCAD 2021: SOT-MRAM preset at 22 nm';
export const NVSIM = 'Dong et al., "NVSim", IEEE TCAD 2012';
export const NVSIM_STT = `${NVSIM}: sample STT-RAM cell`;
/** Ranges: what NVSim's two public STT-RAM samples span (sample_STTRAM.cell and sample_STTRAM_aggressive.cell). */
export const NVSIM_STT_SAMPLES = `${NVSIM}: its sample and aggressive sample STT-RAM cells`;
/** Ranges: what NeuroSim's two SOT-MRAM presets span. */
export const NEUROSIM_SOT_PRESETS = 'Peng et al., "DNN+NeuroSim V2.0", IEEE TCAD 2021: SOT-MRAM presets at 22 nm and 7 nm';
export const VTEAM_SWEEP = 'VTEAM (Kvatinsky et al., IEEE TCAS-II 2015) circuit sweep at 10 kOhm / 10 MOhm, public dataset MahirDhrubo/3D_Crossbar_Mapping, table 1';
export const MAGIC = 'Kvatinsky et al., "MAGIC: Memristor-Aided Logic", IEEE TCAS-II 2014';
export const PARAPIM = 'Angizi et al., "ParaPIM", ASP-DAC 2019';
export const MRIMA = 'Angizi et al., "MRIMA: An MRAM-based In-Memory Accelerator", IEEE TCAD 2020';
/** The device parameter table of the same sweep (VTEAM thresholds and rates). */
export const VTEAM_SWEEP_DEVICE = 'VTEAM (Kvatinsky et al., IEEE TCAS-II 2015) device parameters of the circuit sweep at 10 kOhm / 10 MOhm, public dataset MahirDhrubo/3D_Crossbar_Mapping, device table';
