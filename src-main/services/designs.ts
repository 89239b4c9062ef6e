import { WorkbenchFailure } from '../shared/result.ts';
import type { LibraryDetail } from '../shared/schemas/library.ts';
import type { DesignDetail, DesignSummary } from '../shared/schemas/design-api.ts';
import type { Issue } from '../shared/result.ts';
import type { CellParams } from '../sim/cells/params.ts';
import type { LibraryValue } from '../sim/params/read-values.ts';
import { BUILTIN_AND_GPU_DESIGNS } from '../sim/arch/builtin/index.ts';
import { designParamsFromValues, type DesignParams } from '../sim/arch/design.ts';
import { prepareDesign, type PreparedDesign } from '../sim/arch/prepare.ts';
import { ArrayInputError } from '../sim/array/subarray.ts';
import { MissingPrimitiveError } from '../sim/arith/programs.ts';
import { UnsupportedNodeError } from '../sim/tech/nodes.ts';
import type { DesignInput } from '../sim/experiment/reproduce.ts';
import { isGpuValues } from '../sim/gpu/params.ts';
import { builtinLibraries } from './builtin-definitions.ts';
import type { CellService } from './cells.ts';
import type { LibraryService } from './libraries.ts';
import { checkGpu, gpuDetail, gpuSummary, resolveGpu, type ResolvedGpuDesign } from './gpu-designs.ts';

// Accelerator designs: architecture libraries whose values describe a chip (sim/arch/design.ts),
// the built-in ones and any the user saved. Resolving one also resolves its cell library. A GPU is
// a design of another kind (its values say `kind: gpu`, sim/gpu/params.ts): listed, shown, run,
// swept and compared like the others, with no cell; the paper comparison and the arithmetic take
// PIM designs only (resolve), the rest take either (resolveAny).

export function builtinDesignLibraries(): LibraryDetail[] {
  return builtinLibraries(BUILTIN_AND_GPU_DESIGNS, 'architecture');
}

/** A failure of the cell a design names, reported as the design's `cell` value and what is wrong with it. */
function cellOfDesign<T>(resolve: () => T, designName: string): T {
  try {
    return resolve();
  } catch (error) {
    if (!(error instanceof WorkbenchFailure)) throw error;
    const issues = error.issues.length > 0 ? error.issues.map((i) => ({ path: `cell.${i.path}`, message: i.message })) : [{ path: 'cell', message: error.message }];
    throw new WorkbenchFailure(error.code, `design "${designName}" cannot use its cell: ${error.message}`, issues);
  }
}

export interface ResolvedDesign extends DesignInput {
  readonly kind: 'pim';
  readonly version: number;
  readonly builtIn: boolean;
  readonly description: string;
  readonly cellRef: { readonly id: string; readonly version: number };
}

export type { ResolvedGpuDesign } from './gpu-designs.ts';
export type AnyResolvedDesign = ResolvedDesign | ResolvedGpuDesign;

export class DesignService {
  private readonly libraries: LibraryService;
  private readonly cells: CellService;
  private readonly cache = new Map<string, PreparedDesign>();

  constructor(libraries: LibraryService, cells: CellService) {
    this.libraries = libraries;
    this.cells = cells;
    libraries.setValueCheck('architecture', (values) => this.check(values).errors);
  }

  list(): { items: DesignSummary[] } {
    const items: DesignSummary[] = [];
    for (const summary of this.libraries.list({ kind: 'architecture' }).items) {
      const detail = this.libraries.detail(summary.id);
      if (isGpuValues(detail.values)) {
        const gpu = resolveGpu(detail);
        if (gpu) items.push(gpuSummary(gpu));
        continue; // a GPU sheet that does not parse shows in Libraries with its problem, not here
      }
      if (!designParamsFromValues(detail.values).ok) continue; // a reference sheet, not a design
      try {
        items.push(this.summaryOf(this.resolveLibrary(detail)));
      } catch {
        continue; // a design whose cell is gone or broken shows in Libraries with its problem, not here
      }
    }
    return { items };
  }

  get(ref: string, version?: number): DesignDetail {
    const found = this.resolveAny(ref, version);
    if (found.kind === 'gpu') return gpuDetail(found);
    const design = found;
    const prepared = this.prepare(design, design.params);
    return {
      ...this.summaryOf(design),
      description: design.description,
      values: design.values.map((v) => ({ ...v })),
      area: { ...prepared.area.byComponent },
      power: { ...prepared.power },
      warnings: prepared.warnings.map((w) => w.message),
    };
  }

  /**
   * What the simulator makes of design values being edited: values it cannot read or build a chip
   * from (errors, by key) and what it builds but finds worth a look (warnings).
   */
  check(values: readonly LibraryValue[]): { errors: Issue[]; warnings: Issue[] } {
    if (isGpuValues(values)) return checkGpu(values);
    const parsed = designParamsFromValues(values);
    if (!parsed.ok) return { errors: parsed.issues, warnings: [] };
    let cell: CellParams;
    try {
      cell = this.cells.resolve(parsed.params.cell).params;
    } catch (error) {
      return { errors: [{ path: 'cell', message: error instanceof Error ? error.message : String(error) }], warnings: [] };
    }
    try {
      const prepared = prepareDesign(parsed.params, cell);
      return { errors: [], warnings: prepared.warnings.map((w) => ({ ...w })) };
    } catch (error) {
      // A cell without the primitives the microprograms need is a problem of the design's cell.
      if (error instanceof MissingPrimitiveError) return { errors: [{ path: 'cell', message: error.message }], warnings: [] };
      if (error instanceof UnsupportedNodeError) return { errors: [{ path: 'node', message: error.message }], warnings: [] };
      if (!(error instanceof ArrayInputError)) throw error;
      const path = error.key ?? 'design';
      return { errors: [{ path, message: error.message.replace(`${path}: `, '') }], warnings: [] };
    }
  }

  /** A PIM design; a GPU is refused, saying what `use` (the paper comparison...) needs instead. */
  resolve(ref: string, version?: number, use = 'this'): ResolvedDesign {
    const found = this.resolveAny(ref, version);
    if (found.kind === 'gpu') {
      throw new WorkbenchFailure('invalid_input', `"${found.name}" is a GPU design; ${use} takes PIM designs only (a GPU has no cells or arrays): choose a PIM design such as floatpim or sot-mram-pim`, [
        { path: 'kind', message: 'is gpu: a GPU design' },
      ]);
    }
    return found;
  }

  /** A PIM or a GPU design, as its values say. */
  resolveAny(ref: string, version?: number): AnyResolvedDesign {
    const library = this.libraries.detail(ref, version);
    if (library.kind !== 'architecture') {
      throw new WorkbenchFailure('invalid_input', `"${library.name}" is a ${library.kind} library, not a design`, [{ path: 'design', message: 'is not an architecture library' }]);
    }
    if (isGpuValues(library.values)) {
      const gpu = resolveGpu(library);
      if (!gpu) throw new WorkbenchFailure('invalid_input', `"${library.name}" is not a complete GPU design`, checkGpu(library.values).errors);
      return gpu;
    }
    return this.resolveLibrary(library);
  }

  /** The design made ready to evaluate, cached by library version and parameters. */
  prepare(design: ResolvedDesign, params: DesignParams): PreparedDesign {
    const key = `${design.id}@${design.version}/${design.cellRef.id}@${design.cellRef.version}/${JSON.stringify(params)}`;
    let found = this.cache.get(key);
    if (!found) {
      try {
        found = prepareDesign(params, design.cell);
      } catch (error) {
        if (error instanceof ArrayInputError || error instanceof MissingPrimitiveError) throw new WorkbenchFailure('invalid_input', `design "${design.name}": ${error.message}`);
        throw error;
      }
      if (this.cache.size > 200) this.cache.clear();
      this.cache.set(key, found);
    }
    return found;
  }

  private resolveLibrary(library: LibraryDetail): ResolvedDesign {
    const parsed = designParamsFromValues(library.values);
    if (!parsed.ok) throw new WorkbenchFailure('invalid_input', `"${library.name}" is not a complete design`, parsed.issues);
    const cell = cellOfDesign(() => this.cells.resolve(parsed.params.cell), library.name);
    return {
      kind: 'pim',
      id: library.id,
      name: library.name,
      version: library.shownVersion,
      builtIn: library.builtIn,
      description: library.description,
      params: parsed.params,
      values: library.values,
      cell: cell.params,
      cellName: cell.library.name,
      cellValues: cell.library.values,
      cellRef: { id: cell.library.id, version: cell.library.shownVersion },
    };
  }

  private summaryOf(design: ResolvedDesign): DesignSummary {
    const p = design.params;
    const prepared = this.prepare(design, p);
    return {
      id: design.id,
      kind: 'pim',
      name: design.name,
      builtIn: design.builtIn,
      version: design.version,
      cell: design.cellName,
      node_nm: p.node_nm,
      organisation: `${p.tiles} x ${p.blocksPerTile} blocks of ${p.subarraysPerBlock > 1 ? `${p.subarraysPerBlock} x ` : ''}${p.rows} x ${p.cols}`,
      area_m2: prepared.area.area_m2,
      peakPower_W: prepared.power.peak_W,
      activeBlocks: prepared.activeBlocks,
      blocks: prepared.blocks,
    };
  }
}
