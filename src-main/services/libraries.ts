import { WorkbenchFailure, type Issue } from '../shared/result.ts';
import { issuesFromZod } from '../shared/ipc/issues.ts';
import type { Output, ParsedInput } from '../shared/ipc/contract.ts';
import type { LibraryDetail, LibraryKind, LibrarySummary, ParamValue } from '../shared/schemas/library.ts';
import { localDay, stampEditedSources } from '../shared/edited-source.ts';
import { LIBRARY_FILE_FORMAT, LIBRARY_FILE_SCHEMA_VERSION, libraryFileSchema, type LibraryFile } from '../shared/schemas/library-file.ts';
import type { LibraryRepo } from '../store/repos/libraries.ts';
import { nameTaken } from '../store/repos/libraries.ts';
import type { EventHub } from './events.ts';
import { builtinNamed, reservedNameReason } from './reserved-names.ts';

// Use cases of parameter libraries: built-in ones (read-only, shipped) and the user's own (versioned).

export interface LibraryServiceDeps {
  readonly repo: LibraryRepo;
  /** Shipped libraries: resources/libraries files and the simulator's built-in cells. */
  readonly builtins: readonly LibraryDetail[];
  readonly events: EventHub;
  readonly appVersion: string;
  /** Today as YYYY-MM-DD, for the source of an edited value; the local day by default. */
  readonly today?: () => string;
}

/** What the simulator refuses in a library's values (errors by key), for the kinds it reads. */
export type ValueCheck = (values: readonly ParamValue[]) => readonly Issue[];

function summaryOf(detail: LibraryDetail): LibrarySummary {
  const { shownVersion: _shown, note: _note, values: _values, ...summary } = detail;
  return summary;
}

export class LibraryService {
  private readonly deps: LibraryServiceDeps;
  private readonly checks = new Map<LibraryKind, ValueCheck>();

  constructor(deps: LibraryServiceDeps) {
    this.deps = deps;
  }

  /**
   * The services that read cells and designs register how the simulator checks their values (they
   * are built on this service, so they cannot be handed to it), and every write applies the check.
   */
  setValueCheck(kind: LibraryKind, check: ValueCheck): void {
    this.checks.set(kind, check);
  }

  list(input: ParsedInput<'libraries.list'>): Output<'libraries.list'> {
    const query = input.query?.trim().toLowerCase() ?? '';
    const builtins = this.deps.builtins
      .filter((b) => (!input.kind || b.kind === input.kind) && (!query || b.name.toLowerCase().includes(query)))
      .map(summaryOf);
    return { items: [...builtins, ...this.deps.repo.list(input)] };
  }

  get(input: ParsedInput<'libraries.get'>): Output<'libraries.get'> {
    return this.detail(input.ref, input.version);
  }

  versions(input: ParsedInput<'libraries.versions'>): Output<'libraries.versions'> {
    const found = this.resolve(input.ref);
    if (found.builtIn) return { items: [{ version: 1, note: 'shipped with PIM Workbench', valueCount: found.valueCount, createdAt: found.createdAt }] };
    return { items: this.deps.repo.versions(found.id) };
  }

  create(input: ParsedInput<'libraries.create'>, note = 'created'): Output<'libraries.create'> {
    this.assertNameFree(input.name);
    this.assertUsable(input.name, input.kind, input.values);
    const id = this.deps.repo.create({ ...input, note });
    this.deps.events.emit('libraries.changed', { ids: [id], reason: note === 'created' ? 'created' : 'imported' });
    return this.detail(id);
  }

  clone(input: ParsedInput<'libraries.clone'>): Output<'libraries.clone'> {
    const source = this.detail(input.ref, input.version);
    this.assertNameFree(input.name);
    this.assertUsable(input.name, source.kind, source.values);
    const note = `cloned from ${source.name} version ${source.shownVersion}`;
    const id = this.deps.repo.create({ name: input.name, kind: source.kind, description: source.description, values: source.values, note });
    this.deps.events.emit('libraries.changed', { ids: [id], reason: 'created' });
    return this.detail(id);
  }

  saveVersion(input: ParsedInput<'libraries.saveVersion'>): Output<'libraries.saveVersion'> {
    const found = this.resolveEditable(input.ref, 'edited');
    const current = this.detail(found.id);
    const description = input.description ?? current.description;
    const base = this.deps.repo.get(found.id, input.baseVersion)?.values ?? current.values;
    const values = stampEditedSources(base, input.values, (this.deps.today ?? (() => localDay()))());
    this.assertUsable(found.name, found.kind, values);
    this.deps.repo.saveVersion(found.id, input.baseVersion, { values, description, note: input.note });
    this.deps.events.emit('libraries.changed', { ids: [found.id], reason: 'saved' });
    return this.detail(found.id);
  }

  rename(input: ParsedInput<'libraries.rename'>): Output<'libraries.rename'> {
    const found = this.resolveEditable(input.ref, 'renamed');
    if (found.name !== input.name) this.assertNameFree(input.name, found.id);
    this.deps.repo.rename(found.id, input.name);
    this.deps.events.emit('libraries.changed', { ids: [found.id], reason: 'renamed' });
    return summaryOf(this.detail(found.id));
  }

  delete(input: ParsedInput<'libraries.delete'>): Output<'libraries.delete'> {
    const found = this.resolveEditable(input.ref, 'deleted');
    const users = this.deps.repo.usedBy(found.id, 5);
    if (users.length > 0) {
      const total = this.deps.repo.usageCount(found.id);
      const named = users.map((u) => `"${u.name}" (${u.id})`).join(', ');
      const more = total > users.length ? ` and ${total - users.length} more` : '';
      throw new WorkbenchFailure('conflict', `library "${found.name}" is used by ${total} experiment(s): ${named}${more}; delete those experiments first or keep the library`);
    }
    this.deps.repo.delete(found.id);
    this.deps.events.emit('libraries.changed', { ids: [found.id], reason: 'deleted' });
    return { id: found.id, name: found.name };
  }

  import(input: ParsedInput<'libraries.import'>): Output<'libraries.import'> {
    const file = parseLibraryFile(input.file);
    const name = input.name ?? file.name;
    this.assertNameFree(name);
    this.assertUsable(name, file.kind, file.values);
    const id = this.deps.repo.create({ name, kind: file.kind, description: file.description, values: file.values, note: 'imported' });
    this.deps.events.emit('libraries.changed', { ids: [id], reason: 'imported' });
    return this.detail(id);
  }

  export(input: ParsedInput<'libraries.export'>): Output<'libraries.export'> {
    const detail = this.detail(input.ref, input.version);
    const file: LibraryFile = {
      format: LIBRARY_FILE_FORMAT,
      schemaVersion: LIBRARY_FILE_SCHEMA_VERSION,
      name: detail.name,
      kind: detail.kind,
      description: detail.description,
      values: detail.values,
      exportedFrom: { app: `PIM Workbench ${this.deps.appVersion}`, version: detail.shownVersion, libraryId: detail.id },
    };
    return { fileName: `${fileStem(detail.name)}.v${detail.shownVersion}.pimwb-library.json`, file };
  }

  /**
   * Finds a library by id, by the name given at creation or import, or by a built-in's name or id.
   * A built-in wins: databases from before names were reserved may hold a library named like one,
   * and it stays reachable by its own id.
   */
  resolve(ref: string): LibrarySummary {
    const builtin = this.findBuiltin(ref);
    if (builtin) return summaryOf(builtin);
    const own = this.deps.repo.find(ref);
    if (own) return own;
    throw new WorkbenchFailure('not_found', `no library "${ref}"; use an id or a name from the library list`, [{ path: 'ref', message: 'matches no library' }]);
  }

  detail(ref: string, version?: number): LibraryDetail {
    const found = this.resolve(ref);
    if (found.builtIn) {
      if (version !== undefined && version !== 1) throw missingVersion(found, version);
      return this.findBuiltin(found.id)!;
    }
    const detail = this.deps.repo.get(found.id, version);
    if (!detail) throw missingVersion(found, version ?? found.version);
    return detail;
  }

  private findBuiltin(ref: string): LibraryDetail | undefined {
    return builtinNamed(this.deps.builtins, ref);
  }

  private resolveEditable(ref: string, verb: string): LibrarySummary {
    const found = this.resolve(ref);
    if (found.builtIn) throw new WorkbenchFailure('conflict', `"${found.name}" is a built-in library and cannot be ${verb}; clone it to make your own copy`);
    return found;
  }

  /**
   * Refuses values the simulator refuses. Keys a cell or design still lacks are not refused: a
   * library may be built up over versions, or be a reference sheet, and says what it lacks where
   * it is shown; but no value it holds may be one the simulator cannot use.
   */
  private assertUsable(name: string, kind: LibraryKind, values: readonly ParamValue[]): void {
    const check = this.checks.get(kind);
    if (!check || values.length === 0) return;
    const held = new Set(values.map((v) => v.key));
    const refused = check(values).filter((issue) => held.has(issue.path));
    if (refused.length === 0) return;
    const named = [...new Set(refused.map((i) => i.path))].join(', ');
    throw new WorkbenchFailure('invalid_input', `"${name}" holds values the simulator cannot use (${named}); nothing was saved`, refused);
  }

  private assertNameFree(name: string, exceptId?: string): void {
    const reserved = reservedNameReason(this.deps.builtins, name);
    if (reserved) throw new WorkbenchFailure('invalid_input', reserved, [{ path: 'name', message: 'is reserved for a built-in' }]);
    const clash = this.deps.repo.find(name);
    if (clash && clash.id !== exceptId && clash.name.toLowerCase() === name.toLowerCase()) throw nameTaken(name);
  }
}

function missingVersion(found: LibrarySummary, version: number): WorkbenchFailure {
  return new WorkbenchFailure('not_found', `library "${found.name}" has no version ${version} (latest is ${found.version})`, [
    { path: 'version', message: 'does not exist' },
  ]);
}

/** Validates an imported file; issues name paths inside the file, such as values[3].unit. */
export function parseLibraryFile(content: unknown): LibraryFile {
  const parsed = libraryFileSchema.safeParse(content);
  if (!parsed.success) throw new WorkbenchFailure('invalid_input', 'the library file is not valid', issuesFromZod(parsed.error));
  return parsed.data;
}

function fileStem(name: string): string {
  const stem = name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  return stem || 'library';
}
