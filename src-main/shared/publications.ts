// The publications the workbench's built-in values cite, as full references (authors, title,
// venue, year). Short forms in values' sources point at these; the Reference page lists them.

export interface Publication {
  readonly id: string;
  readonly reference: string;
}

export const PUBLICATIONS: readonly Publication[] = [
  { id: 'floatpim', reference: 'Imani, Gupta, Kim, Rosing. FloatPIM: In-Memory Acceleration of Deep Neural Network Training with High Precision. ISCA 2019, pp. 802-815.' },
  { id: 'wang2020', reference: 'Wang, Zhao, Li, Wang, Lin. A New MRAM-based Process In-Memory Accelerator for Efficient Neural Network Training with Floating Point Precision. IEEE ISCAS 2020.' },
  { id: 'neurosim', reference: 'Peng, Huang, Luo, Yu. DNN+NeuroSim V2.0: An End-to-End Benchmarking Framework for Compute-in-Memory Accelerators for On-chip Training. IEEE TCAD 40(11), 2021.' },
  { id: 'nvsim', reference: 'Dong, Xu, Xie, Jouppi. NVSim: A Circuit-Level Performance, Energy, and Area Model for Emerging Nonvolatile Memory. IEEE TCAD 31(7), 2012.' },
  { id: 'magic', reference: 'Kvatinsky et al. MAGIC: Memristor-Aided Logic. IEEE TCAS-II 61(11), 2014.' },
  { id: 'vteam', reference: 'Kvatinsky et al. VTEAM: A General Model for Voltage-Controlled Memristors. IEEE TCAS-II 62(8), 2015.' },
  { id: 'parapim', reference: 'Angizi, He, Fan et al. ParaPIM: a parallel processing-in-memory accelerator for binary-weight deep neural networks. ASP-DAC 2019.' },
  { id: 'mrima', reference: 'Angizi, He, Awad, Fan. MRIMA: An MRAM-based In-Memory Accelerator. IEEE TCAD 2020.' },
  { id: 'aritpim', reference: 'Leitersdorf, Ronen, Kvatinsky. AritPIM: High-Throughput In-Memory Arithmetic. IEEE TETC 2023.' },
  { id: 'talati', reference: 'Talati, Gupta, Mor, Kvatinsky. Logic Design Within Memristive Memories Using Memristor-Aided loGIC (MAGIC). IEEE TNANO 15(4), 2016.' },
  { id: 'zigzag', reference: 'Mei, Houshmand, Jain, Giraldo, Verhelst. ZigZag: Enlarging Joint Architecture-Mapping Design Space Exploration for DNN Accelerators. IEEE TC 70(8), 2021.' },
  { id: 'sze', reference: 'Sze, Chen, Yang, Emer. Efficient Processing of Deep Neural Networks: A Tutorial and Survey. Proc. IEEE 105(12), 2017.' },
  { id: 'gtx1080', reference: 'NVIDIA. GeForce GTX 1080 Whitepaper. 2016.' },
  { id: 'v100', reference: 'NVIDIA. NVIDIA Tesla V100 GPU Architecture. Whitepaper, 2017.' },
  { id: 'a100', reference: 'NVIDIA. NVIDIA A100 Tensor Core GPU Architecture. Whitepaper, 2020.' },
  { id: 'h100', reference: 'NVIDIA. NVIDIA H100 Tensor Core GPU Architecture. Whitepaper, 2022.' },
];
