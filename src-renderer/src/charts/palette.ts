// Colours of charts in each theme. Series colours are chosen to stay apart in grey-scale print.

export interface ChartPalette {
  readonly text: string;
  readonly mutedText: string;
  readonly grid: string;
  readonly background: string;
  readonly series: readonly string[];
  readonly highlight: string;
  /** The card a chart stands on: a halo of it keeps marks drawn over bars (error bars) apart from them. */
  readonly surface: string;
}

export const LIGHT_PALETTE: ChartPalette = {
  text: '#1d2330',
  mutedText: '#5b6475',
  grid: '#e3e6ec',
  background: 'transparent',
  series: ['#2f5fb3', '#d98c2b', '#7a8699', '#3a9a6e', '#a64d79'],
  highlight: '#1d2330',
  surface: '#ffffff',
};

export const DARK_PALETTE: ChartPalette = {
  text: '#e6e9ef',
  mutedText: '#9aa3b2',
  grid: '#2c3340',
  background: 'transparent',
  series: ['#6e9be8', '#f0ad55', '#8f9bb0', '#5cc495', '#d17aa6'],
  highlight: '#ffffff',
  surface: '#1b2029',
};

export function paletteFor(theme: 'light' | 'dark'): ChartPalette {
  return theme === 'dark' ? DARK_PALETTE : LIGHT_PALETTE;
}
