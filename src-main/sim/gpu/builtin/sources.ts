// Publications the built-in GPUs cite, in one short form each (company, title, document, year).

export const GTX1080_WHITEPAPER = 'NVIDIA, "GeForce GTX 1080 Whitepaper", 2016';
export const V100_WHITEPAPER = 'NVIDIA, "NVIDIA Tesla V100 GPU Architecture", whitepaper, 2017';
export const A100_WHITEPAPER = 'NVIDIA, "NVIDIA A100 Tensor Core GPU Architecture", whitepaper, 2020';
export const H100_WHITEPAPER = 'NVIDIA, "NVIDIA H100 Tensor Core GPU Architecture", whitepaper, 2022';
export const H100_DATASHEET = 'NVIDIA, "NVIDIA H100 Tensor Core GPU", datasheet, 2022';
export const CUDA_GUIDE_THROUGHPUT = 'NVIDIA, "CUDA C Programming Guide", CUDA 8.0 and later (2016-), table of arithmetic instruction throughput';
export const FLOATPIM = 'Imani et al., "FloatPIM: In-Memory Acceleration of Deep Neural Network Training with High Precision", ISCA 2019';
