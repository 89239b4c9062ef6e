import type { SweepHeader } from '@shared/schemas/sweep.ts';
import type { Output } from '@shared/ipc/contract.ts';
import { api } from '@/api/index.ts';
import type { SweepPoint, SweepResult } from '@/charts/sweep-common.ts';
import type { SweepDraft } from '@/components/sweeps/sweep-form.ts';
import { DigestBuilder, keepDigest, type SweepDigest } from '@/charts/sweep-digest.ts';

// A kept sweep read back for the Sweeps page: its header, then its points in pages asked for all at
// once, so the server reads the next page while the page parses the last. Pages are small: each
// answer is parsed in one task of the page's only thread, and 25,000 points (the most the service
// gives at once) take some 60 ms to parse, 5,000 about a fifth of that.

/** Points asked for per request. */
export const READ_PAGE = 5000;

export type SweepCoreOf = Pick<SweepHeader, 'status' | 'total' | 'pointCount' | 'front' | 'design' | 'network' | 'axes' | 'elapsed_s' | 'batch'> & { readonly name?: string };

/** A kept sweep's points, in order, and their digest built a page at a time as the pages came. */
export interface ReadPoints {
  readonly points: SweepPoint[];
  readonly digest: SweepDigest;
}

export async function readPoints(id: string, count: number, onPage: (done: number) => void): Promise<ReadPoints> {
  let done = 0;
  const digest = new DigestBuilder(count);
  const pages: Promise<Output<'sweeps.points'>>[] = [];
  for (let offset = 0; offset < count; offset += READ_PAGE) {
    pages.push(
      api.invoke('sweeps.points', { ref: id, offset, limit: READ_PAGE }).then((page) => {
        digest.add(offset, page.points);
        done += page.points.length;
        onPage(done);
        return page;
      }),
    );
  }
  const points = (await Promise.all(pages)).flatMap((page) => page.points);
  return { points, digest: digest.finish() };
}

/** The result the charts draw: the sweep's settings and every point it kept, with their digest. */
export function resultOf(id: string, core: SweepCoreOf, read: ReadPoints, gpu = false): SweepResult {
  const { points, digest } = read;
  return keepDigest({ sweepId: id, status: core.status, total: core.total, front: core.front, design: core.design, network: core.network, axes: core.axes, elapsed_s: core.elapsed_s, batch: core.batch, points, ...(core.name ? { name: core.name } : {}), ...(gpu ? { gpu } : {}) }, digest);
}

/** The set-up that produced a kept sweep, so Enter runs it again. */
export function draftOf(header: SweepCoreOf): SweepDraft {
  return {
    design: header.design.id,
    network: header.network.id,
    batch: header.batch === null ? '' : String(header.batch),
    axes: header.axes.map((a) => ({ key: a.key, from: String(a.from), to: String(a.to), steps: String(a.steps), scale: a.scale === 'log' ? 'log' : 'linear' })),
  };
}
