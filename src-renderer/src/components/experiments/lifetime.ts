import { WEAR_CLASSES, type LifetimeFigures } from '@shared/schemas/evaluation.ts';
import type { ExportTable, TableCell } from '@/export/table.ts';
import { obj } from '@/json-read.ts';
import { valueText } from './snapshot.ts';
import { daysText, engineering, shortSpan, yearsText, DAYS_PER_YEAR } from './figure-text.ts';

// The lifetime of a run as the result page shows it: when the most-written cell reaches the
// cell's endurance, the writes behind it by kind of row, how wear levelling spreads them, and the
// assumptions the count rests on. Missing figures (a cell without endurance, a dataset of unknown
// size) say why instead of showing a dash.

export type WearClass = (typeof WEAR_CLASSES)[number];

export const WEAR_CLASS_TEXT: Readonly<Record<WearClass, { readonly label: string; readonly what: string }>> = {
  scratch: { label: 'Scratch rows', what: "the microprograms' intermediate bits" },
  operands: { label: 'Operand rows', what: 'inputs written or moved into the lane' },
  weights: { label: 'Weight rows', what: 'rewritten once per step by the update' },
};

/** What the wear count takes for granted, in words; shown beside the figures and in the export's caption. */
export const LIFETIME_ASSUMPTIONS: readonly string[] = [
  'assumption: every write pulse applied wears the cell, also one that leaves its state as it was (the count does not follow the data), so the lifetime errs short.',
  'assumption: the hottest rows of the multiply and the add programs are the same cells, since both take their scratch rows from the same base row.',
  'assumption: the same lanes compute in every step (no rotation across blocks), so the busiest lane sets the chip\'s lifetime.',
  'assumption: the update rewrites each weight once per step, in place; wear levelling does not move weights.',
];

export const NO_ENDURANCE = 'no endurance given';

/** How the writes are spread, in words, with the factor it gives. */
export function levellingText(levelling: LifetimeFigures['wearLevelling']): string {
  const fewer = `${engineering(levelling.factor)}× fewer writes on the hottest scratch and operand cells`;
  if (levelling.kind === 'none') return 'none: the hottest scratch row of a lane takes every one of its writes';
  if (levelling.kind === 'rotate') return `rotate: the rows the microprograms use move across the lane's cells, ${fewer}`;
  return `spread: a factor the design sets, ${fewer}`;
}

export interface SourcedValue {
  readonly key: string;
  readonly value: string;
  readonly source: string;
}

/** A value of the run's design or cell (as its snapshot kept it) whose key passes `matches`, with its source. */
export function snapshotValue(snapshot: unknown, library: 'design' | 'cell', matches: (key: string) => boolean): SourcedValue | null {
  const values = obj(obj(snapshot)[library]).values;
  const found = (Array.isArray(values) ? values : []).map(obj).find((v) => typeof v.key === 'string' && matches(v.key));
  if (!found) return null;
  return { key: String(found.key), value: valueText(found.value, typeof found.unit === 'string' ? found.unit : ''), source: typeof found.source === 'string' ? found.source : '' };
}

export interface LifetimeFigure {
  readonly key: string;
  readonly label: string;
  readonly value: string;
  readonly detail: string;
}

function lifetimeFigure(l: LifetimeFigures): LifetimeFigure {
  if (l.days === null) return { key: 'days', label: 'Lifetime', value: NO_ENDURANCE, detail: 'the cell gives no endurance' };
  const span = l.days < 1 ? shortSpan(l.days) : yearsText(l.days);
  const detail = span ? `${span} of continuous training` : 'of continuous training';
  return { key: 'days', label: 'Lifetime', value: daysText(l.days), detail };
}

function epochsDetail(l: LifetimeFigures): string {
  if (l.steps === null) return 'the cell gives no endurance';
  return 'the dataset size is not known';
}

/** The headline figures: lifetime, steps, epochs, endurance and the writes on the hottest cell. */
export function lifetimeFigures(l: LifetimeFigures): LifetimeFigure[] {
  const hottest = WEAR_CLASS_TEXT[l.hottest].label.toLowerCase();
  return [
    lifetimeFigure(l),
    { key: 'steps', label: 'Steps until worn out', value: l.steps === null ? '—' : `${engineering(l.steps)} steps`, detail: l.steps === null ? 'the cell gives no endurance' : 'training steps at this batch' },
    { key: 'epochs', label: 'Epochs until worn out', value: l.epochs === null ? '—' : `${engineering(l.epochs)} epochs`, detail: l.epochs === null ? epochsDetail(l) : 'passes over the dataset' },
    { key: 'endurance', label: 'Cell endurance', value: l.endurance === null ? NO_ENDURANCE : `${engineering(l.endurance)} write cycles`, detail: l.endurance === null ? 'the cell library has no endurance value' : 'writes a cell takes before it wears out' },
    { key: 'writes', label: 'Writes per cell per step', value: `${engineering(l.writesPerCellPerStep)} writes`, detail: `on the hottest cell, in the ${hottest}` },
  ];
}

/** Steps a cell of this class lasts at its write rate; null without endurance or writes. */
export function stepsOfClass(l: LifetimeFigures, writes: number): number | null {
  return l.endurance === null || !(writes > 0) ? null : l.endurance / writes;
}

function row(label: string, value: TableCell, unit: string): TableCell[] {
  return [label, value, unit];
}

/** Every figure of the card as one table (CSV, LaTeX), the assumptions in its caption. */
export function lifetimeTable(l: LifetimeFigures, experimentName: string): ExportTable {
  const missing = l.endurance === null ? NO_ENDURANCE : null;
  const hottest = WEAR_CLASS_TEXT[l.hottest].label.toLowerCase();
  return {
    title: `Lifetime, ${experimentName}`,
    caption: `Wear of the most-written cell of ${experimentName}, continuous training at one step's latency; wear levelling ${l.wearLevelling.kind}. ${LIFETIME_ASSUMPTIONS.join(' ')}`,
    columns: [{ label: 'Figure' }, { label: 'Value', digits: 4 }, { label: 'Unit' }],
    rows: [
      row('Lifetime', l.days ?? missing, 'days'),
      row('Lifetime', l.days === null ? missing : l.days / DAYS_PER_YEAR, 'years'),
      row('Steps until worn out', l.steps ?? missing, 'steps'),
      row('Epochs until worn out', l.epochs ?? (l.steps === null ? missing : 'dataset size not known'), 'epochs'),
      row('Cell endurance', l.endurance ?? missing, 'write cycles'),
      row(`Writes on the hottest cell (${hottest})`, l.writesPerCellPerStep, 'writes per step'),
      ...WEAR_CLASSES.map((c) => row(`Writes per cell, ${WEAR_CLASS_TEXT[c].label.toLowerCase()}`, l.byClass[c], 'writes per step')),
      row(`Wear levelling factor (${l.wearLevelling.kind})`, l.wearLevelling.factor, '×'),
    ],
  };
}
