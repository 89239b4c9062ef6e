import type { Experiment, ExperimentRerunOutput } from '@shared/schemas/experiment.ts';
import type { HistoryItem, HistoryKind } from '@shared/schemas/history.ts';
import type { SweepHeader } from '@shared/schemas/sweep.ts';
import type { Reproduction, ReproductionRerunOutput } from '@shared/schemas/reproduction.ts';
import { api } from '@/api/index.ts';

// What History does with each kind of kept result, behind one set of functions: read it whole,
// rename and annotate it, run it again, export it, delete it and undo that. Experiments are deleted
// for good and come back from a bundle kept in memory; sweeps (up to 100,000 points) and
// reproductions are hidden by the store and restored by id.

export type Detail = { readonly kind: 'experiment'; readonly value: Experiment } | { readonly kind: 'sweep'; readonly value: SweepHeader } | { readonly kind: 'reproduction'; readonly value: Reproduction };

export type Rerun =
  | { readonly kind: 'experiment'; readonly output: ExperimentRerunOutput }
  | { readonly kind: 'sweep'; readonly output: { readonly id: string; readonly name: string; readonly same: boolean; readonly differing: number; readonly pointCount: number } }
  | { readonly kind: 'reproduction'; readonly output: ReproductionRerunOutput };

/** What Undo needs to bring a deleted row back. */
export type Deleted = { readonly kind: 'experiment'; readonly name: string; readonly fileName: string; readonly text: string } | { readonly kind: 'sweep' | 'reproduction'; readonly id: string; readonly name: string };

export function kindOf(id: string): HistoryKind {
  return id.startsWith('swp_') ? 'sweep' : id.startsWith('rep_') ? 'reproduction' : 'experiment';
}

export async function readDetail(id: string): Promise<Detail> {
  const kind = kindOf(id);
  if (kind === 'sweep') return { kind, value: await api.invoke('sweeps.get', { ref: id }) };
  if (kind === 'reproduction') return { kind, value: await api.invoke('reproductions.get', { ref: id }) };
  return { kind, value: await api.invoke('experiments.get', { ref: id }) };
}

export interface Changes {
  readonly name?: string;
  readonly notes?: string;
  readonly tags?: string[];
}

export async function saveChanges(id: string, changes: Changes): Promise<Detail> {
  const kind = kindOf(id);
  const { tags, ...rest } = changes;
  if (kind === 'sweep') return { kind, value: await api.invoke('sweeps.update', { ref: id, ...rest }) };
  if (kind === 'reproduction') return { kind, value: await api.invoke('reproductions.update', { ref: id, ...rest }) };
  return { kind, value: await api.invoke('experiments.update', { ref: id, ...rest, ...(tags ? { tags } : {}) }) };
}

/** Runs it again from its stored inputs; a sweep reports progress under `jobId`. */
export async function runAgain(id: string, jobId: string): Promise<Rerun> {
  const kind = kindOf(id);
  if (kind === 'sweep') {
    const out = await api.invoke('sweeps.rerun', { ref: id, jobId, returnPoints: false });
    return { kind, output: { id: out.sweepId ?? '', name: out.rerunOf.name, same: out.rerunOf.same, differing: out.rerunOf.differing, pointCount: out.pointCount } };
  }
  if (kind === 'reproduction') return { kind, output: await api.invoke('reproductions.rerun', { ref: id }) };
  return { kind, output: await api.invoke('experiments.rerun', { ref: id }) };
}

export async function exportFile(id: string, format: 'json' | 'csv'): Promise<{ fileName: string; text: string }> {
  const kind = kindOf(id);
  if (kind === 'sweep') return api.invoke('sweeps.export', { ref: id, format });
  if (kind === 'reproduction') return api.invoke('reproductions.export', { ref: id, format });
  return api.invoke('experiments.exportBundle', { ref: id });
}

export async function deleteKept(item: Pick<HistoryItem, 'id'>): Promise<Deleted | null> {
  const kind = kindOf(item.id);
  if (kind === 'sweep') return { kind, ...(await api.invoke('sweeps.delete', { ref: item.id })) };
  if (kind === 'reproduction') return { kind, ...(await api.invoke('reproductions.delete', { ref: item.id })) };
  const bundle = await api.invoke('experiments.exportBundle', { ref: item.id }).catch(() => null);
  const gone = await api.invoke('experiments.delete', { ref: item.id });
  return bundle ? { kind, name: gone.name, ...bundle } : null;
}

/** Brings a deleted row back; returns its id (an experiment comes back under a new one). */
export async function restore(deleted: Deleted): Promise<string> {
  if (deleted.kind === 'experiment') return (await api.invoke('experiments.importBundle', { fileName: deleted.fileName, text: deleted.text })).id;
  if (deleted.kind === 'sweep') return (await api.invoke('sweeps.restore', { ref: deleted.id })).id;
  return (await api.invoke('reproductions.restore', { ref: deleted.id })).id;
}
