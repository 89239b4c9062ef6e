import type { HeatCells } from '@/charts/sweep-heatmap.ts';

// The heat map's cells as an image ECharts can draw: one pixel per point, enlarged by whole
// multiples without smoothing to about the plot's size in device pixels, so that ECharts' final
// (smoothed) scaling is close to 1:1 and cells keep sharp edges however few there are.

/** Largest side of the enlarged image, in pixels. */
const MAX_SIDE = 4096;

export function cellsImage(cells: HeatCells, plotPx: readonly [number, number]): HTMLCanvasElement {
  const small = document.createElement('canvas');
  small.width = cells.width;
  small.height = cells.height;
  small.getContext('2d')!.putImageData(new ImageData(new Uint8ClampedArray(cells.rgba), cells.width, cells.height), 0, 0);
  const kx = Math.max(1, Math.min(Math.ceil(plotPx[0] / cells.width), Math.floor(MAX_SIDE / cells.width)));
  const ky = Math.max(1, Math.min(Math.ceil(plotPx[1] / cells.height), Math.floor(MAX_SIDE / cells.height)));
  if (kx === 1 && ky === 1) return small;
  const big = document.createElement('canvas');
  big.width = cells.width * kx;
  big.height = cells.height * ky;
  const context = big.getContext('2d')!;
  context.imageSmoothingEnabled = false;
  context.drawImage(small, 0, 0, big.width, big.height);
  return big;
}
