import { WorkbenchFailure, type Issue } from '../shared/result.ts';
import { builtinLibraries } from './builtin-definitions.ts';
import type { Output, ParsedInput } from '../shared/ipc/contract.ts';
import type { LibraryDetail, ParamValue } from '../shared/schemas/library.ts';
import { isKnownUnit } from '../shared/units.ts';
import { cellParamsFromValues, type CellParams } from '../sim/cells/params.ts';
import { checkCell } from '../sim/cells/plausibility.ts';
import { formatNvsimCell, parseNvsimCell, type UnknownKey } from '../sim/cells/nvsim-cell-format.ts';
import { BUILTIN_CELLS } from '../sim/cells/builtin/index.ts';
import { ArrayInputError, evaluateSubarray } from '../sim/array/subarray.ts';
import { SUPPORTED_NODES_NM, TECH_NODES } from '../sim/tech/nodes.ts';
import { CELL_FAMILY_PRIMITIVES } from '../sim/isa/primitives.ts';
import type { PrimitiveError } from '../sim/reliability/error-probability.ts';
import { CELL_ERRORS_TASK } from '../sim/reliability/cell-errors-task.ts';
import type { JobRunner } from '../shared/jobs.ts';
import type { LibraryService } from './libraries.ts';

// Memory cells are libraries of kind "cell". This service reads them as cell parameters, imports
// and exports NVSim .cell files, and evaluates subarrays built from them.

/** NVSim keys the model does not use are stored as values named "nvsim.<Key>" so export can restore them. */
const UNKNOWN_PREFIX = 'nvsim.';

/** The simulator's shipped cells, as read-only libraries. */
export function builtinCellLibraries(): LibraryDetail[] {
  return builtinLibraries(BUILTIN_CELLS, 'cell');
}

function unknownToValue(u: UnknownKey, fileName: string): ParamValue {
  const unit = isKnownUnit(u.unit) ? u.unit : '';
  const numeric = unit !== '' && Number.isFinite(Number(u.value));
  return {
    key: `${UNKNOWN_PREFIX}${u.key}`,
    value: numeric ? Number(u.value) : unit === '' && u.unit ? `${u.value} (${u.unit})` : u.value,
    unit,
    source: `NVSim .cell file ${fileName}, line ${u.line} (kept for export; not used by the workbench)`,
  };
}

function valueToUnknown(v: ParamValue): UnknownKey {
  const text = String(v.value);
  const withUnit = /^(.*) \(([^)]*)\)$/.exec(text);
  return { key: v.key.slice(UNKNOWN_PREFIX.length), unit: withUnit ? withUnit[2]! : v.unit, value: withUnit ? withUnit[1]! : text, line: 0 };
}

function fileStem(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '') || 'cell';
}

export class CellService {
  private readonly libraries: LibraryService;
  private readonly jobs: JobRunner;
  private readonly errorsByVersion = new Map<string, Record<string, PrimitiveError> | undefined>();

  constructor(libraries: LibraryService, jobs: JobRunner) {
    this.libraries = libraries;
    this.jobs = jobs;
    libraries.setValueCheck('cell', (values) => this.check({ values: [...values] }).errors);
  }

  list(): Output<'cells.list'> {
    const items = this.libraries.list({ kind: 'cell' }).items.map((summary) => {
      const detail = this.libraries.detail(summary.id);
      const family = detail.values.find((v) => v.key === 'family')?.value;
      return { ...summary, family: typeof family === 'string' ? family : 'unknown' };
    });
    return { items };
  }

  /** A cell as the simulator reads it: family, primitives, plausibility warnings. */
  get(input: ParsedInput<'cells.get'>): Output<'cells.get'> {
    return this.describe(this.cellLibrary(input.ref, input.version)).detail;
  }

  /** The error probability of each primitive, computed by the job runner (a worker thread in the window), once per saved version: a version never changes. */
  async errors(input: ParsedInput<'cells.errors'>): Promise<Output<'cells.errors'>> {
    const { detail, params } = this.describe(this.cellLibrary(input.ref, input.version));
    if (!params) return {};
    const key = `${detail.library.id}@${detail.library.version}`;
    if (!this.errorsByVersion.has(key)) {
      const outcome = await this.jobs.run<Record<string, PrimitiveError> | null>(CELL_ERRORS_TASK, params);
      if (outcome.status !== 'done') throw new WorkbenchFailure('conflict', 'the error figures were cancelled before they finished');
      if (this.errorsByVersion.size > 200) this.errorsByVersion.clear();
      this.errorsByVersion.set(key, outcome.value ?? undefined);
    }
    const errors = this.errorsByVersion.get(key);
    return errors ? { errors } : {};
  }

  /** The cell's family, primitives and warnings, and its parameters when they can be simulated. */
  private describe(library: LibraryDetail): { detail: Output<'cells.get'>; params?: CellParams } {
    const parsed = cellParamsFromValues(library.values);
    if (!parsed.ok) return { detail: { library, family: 'unknown', primitives: [], warnings: parsed.issues } };
    const check = checkCell(parsed.params);
    const detail = { library, family: parsed.params.family, primitives: [...CELL_FAMILY_PRIMITIVES[parsed.params.family]], warnings: check.warnings };
    return check.errors.length ? { detail } : { detail, params: parsed.params };
  }

  /** Errors and warnings of a cell being edited, before it is saved. */
  check(input: ParsedInput<'cells.check'>): Output<'cells.check'> {
    const parsed = cellParamsFromValues(input.values);
    if (!parsed.ok) return { errors: parsed.issues, warnings: [] };
    return checkCell(parsed.params);
  }

  importNvsim(input: ParsedInput<'cells.importNvsim'>): Output<'cells.importNvsim'> {
    const parsed = parseNvsimCell(input.text, `NVSim .cell file ${input.fileName}`);
    if (!parsed.ok) throw new WorkbenchFailure('invalid_input', `${input.fileName} is not a valid NVSim .cell file`, parsed.issues);
    const name = input.name ?? input.fileName.replace(/\.cell$/i, '');
    const values = [...parsed.values, ...parsed.unknown.map((u) => unknownToValue(u, input.fileName))];
    const created = this.libraries.create(
      { name, kind: 'cell', description: `Imported from the NVSim .cell file ${input.fileName}.`, values },
      `imported from ${input.fileName}`,
    );
    return { cell: this.get({ ref: created.id }), warnings: parsed.warnings };
  }

  exportNvsim(input: ParsedInput<'cells.exportNvsim'>): Output<'cells.exportNvsim'> {
    const library = this.cellLibrary(input.ref, input.version);
    // Written from the cell's parameters, which hold each value alone: uncertainty ranges have no
    // place in a .cell file and are left out (the library file, libraries.export, keeps them).
    const params = this.paramsOf(library);
    const unknown = library.values.filter((v) => v.key.startsWith(UNKNOWN_PREFIX)).map(valueToUnknown);
    const text = formatNvsimCell(params, { title: `${library.name}, version ${library.shownVersion} (${library.id})`, unknown });
    return { fileName: `${fileStem(library.name)}.cell`, text };
  }

  evaluateArray(input: ParsedInput<'array.evaluate'>): Output<'array.evaluate'> {
    const { params, meta } = this.resolveCell(input.cell, input.version);
    if (!TECH_NODES[input.node]) {
      throw new WorkbenchFailure('invalid_input', `no technology node ${input.node} nm`, [{ path: 'node', message: `supported nodes: ${SUPPORTED_NODES_NM.join(', ')} nm` }]);
    }
    try {
      const result = evaluateSubarray({ cell: params, rows: input.rows, cols: input.cols, node_nm: input.node, ...(input.mux === undefined ? {} : { mux: input.mux }) });
      return {
        ...result,
        primitives: result.primitives as Record<string, { latency_s: number; energy_J: number }>,
        breakdown: { ...result.breakdown, primitives: result.breakdown.primitives as Record<string, { latencyBreakdown: Record<string, number>; energyBreakdown: Record<string, number> }> },
        cell: meta,
        node_nm: input.node,
      };
    } catch (error) {
      if (error instanceof ArrayInputError) throw new WorkbenchFailure('invalid_input', error.message, error.key ? [{ path: error.key, message: error.message }] : undefined);
      throw error;
    }
  }

  private resolveCell(cell: ParsedInput<'array.evaluate'>['cell'], version?: number): { params: CellParams; meta: { id: string; name: string; family: string } } {
    if (typeof cell !== 'string') {
      const parsed = parseNvsimCell(cell.nvsimText, `NVSim .cell file ${cell.fileName}`);
      if (!parsed.ok) throw new WorkbenchFailure('invalid_input', `${cell.fileName} is not a valid NVSim .cell file`, parsed.issues);
      return { params: parsed.params, meta: { id: cell.fileName, name: cell.fileName, family: parsed.params.family } };
    }
    const library = this.cellLibrary(cell, version);
    const params = this.paramsOf(library);
    return { params, meta: { id: library.id, name: library.name, family: params.family } };
  }

  /** A cell library's parameters, checked, for the designs built from it. */
  resolve(ref: string, version?: number): { params: CellParams; library: LibraryDetail } {
    const library = this.cellLibrary(ref, version);
    return { params: this.paramsOf(library), library };
  }

  private cellLibrary(ref: string, version?: number): LibraryDetail {
    const library = this.libraries.detail(ref, version);
    if (library.kind !== 'cell') throw new WorkbenchFailure('invalid_input', `"${library.name}" is a ${library.kind} library, not a cell`, [{ path: 'ref', message: 'is not a cell' }]);
    return library;
  }

  private paramsOf(library: LibraryDetail): CellParams {
    const parsed = cellParamsFromValues(library.values);
    if (!parsed.ok) throw new WorkbenchFailure('invalid_input', `"${library.name}" is not a complete cell`, parsed.issues);
    const errors: Issue[] = checkCell(parsed.params).errors;
    if (errors.length) throw new WorkbenchFailure('invalid_input', `"${library.name}" has impossible values`, errors);
    return parsed.params;
  }
}
