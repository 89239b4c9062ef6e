import type { Issue } from '../../shared/result.ts';
import { parseUnit } from '../../shared/units.ts';
import { cellParamsFromValues, NUMERIC_SPECS, type CellParams, type CellValue } from './params.ts';
import { checkCell } from './plausibility.ts';

// NVSim .cell files (also read by DESTINY, NVMExplorer and NeuroSim's Accelergy plug-in):
// "-Key (unit): value" lines and "//" comments. Keys we model map onto cell parameters; other keys
// are kept and reported. Parameters NVSim has no key for (cell family, SOT channel, write
// transistor) travel in "// pimwb:" comments, which NVSim ignores, so a round trip loses no value.
// Values' uncertainty ranges are not written: a .cell file describes one cell, and export works
// from CellParams, which hold none (export the library file to keep them).

interface KeyMap {
  readonly nvsim: string;
  readonly ours: string;
  readonly unit: string;
  readonly required?: boolean;
}

const NUMERIC_KEYS: readonly KeyMap[] = [
  { nvsim: 'CellArea', ours: 'cellArea', unit: 'F^2', required: true },
  { nvsim: 'CellAspectRatio', ours: 'aspectRatio', unit: '1' },
  { nvsim: 'ResistanceOn', ours: 'resistanceLow', unit: 'Ohm', required: true },
  { nvsim: 'ResistanceOff', ours: 'resistanceHigh', unit: 'Ohm', required: true },
  { nvsim: 'ReadVoltage', ours: 'readVoltage', unit: 'V' },
  { nvsim: 'ReadCurrent', ours: 'readCurrent', unit: 'uA' },
  { nvsim: 'ReadPower', ours: 'readPower', unit: 'uW' },
  { nvsim: 'MinSenseVoltage', ours: 'minSenseVoltage', unit: 'mV' },
  { nvsim: 'SetCurrent', ours: 'setCurrent', unit: 'uA' },
  { nvsim: 'SetVoltage', ours: 'setVoltage', unit: 'V' },
  { nvsim: 'SetPulse', ours: 'setPulse', unit: 'ns', required: true },
  { nvsim: 'SetEnergy', ours: 'setEnergy', unit: 'pJ' },
  { nvsim: 'ResetCurrent', ours: 'resetCurrent', unit: 'uA' },
  { nvsim: 'ResetVoltage', ours: 'resetVoltage', unit: 'V' },
  { nvsim: 'ResetPulse', ours: 'resetPulse', unit: 'ns', required: true },
  { nvsim: 'ResetEnergy', ours: 'resetEnergy', unit: 'pJ' },
  { nvsim: 'VoltageDropAccessDevice', ours: 'accessVoltageDrop', unit: 'V' },
  { nvsim: 'AccessCMOSWidth', ours: 'accessWidth', unit: 'F' },
  { nvsim: 'ResistanceOnAtResetVoltage', ours: 'resistanceLowWrite', unit: 'Ohm' },
  { nvsim: 'ResistanceOnAtHalfResetVoltage', ours: 'resistanceLowHalfWrite', unit: 'Ohm' },
  { nvsim: 'SRAMCellNMOSWidth', ours: 'sramNmosWidth', unit: 'F' },
  { nvsim: 'SRAMCellPMOSWidth', ours: 'sramPmosWidth', unit: 'F' },
];

/** NVSim writes capacitances in "(F)", which here would read as feature sizes: these keys are farads. */
const CAPACITANCE_KEYS = ['CapacitanceOn', 'CapacitanceOff'];

/** NVSim names resistances of memristors at the read voltage; those are the ones that matter for reading. */
const ALIASES: Readonly<Record<string, string>> = { ResistanceOnAtReadVoltage: 'ResistanceOn', ResistanceOffAtReadVoltage: 'ResistanceOff' };
/** Read only when the file lacks the key they stand in for (NVSim uses the set resistance for set writes). */
const FALLBACKS: Readonly<Record<string, string>> = { ResistanceOnAtSetVoltage: 'ResistanceOnAtResetVoltage' };

const TEXT_KEYS: readonly KeyMap[] = [
  { nvsim: 'ReadMode', ours: 'readMode', unit: '' },
  { nvsim: 'SetMode', ours: 'setMode', unit: '' },
  { nvsim: 'ResetMode', ours: 'resetMode', unit: '' },
  { nvsim: 'AccessType', ours: 'accessType', unit: '' },
];

/** Parameters without an NVSim key, carried in "// pimwb: key = value unit" comments. */
const EXTRA_KEYS: readonly KeyMap[] = [
  { nvsim: '', ours: 'sotChannelResistance', unit: 'Ohm' },
  { nvsim: '', ours: 'writeAccessWidth', unit: 'F' },
  { nvsim: '', ours: 'switchingTime', unit: 'ns' },
  { nvsim: '', ours: 'magicVoltage', unit: 'V' },
  { nvsim: '', ours: 'magicPulse', unit: 'ns' },
  { nvsim: '', ours: 'sigmaLnRLow', unit: '1' },
  { nvsim: '', ours: 'sigmaLnRHigh', unit: '1' },
  { nvsim: '', ours: 'tmrSigma', unit: '1' },
  { nvsim: '', ours: 'senseOffsetSigma', unit: 'mV' },
  { nvsim: '', ours: 'referenceSigma', unit: '1' },
  { nvsim: '', ours: 'magicThresholdOff', unit: 'V' },
  { nvsim: '', ours: 'magicThresholdOffSigma', unit: 'mV' },
  { nvsim: '', ours: 'setSwitchingTime', unit: 'ns' },
  { nvsim: '', ours: 'resetSwitchingTime', unit: 'ns' },
  { nvsim: '', ours: 'switchingTimeSigma', unit: '1' },
  { nvsim: '', ours: 'endurance', unit: '1' },
];

/** NVSim cell types and the family each imports as (memristors and PCRAM as memory; choose reram-magic for MAGIC logic). */
const FAMILY_BY_TYPE: Readonly<Record<string, string>> = { MRAM: 'stt-mram-1t1mtj', memristor: 'reram', PCRAM: 'pcram', SRAM: 'sram' };
const TYPE_BY_FAMILY: Readonly<Record<string, string>> = { 'reram-magic': 'memristor', reram: 'memristor', pcram: 'PCRAM', sram: 'SRAM' };
/** NVSim cell types the workbench does not model, and why. */
const UNMODELLED_TYPES: Readonly<Record<string, string>> = {
  SLCNAND: 'NAND flash needs page and block sizes a .cell file does not carry (NVSim takes them from its configuration), and computes nothing in memory',
  MLCNAND: 'NAND flash needs page and block sizes a .cell file does not carry (NVSim takes them from its configuration), and computes nothing in memory',
  DRAM: 'DRAM cells (capacitors with refresh) are not modelled',
  eDRAM: 'DRAM cells (capacitors with refresh) are not modelled',
  FBRAM: 'floating-body RAM is not modelled',
};

/** An NVSim line we do not model, kept for export. */
export interface UnknownKey {
  readonly key: string;
  readonly unit: string;
  readonly value: string;
  readonly line: number;
}

export type NvsimParseResult =
  | { readonly ok: true; readonly params: CellParams; readonly values: CellValue[]; readonly unknown: UnknownKey[]; readonly warnings: Issue[] }
  | { readonly ok: false; readonly issues: Issue[] };

interface RawLine {
  readonly key: string;
  readonly unit: string;
  readonly value: string;
  readonly line: number;
}

const LINE = /^-([A-Za-z][A-Za-z0-9_]*)\s*(?:\(([^)]*)\))?\s*:\s*(.*)$/;
const EXTRA = /^\/\/\s*pimwb:\s*([A-Za-z][A-Za-z0-9_]*)\s*=\s*(\S+)\s*(\S*)\s*$/;

function where(line: number, key: string): string {
  return `line ${line} (-${key})`;
}

/** A line's text made safe to show: control characters escaped, cut to `max` characters. */
export function shown(text: string, max = 60): string {
  const cut = text.length > max ? `${text.slice(0, max)}...` : text;
  return JSON.stringify(cut).slice(1, -1);
}

/** Lines NVSim would not read ("#" headers, stray text) are ignored as NVSim ignores them, with a note. */
function splitLines(text: string, notes: Issue[]): { lines: RawLine[]; extras: RawLine[] } {
  const lines: RawLine[] = [];
  const extras: RawLine[] = [];
  const ignored: number[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const trimmed = raw.trim();
    const extra = EXTRA.exec(trimmed);
    if (extra) extras.push({ key: extra[1]!, value: extra[2]!, unit: extra[3] ?? '', line: i + 1 });
    if (trimmed === '' || trimmed.startsWith('//')) return;
    const match = LINE.exec(trimmed);
    if (!match) {
      ignored.push(i + 1);
      if (ignored.length <= 3) notes.push({ path: `line ${i + 1}`, message: `ignored, as NVSim ignores it: not a "-Key (unit): value" line ("${shown(trimmed)}")` });
      return;
    }
    lines.push({ key: ALIASES[match[1]!] ?? match[1]!, unit: (match[2] ?? '').trim(), value: match[3]!.replace(/\s*\/\/.*$/, '').trim(), line: i + 1 });
  });
  if (ignored.length > 3) notes.push({ path: `lines ${ignored.slice(3).join(', ').slice(0, 80)}`, message: `${ignored.length - 3} more lines ignored the same way` });
  for (const [fallback, key] of Object.entries(FALLBACKS)) {
    const found = lines.find((l) => l.key === fallback);
    if (found && !lines.some((l) => l.key === key)) lines.push({ ...found, key });
  }
  return { lines, extras };
}

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

interface Collected {
  values: CellValue[];
  lineOf: Map<string, RawLine>;
  unknown: UnknownKey[];
  warnings: Issue[];
}

/** The larger of a cell's on and off capacitance loads its lines (NVSim). */
function mergeCapacitance(out: Collected, farads: number, source: string): void {
  const existing = out.values.find((v) => v.key === 'cellCapacitance');
  const fF = Number((farads * 1e15).toPrecision(12));
  if (existing && (existing.value as number) >= fF) return;
  out.values = out.values.filter((v) => v.key !== 'cellCapacitance');
  out.values.push({ key: 'cellCapacitance', value: fF, unit: 'fF', source });
}

function numericValue(map: KeyMap, raw: RawLine, source: string, issues: Issue[]): CellValue | undefined {
  if (!NUMBER.test(raw.value)) {
    issues.push({ path: where(raw.line, raw.key), message: `"${shown(raw.value)}" is not a number` });
    return undefined;
  }
  const unit = raw.unit === '' ? map.unit : raw.unit;
  const parsed = parseUnit(unit);
  const expected = parseUnit(map.unit);
  if (!parsed || !expected || parsed.quantity !== expected.quantity) {
    issues.push({ path: where(raw.line, raw.key), message: `unit "${shown(raw.unit)}" does not fit this key (expected ${map.unit})` });
    return undefined;
  }
  return { key: map.ours, value: Number(raw.value), unit: unit.replace(/ohm$/i, 'Ohm'), source: `${source}, line ${raw.line}` };
}

function collect(lines: readonly RawLine[], source: string, issues: Issue[]): Collected {
  const out: Collected = { values: [], lineOf: new Map(), unknown: [], warnings: [] };
  for (const raw of lines) {
    if (CAPACITANCE_KEYS.includes(raw.key) && (raw.unit === 'F' || raw.unit === '')) {
      const farads = Number(raw.value);
      if (!NUMBER.test(raw.value) || !(farads >= 0)) issues.push({ path: where(raw.line, raw.key), message: `"${shown(raw.value)}" is not a capacitance in farads` });
      else mergeCapacitance(out, farads, `${source}, line ${raw.line} (-${raw.key})`);
      continue;
    }
    const numeric = NUMERIC_KEYS.find((k) => k.nvsim === raw.key);
    const text = TEXT_KEYS.find((k) => k.nvsim === raw.key);
    if (numeric) {
      const value = numericValue(numeric, raw, source, issues);
      if (value) out.values.push(value);
      out.lineOf.set(numeric.ours, raw);
    } else if (text) {
      out.values.push({ key: text.ours, value: raw.value, unit: '', source: `${source}, line ${raw.line}` });
      out.lineOf.set(text.ours, raw);
    } else if (raw.key === 'MemCellType') {
      const family = FAMILY_BY_TYPE[raw.value];
      if (!family) {
        const why = UNMODELLED_TYPES[raw.value];
        issues.push({ path: where(raw.line, raw.key), message: `cell type "${shown(raw.value)}" is not modelled${why ? `: ${why}` : ''} (the workbench models MRAM, memristor, PCRAM and SRAM cells)` });
      }
      else out.values.push({ key: 'family', value: family, unit: '', source: `${source}, line ${raw.line} (MemCellType ${raw.value})` });
      out.lineOf.set('family', raw);
    } else {
      out.unknown.push({ key: raw.key, unit: raw.unit, value: raw.value, line: raw.line });
      out.warnings.push({ path: where(raw.line, raw.key), message: 'is not used by the workbench; it is kept for export' });
    }
  }
  return out;
}

/** Defaults that mean nothing for an SRAM cell (a latch written and read through its access pair). */
const SRAM_IGNORED = new Set(['setMode', 'resetMode']);

const DEFAULTS: readonly (CellValue & { why: string })[] = [
  { key: 'aspectRatio', value: 1, unit: '1', source: 'assumption: not in the .cell file; a square cell', why: 'CellAspectRatio' },
  { key: 'minSenseVoltage', value: 80, unit: 'mV', source: 'assumption: not in the .cell file; NVSim\'s default minimum sense voltage (80 mV)', why: 'MinSenseVoltage' },
  { key: 'readMode', value: 'current', unit: '', source: 'assumption: not in the .cell file; current sensing', why: 'ReadMode' },
  { key: 'setMode', value: 'current', unit: '', source: 'assumption: not in the .cell file; current drive', why: 'SetMode' },
  { key: 'resetMode', value: 'current', unit: '', source: 'assumption: not in the .cell file; current drive', why: 'ResetMode' },
  { key: 'accessType', value: 'CMOS', unit: '', source: 'assumption: not in the .cell file; NVSim\'s default CMOS access', why: 'AccessType' },
];

function applyExtrasAndDefaults(found: Collected, extras: readonly RawLine[], source: string, issues: Issue[]): void {
  for (const extra of extras) {
    if (extra.key === 'family') {
      found.values = found.values.filter((v) => v.key !== 'family');
      found.values.push({ key: 'family', value: extra.value, unit: '', source: `${source}, line ${extra.line}` });
      continue;
    }
    const map = EXTRA_KEYS.find((k) => k.ours === extra.key);
    if (!map) continue;
    const value = numericValue(map, { ...extra, key: `pimwb ${extra.key}` }, source, issues);
    if (value) found.values.push(value);
  }
  const sram = found.values.some((v) => v.key === 'family' && v.value === 'sram');
  // A latch has no resistances or write pulses: an SRAM cell needs only its area (and access width, checked later).
  for (const missing of NUMERIC_KEYS.filter((k) => k.required && (!sram || k.ours === 'cellArea') && !found.lineOf.has(k.ours))) {
    issues.push({ path: `-${missing.nvsim}`, message: 'is missing (a required key)' });
  }
  if (!found.lineOf.has('family')) issues.push({ path: '-MemCellType', message: 'is missing (a required key: MRAM, memristor, PCRAM or SRAM)' });
  if (!sram && !found.lineOf.has('readVoltage') && !found.lineOf.has('readCurrent')) issues.push({ path: '-ReadVoltage', message: 'is missing (give -ReadVoltage, or -ReadCurrent for a current-forced read)' });
  for (const d of DEFAULTS) {
    if (found.values.some((v) => v.key === d.key) || (sram && SRAM_IGNORED.has(d.key))) continue;
    found.values.push({ key: d.key, value: d.value, unit: d.unit, source: d.source });
    found.warnings.push({ path: `-${d.why}`, message: `is missing; assumed ${d.value}${d.unit && d.unit !== '1' ? ` ${d.unit}` : ''}` });
  }
}

function pathFor(key: string, found: Collected): string {
  const raw = found.lineOf.get(key);
  const nvsim = [...NUMERIC_KEYS, ...TEXT_KEYS].find((k) => k.ours === key)?.nvsim ?? key;
  return raw ? where(raw.line, raw.key) : `-${nvsim}`;
}

/** Parses an NVSim .cell file; every problem names the key and the line. `source` labels where values came from. */
export function parseNvsimCell(text: string, source = 'NVSim .cell file'): NvsimParseResult {
  const issues: Issue[] = [];
  const notes: Issue[] = [];
  const { lines, extras } = splitLines(text, notes);
  if (lines.length === 0) return { ok: false, issues: [{ path: 'file', message: 'has no "-Key (unit): value" lines: it is not an NVSim .cell file' }] };
  const found = collect(lines, source, issues);
  found.warnings.unshift(...notes);
  applyExtrasAndDefaults(found, extras, source, issues);
  if (issues.length) return { ok: false, issues };
  const parsed = cellParamsFromValues(found.values);
  if (!parsed.ok) return { ok: false, issues: parsed.issues.map((i) => ({ path: pathFor(i.path, found), message: i.message })) };
  const checked = checkCell(parsed.params);
  if (checked.errors.length) return { ok: false, issues: checked.errors.map((i) => ({ path: pathFor(i.path, found), message: i.message })) };
  const warnings = [...found.warnings, ...checked.warnings.map((w) => ({ path: pathFor(w.path, found), message: w.message }))];
  return { ok: true, params: parsed.params, values: found.values, unknown: found.unknown, warnings };
}

function numberText(value: number): string {
  return String(Number(value.toPrecision(12)));
}

/** Writes a cell as an NVSim .cell file, with our extra parameters as "// pimwb:" comments. */
export function formatNvsimCell(cell: CellParams, options: { title?: string; unknown?: readonly UnknownKey[] } = {}): string {
  const out: string[] = [];
  if (options.title) out.push(`// ${options.title}`, '// Written by PIM Workbench; "// pimwb:" lines carry parameters NVSim has no key for.', '');
  out.push(`-MemCellType: ${TYPE_BY_FAMILY[cell.family] ?? 'MRAM'}`, `// pimwb: family = ${cell.family}`);
  const fields = new Map(NUMERIC_SPECS.map((s) => [s.key, s.field]));
  for (const map of NUMERIC_KEYS) {
    const field = fields.get(map.ours);
    const value = field ? (cell[field] as number | undefined) : undefined;
    // An SRAM cell's resistances and pulses are neutral zeros the model fills in, not the cell's.
    const neutral = value === 0 && (cell.family === 'sram' || (map.ours === 'accessVoltageDrop' && cell.accessType !== 'diode') || map.ours === 'readVoltage');
    if (value === undefined || neutral) continue;
    const si = parseUnit(map.unit)!.toSI;
    out.push(`-${map.nvsim}${map.unit === '1' ? '' : ` (${map.unit === 'Ohm' ? 'ohm' : map.unit})`}: ${numberText(value / si)}`);
  }
  if (cell.cellCapacitance_F !== undefined) out.push(`-CapacitanceOn (F): ${numberText(cell.cellCapacitance_F)}`, `-CapacitanceOff (F): ${numberText(cell.cellCapacitance_F)}`);
  for (const map of TEXT_KEYS) out.push(`-${map.nvsim}: ${cell[map.ours as 'readMode']}`);
  for (const map of EXTRA_KEYS) {
    const field = fields.get(map.ours);
    const value = field ? (cell[field] as number | undefined) : undefined;
    if (value !== undefined) out.push(`// pimwb: ${map.ours} = ${numberText(value / parseUnit(map.unit)!.toSI)} ${map.unit}`);
  }
  for (const u of options.unknown ?? []) out.push(`-${u.key}${u.unit ? ` (${u.unit})` : ''}: ${u.value}`);
  return `${out.join('\n')}\n`;
}
