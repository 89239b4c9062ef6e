// Publications the built-in cells and designs cite, in one short form each (authors, title, venue,
// year) so a value's source reads the same everywhere; PUBLICATIONS holds the full references.

export const FLOATPIM = 'Imani et al., "FloatPIM", ISCA 2019';
export const WANG = 'Wang et al., "A New MRAM-based Process In-Memory Accelerator ...", IEEE ISCAS 2020';
export const WANG_FIGURE = `${WANG}, the authors' summary figure of the cell`;
export const NEUROSIM_SOT = 'Peng et al., "DNN+NeuroSim V2.0", IEEE TCAD 2021: SOT-MRAM preset at 22 nm';
export const NVSIM = 'Dong et al., "NVSim", IEEE TCAD 2012';
export const NVSIM_STT = `${NVSIM}: sample STT-RAM cell`;
export const VTEAM_SWEEP = 'VTEAM (Kvatinsky et al., IEEE TCAS-II 2015) circuit sweep at 10 kOhm / 10 MOhm, public dataset MahirDhrubo/3D_Crossbar_Mapping, table 1';
export const MAGIC = 'Kvatinsky et al., "MAGIC: Memristor-Aided Logic", IEEE TCAS-II 2014';
export const PARAPIM = 'Angizi et al., "ParaPIM", ASP-DAC 2019';
export const MRIMA = 'Angizi et al., "MRIMA: An MRAM-based In-Memory Accelerator", IEEE TCAD 2020';

export const PUBLICATIONS: readonly string[] = [
  'Imani, Gupta, Kim, Rosing. FloatPIM: In-Memory Acceleration of Deep Neural Network Training with High Precision. ISCA 2019, pp. 802-815.',
  'Wang, Zhao, Li, Wang, Lin. A New MRAM-based Process In-Memory Accelerator for Efficient Neural Network Training with Floating Point Precision. IEEE ISCAS 2020.',
  'Peng, Huang, Luo, Yu. DNN+NeuroSim V2.0: An End-to-End Benchmarking Framework for Compute-in-Memory Accelerators for On-chip Training. IEEE TCAD 40(11), 2021.',
  'Dong, Xu, Xie, Jouppi. NVSim: A Circuit-Level Performance, Energy, and Area Model for Emerging Nonvolatile Memory. IEEE TCAD 31(7), 2012.',
  'Kvatinsky et al. MAGIC: Memristor-Aided Logic. IEEE TCAS-II 61(11), 2014.',
  'Kvatinsky et al. VTEAM: A General Model for Voltage-Controlled Memristors. IEEE TCAS-II 62(8), 2015.',
  'Angizi, He, Fan et al. ParaPIM: a parallel processing-in-memory accelerator for binary-weight deep neural networks. ASP-DAC 2019.',
  'Angizi, He, Awad, Fan. MRIMA: An MRAM-based In-Memory Accelerator. IEEE TCAD 2020.',
];
