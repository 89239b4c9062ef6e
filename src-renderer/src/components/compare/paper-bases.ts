import type { Basis } from '@/stores/comparison.ts';

// How the Compare page names and explains each basis of the paper comparison.

export const BASIS_LABELS: Readonly<Record<string, string>> = {
  'as-modelled': 'As modelled',
  'floatpim-published': 'FloatPIM as published',
  'equal-power': 'Equal power',
  'step-count': 'Step count',
};

export const BASIS_OPTIONS: readonly { value: Basis; text: string; hint: string }[] = [
  { value: 'as-modelled', text: 'As modelled', hint: "Both designs from device physics, FloatPIM's organisation, every block computing" },
  { value: 'floatpim-published', text: 'FloatPIM as published', hint: 'The baseline costed by its published cycle formulas, 1.1 ns cycle, 62.6 W and 30.64 mm²; the proposed design as modelled' },
  { value: 'equal-power', text: 'Equal power', hint: 'Each design inside its 62.6 W envelope: one with dearer blocks runs fewer of them at once' },
  { value: 'step-count', text: 'Step count', hint: 'Array steps only, no device physics; area as silicon' },
];
