import type { Output, ParsedInput } from '../shared/ipc/contract.ts';
import type { ExperimentCursor } from '../shared/schemas/experiment.ts';
import { lowerBound, upperBound } from '../shared/schemas/experiment.ts';
import type { HistoryItem, HistoryKind } from '../shared/schemas/history.ts';
import type { ExperimentRepo } from '../store/repos/experiments.ts';
import type { SweepRepo } from '../store/repos/sweeps.ts';
import type { ReproductionRepo } from '../store/repos/reproductions.ts';

// History's list of everything kept, newest first across experiments, sweeps and reproductions.
// Each kind's repo gives its own keyset page after the same cursor; the pages are merged and cut
// to the limit, so a cursor from this list resumes every kind where it left off. Sweeps and
// reproductions carry no tags: a tag filter lists experiments only.

/** Rows deleted longer ago than this are removed for good when the store opens; Undo works until then. */
export const PURGE_DELETED_AFTER_MS = 24 * 3600 * 1000;

interface Page {
  readonly items: readonly HistoryItem[];
  readonly next: ExperimentCursor | null;
  readonly total?: number;
}

const EMPTY: Page = { items: [], next: null, total: 0 };

export class HistoryService {
  private readonly deps: { experiments: ExperimentRepo; sweeps: SweepRepo; reproductions: ReproductionRepo };

  constructor(deps: { experiments: ExperimentRepo; sweeps: SweepRepo; reproductions: ReproductionRepo }) {
    this.deps = deps;
  }

  list(input: ParsedInput<'history.list'>): Output<'history.list'> {
    const filter = {
      limit: input.limit,
      after: input.after ?? null,
      ...(input.text ? { text: input.text } : {}),
      ...(input.from ? { from: lowerBound(input.from) } : {}),
      ...(input.to ? { to: upperBound(input.to) } : {}),
    };
    const wanted = (kind: HistoryKind): boolean => input.kind === undefined || input.kind === kind;
    const untagged = (kind: HistoryKind): boolean => wanted(kind) && !input.tag;
    const pages: Record<HistoryKind, Page> = {
      experiment: wanted('experiment') ? this.experiments(filter, input.tag) : EMPTY,
      sweep: untagged('sweep') ? this.deps.sweeps.list(filter) : EMPTY,
      reproduction: untagged('reproduction') ? this.deps.reproductions.list(filter) : EMPTY,
    };
    const merged = Object.values(pages)
      .flatMap((p) => p.items)
      .sort((a, b) => (a.createdAt === b.createdAt ? (a.id < b.id ? 1 : -1) : a.createdAt < b.createdAt ? 1 : -1));
    const items = merged.slice(0, input.limit);
    const last = items.at(-1);
    const more = merged.length > input.limit || Object.values(pages).some((p) => p.next !== null);
    const next = more && last ? { createdAt: last.createdAt, id: last.id } : null;
    if (input.after) return { items, next };
    const counts = { experiment: pages.experiment.total ?? 0, sweep: pages.sweep.total ?? 0, reproduction: pages.reproduction.total ?? 0 };
    return { items, next, total: counts.experiment + counts.sweep + counts.reproduction, counts };
  }

  /** Removes for good what was deleted long enough ago that no page can still offer to undo it. */
  purgeDeleted(now: number): void {
    const before = new Date(now - PURGE_DELETED_AFTER_MS).toISOString();
    this.deps.sweeps.purgeDeleted(before);
    this.deps.reproductions.purgeDeleted(before);
  }

  private experiments(filter: { limit: number; after: ExperimentCursor | null; text?: string; from?: string; to?: string }, tag: string | undefined): Page {
    const page = this.deps.experiments.list({ ...filter, ...(tag ? { tag } : {}) });
    return { ...page, items: page.items.map((e) => ({ kind: 'experiment' as const, ...e })) };
  }
}
