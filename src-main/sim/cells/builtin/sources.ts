// Publications the built-in cells and designs cite, written once so every value names its source
// the same way (authors, title, venue, year).

export const FLOATPIM = 'Imani, Gupta, Kim, Rosing, "FloatPIM: In-Memory Acceleration of Deep Neural Network Training with High Precision", ISCA 2019';
export const WANG = 'Wang, Zhao, Li, Wang, Lin, "A New MRAM-based Process In-Memory Accelerator for Efficient Neural Network Training with Floating Point Precision", IEEE ISCAS 2020';
export const WANG_FIGURE = `${WANG}, the authors' summary figure of the cell`;
export const NEUROSIM_SOT = 'Peng, Huang, Luo, Yu, "DNN+NeuroSim V2.0", IEEE TCAD 2021: its SOT-MRAM device preset at 22 nm';
export const NVSIM = 'Dong, Xu, Xie, Jouppi, "NVSim: A Circuit-Level Performance, Energy, and Area Model for Emerging Nonvolatile Memory", IEEE TCAD 2012';
export const NVSIM_STT = `${NVSIM}: its sample STT-RAM cell`;
export const VTEAM_SWEEP =
  'VTEAM model (Kvatinsky et al., IEEE TCAS-II 2015) at 10 kOhm / 10 MOhm, circuit sweep published as the dataset MahirDhrubo/3D_Crossbar_Mapping, table 1 (lowest-energy points)';
export const MAGIC = 'Kvatinsky et al., "MAGIC: Memristor-Aided Logic", IEEE TCAS-II 2014';
export const PARAPIM = 'Angizi, He, Fan et al., "ParaPIM: a parallel processing-in-memory accelerator for binary-weight deep neural networks", ASP-DAC 2019';
export const MRIMA = 'Angizi, He, Awad, Fan, "MRIMA: An MRAM-based In-Memory Accelerator", IEEE TCAD 2020';
