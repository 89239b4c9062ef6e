import type { Evaluation } from '../../shared/schemas/evaluation.ts';
import { parseUnit } from '../../shared/units.ts';
import { DESIGN_NUMBER_SPECS, designParamsFromValues, type DesignParams } from '../arch/design.ts';
import { prepareDesign } from '../arch/prepare.ts';
import { evaluateSubarray } from '../array/subarray.ts';
import { NUMERIC_SPECS, cellParamsFromValues, type CellParams } from '../cells/params.ts';
import { RELIABILITY_ONLY_KEYS } from '../reliability/variation.ts';
import type { LibraryValue, NumberSpec } from '../params/read-values.ts';
import type { ValueRange } from '../../shared/schemas/library.ts';
import { techNode, type TechNode } from '../tech/nodes.ts';
import type { NetworkAnalysis } from '../workload/analyze.ts';
import { evaluate } from '../experiment/evaluate.ts';
import { GPU_NUMBER_SPECS, gpuParamsFromValues, isGpuValues } from '../gpu/params.ts';
import { evaluateGpu } from '../gpu/evaluate.ts';

// The values a study may move ("knobs"): every numeric value of a design, of its cell and of its
// technology node, each with its unit, its physical bounds and whether it is a count. A study
// evaluates a metric with some knobs moved, through the same parsers and models as a run, so a
// moved value the simulator refuses fails exactly as it would in a run. A GPU design (its values
// say `kind: gpu`) has neither cell nor node figures: its knobs are its own numeric values
// (bandwidth, peak rates, utilisations, power...), evaluated by the GPU model.

export type StudyMetric = 'energy' | 'latency' | 'area' | 'power';
export const STUDY_METRICS: readonly StudyMetric[] = ['energy', 'latency', 'area', 'power'];
export const METRIC_UNITS: Readonly<Record<StudyMetric, string>> = { energy: 'J', latency: 's', area: 'm^2', power: 'W' };

/** One design as a study reads it: its values and its cell's, as stored. */
export interface StudySide {
  readonly name: string;
  readonly values: readonly LibraryValue[];
  readonly cellName: string;
  readonly cellValues: readonly LibraryValue[];
}

export interface Study {
  readonly subject: StudySide;
  /** With a second design the metric is the ratio subject ÷ vs, and both designs' values are knobs. */
  readonly vs?: StudySide;
  readonly network: NetworkAnalysis;
  /** Images per step; each design's default batch when absent. */
  readonly batch?: number;
  readonly metric: StudyMetric;
}

export type KnobLibrary = 'design' | 'cell' | 'node';

export interface Knob {
  /** Unique within a study: side, library and key. */
  readonly id: string;
  readonly side: 'subject' | 'vs';
  readonly library: KnobLibrary;
  /** The library's name as the user knows it ("FloatPIM (ReRAM, MAGIC NOR)", "28 nm node"). */
  readonly libraryName: string;
  readonly key: string;
  /** The unit `value` is in: the library value's own, or SI for the node's figures. */
  readonly unit: string;
  readonly value: number;
  readonly integer: boolean;
  /** Physical bounds in `unit`. */
  readonly min: number;
  readonly max: number;
  /** The library's uncertainty range of the value, when it gives one (in `unit`, with its source). */
  readonly range?: ValueRange;
}

/**
 * Values that are settings of the study rather than quantities (the node is a choice of table; mux
 * a choice of 1, 2, 4, 8; the batch belongs to the run), and values the studied metrics (energy,
 * latency, area, power) do not read: device spreads, endurance and wear levelling.
 */
const NOT_KNOBS: ReadonlySet<string> = new Set(['node', 'mux', 'batch', ...RELIABILITY_ONLY_KEYS]);

/** The node's figures a study moves, by key, with their unit (SI) and how to read and write them. */
interface NodeFigure {
  readonly key: string;
  readonly unit: string;
  readonly get: (t: TechNode) => number;
  readonly set: (t: TechNode, v: number) => TechNode;
}

const top = (key: string, field: keyof TechNode, unit: string): NodeFigure => ({ key, unit, get: (t) => t[field] as number, set: (t, v) => ({ ...t, [field]: v }) });

const NODE_FIGURES: readonly NodeFigure[] = [
  top('node.vdd', 'vdd_V', 'V'),
  top('node.vth', 'vth_V', 'V'),
  top('node.gateCap', 'gateCap_F_per_m', 'F/m'),
  top('node.junctionCap', 'junctionCap_F_per_m2', 'F/m^2'),
  top('node.ionN', 'ionN_A_per_m', 'A/m'),
  top('node.ionP', 'ionP_A_per_m', 'A/m'),
  top('node.ioffN', 'ioffN_A_per_m', 'A/m'),
  top('node.effectiveResistanceFactor', 'effectiveResistanceFactor', '1'),
  { key: 'node.localWireR', unit: 'Ohm/m', get: (t) => t.localWire.r_Ohm_per_m, set: (t, v) => ({ ...t, localWire: { ...t.localWire, r_Ohm_per_m: v } }) },
  { key: 'node.localWireC', unit: 'F/m', get: (t) => t.localWire.c_F_per_m, set: (t, v) => ({ ...t, localWire: { ...t.localWire, c_F_per_m: v } }) },
  { key: 'node.globalWireR', unit: 'Ohm/m', get: (t) => t.globalWire.r_Ohm_per_m, set: (t, v) => ({ ...t, globalWire: { ...t.globalWire, r_Ohm_per_m: v } }) },
  { key: 'node.globalWireC', unit: 'F/m', get: (t) => t.globalWire.c_F_per_m, set: (t, v) => ({ ...t, globalWire: { ...t.globalWire, c_F_per_m: v } }) },
  { key: 'node.senseAmpLatency', unit: 's', get: (t) => t.currentSenseAmp.latency_s, set: (t, v) => ({ ...t, currentSenseAmp: { ...t.currentSenseAmp, latency_s: v } }) },
  { key: 'node.senseAmpEnergy', unit: 'J', get: (t) => t.currentSenseAmp.energy_J, set: (t, v) => ({ ...t, currentSenseAmp: { ...t.currentSenseAmp, energy_J: v } }) },
];

const NODE_BY_KEY = new Map(NODE_FIGURES.map((f) => [f.key, f]));
const DESIGN_SPEC_BY_KEY = new Map<string, NumberSpec>(DESIGN_NUMBER_SPECS.map((s) => [s.key, s]));
const CELL_SPEC_BY_KEY = new Map<string, NumberSpec>(NUMERIC_SPECS.map((s) => [s.key, s as unknown as NumberSpec]));
const GPU_SPEC_BY_KEY = new Map<string, NumberSpec>(GPU_NUMBER_SPECS.map((s) => [s.key, s as unknown as NumberSpec]));

/** A library value's bounds in its own unit (specs hold SI bounds; the unit's factor converts). */
function boundsOf(spec: NumberSpec, unitToSI: number): { min: number; max: number } {
  const positive = spec.positive === true;
  const min = spec.min !== undefined ? spec.min / unitToSI : positive ? Number.MIN_VALUE : -Infinity;
  return { min: positive ? Math.max(min, Number.MIN_VALUE) : min, max: spec.max !== undefined ? spec.max / unitToSI : Infinity };
}

function libraryKnobs(side: 'subject' | 'vs', library: 'design' | 'cell', name: string, values: readonly LibraryValue[], specs: ReadonlyMap<string, NumberSpec>): Knob[] {
  const knobs: Knob[] = [];
  for (const v of values) {
    const spec = specs.get(v.key);
    if (!spec || typeof v.value !== 'number' || NOT_KNOBS.has(v.key)) continue;
    const factor = parseUnit(v.unit)?.toSI;
    if (factor === undefined) continue;
    // Zero stands for "not used" (a cell read by current has no read voltage): nothing to move.
    if (v.value === 0) continue;
    const { min, max } = boundsOf(spec, factor);
    const range = v.range;
    knobs.push({ id: `${side}:${library}:${v.key}`, side, library, libraryName: name, key: v.key, unit: v.unit, value: v.value, integer: spec.integer === true, min, max, ...(range ? { range } : {}) });
  }
  return knobs;
}

/** The node a side is built at, from its design values. */
function nodeOf(side: StudySide): number {
  const node = side.values.find((v) => v.key === 'node')?.value;
  if (typeof node !== 'number') throw new Error(`"${side.name}" names no technology node`);
  return node;
}

/** The knobs of one design: its values, its cell's, its node's figures. */
export function sideKnobs(side: StudySide, role: 'subject' | 'vs' = 'subject'): Knob[] {
  if (isGpuValues(side.values)) return libraryKnobs(role, 'design', side.name, side.values, GPU_SPEC_BY_KEY);
  const node = techNode(nodeOf(side));
  const nodeName = `${node.node_nm} nm node`;
  // A node's figures are bounded to a factor of two of the roadmap's: beyond that it is another node.
  const nodeKnobs = NODE_FIGURES.map((f): Knob => ({ id: `${role}:node:${f.key}`, side: role, library: 'node', libraryName: nodeName, key: f.key, unit: f.unit, value: f.get(node), integer: false, min: f.get(node) / 2, max: f.get(node) * 2 }));
  return [...libraryKnobs(role, 'design', side.name, side.values, DESIGN_SPEC_BY_KEY), ...libraryKnobs(role, 'cell', side.cellName, side.cellValues, CELL_SPEC_BY_KEY), ...nodeKnobs];
}

/** Every knob of the study: the subject's design, cell and node, then the same of the design compared with. */
export function studyKnobs(study: Study): Knob[] {
  return [...sideKnobs(study.subject, 'subject'), ...(study.vs ? sideKnobs(study.vs, 'vs') : [])];
}

/** A knob id's parts. */
function parse(id: string): { side: string; library: KnobLibrary; key: string } {
  const [side, library, ...key] = id.split(':');
  return { side: side!, library: library as KnobLibrary, key: key.join(':') };
}

function moved(values: readonly LibraryValue[], changes: ReadonlyMap<string, number>): LibraryValue[] {
  return values.map((v) => (changes.has(v.key) ? { ...v, value: changes.get(v.key)! } : v));
}

/** A study value the simulator refuses, with the knob (and the reason) at fault. */
export class StudyValueError extends Error {}

function issuesText(issues: readonly { path: string; message: string }[]): string {
  return issues.map((i) => `${i.path} ${i.message}`).join('; ');
}

/** A side's changes (by knob id) split by the library they move, keyed by the value's key. */
function changesOf(role: 'subject' | 'vs', changes: ReadonlyMap<string, number>): Record<KnobLibrary, Map<string, number>> {
  const byLibrary: Record<KnobLibrary, Map<string, number>> = { design: new Map(), cell: new Map(), node: new Map() };
  for (const [id, value] of changes) {
    const p = parse(id);
    if (p.side === role) byLibrary[p.library].set(p.key, value);
  }
  return byLibrary;
}

/** A side with its design and cell knobs moved, read as the simulator reads a run's libraries (the node's figures apart). */
export interface ParsedSide {
  readonly values: readonly LibraryValue[];
  readonly cellValues: readonly LibraryValue[];
  readonly params: DesignParams;
  readonly cell: CellParams;
  readonly nodeChanges: ReadonlyMap<string, number>;
}

export function parsedSide(side: StudySide, role: 'subject' | 'vs', changes: ReadonlyMap<string, number>): ParsedSide {
  if (isGpuValues(side.values)) throw new StudyValueError(`"${side.name}" is a GPU design: it has no cell or arrays to read as a PIM design`);
  const byLibrary = changesOf(role, changes);
  const values = moved(side.values, byLibrary.design);
  const cellValues = moved(side.cellValues, byLibrary.cell);
  const design = designParamsFromValues(values);
  if (!design.ok) throw new StudyValueError(`"${side.name}": ${issuesText(design.issues)}`);
  const cell = cellParamsFromValues(cellValues);
  if (!cell.ok) throw new StudyValueError(`"${side.cellName}": ${issuesText(cell.issues)}`);
  return { values, cellValues, params: design.params, cell: cell.params, nodeChanges: byLibrary.node };
}

/** One side evaluated with its knobs moved (`changes` by knob id, values in the knob's unit). */
export function evaluateSide(side: StudySide, role: 'subject' | 'vs', changes: ReadonlyMap<string, number>, network: NetworkAnalysis, batch?: number): Evaluation {
  if (isGpuValues(side.values)) return evaluateGpuSide(side, role, changes, network, batch);
  const { params, cell, nodeChanges } = parsedSide(side, role, changes);
  let tech = techNode(params.node_nm);
  for (const [key, value] of nodeChanges) tech = NODE_BY_KEY.get(key)!.set(tech, value);
  const subarray = evaluateSubarray({ cell, rows: params.rows, cols: params.cols, node_nm: params.node_nm, tech, ...(params.mux === undefined ? {} : { mux: params.mux }) });
  return evaluate(prepareDesign(params, cell, subarray), network, { batch: batch ?? params.defaultBatch, epoch: false });
}

function evaluateGpuSide(side: StudySide, role: 'subject' | 'vs', changes: ReadonlyMap<string, number>, network: NetworkAnalysis, batch?: number): Evaluation {
  const gpu = gpuParamsFromValues(moved(side.values, changesOf(role, changes).design));
  if (!gpu.ok) throw new StudyValueError(`"${side.name}": ${issuesText(gpu.issues)}`);
  return evaluateGpu(gpu.params, network, { batch: batch ?? gpu.params.defaultBatch, epoch: false });
}

export function metricOf(evaluation: Evaluation, metric: StudyMetric): number {
  if (metric === 'energy') return evaluation.energy_J;
  if (metric === 'latency') return evaluation.latency_s;
  if (metric === 'area') return evaluation.area_m2;
  return evaluation.power_W;
}

/**
 * The study's metric with these knobs moved: the subject's figure, or its ratio to the compared
 * design's. `vsBaseline` is the compared design's figure when none of its knobs moved (a study
 * evaluates it once).
 */
export function studyMetric(study: Study, changes: ReadonlyMap<string, number>, vsBaseline?: number): number {
  const own = metricOf(evaluateSide(study.subject, 'subject', changes, study.network, study.batch), study.metric);
  if (!study.vs) return own;
  const vsMoved = [...changes.keys()].some((id) => id.startsWith('vs:'));
  const other = !vsMoved && vsBaseline !== undefined ? vsBaseline : metricOf(evaluateSide(study.vs, 'vs', changes, study.network, study.batch), study.metric);
  return own / other;
}

/** The compared design's figure with nothing moved, or undefined without one. */
export function vsBaselineOf(study: Study): number | undefined {
  return study.vs ? metricOf(evaluateSide(study.vs, 'vs', new Map(), study.network, study.batch), study.metric) : undefined;
}
