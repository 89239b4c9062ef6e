import { WorkbenchFailure } from '../shared/result.ts';
import type { Output, ParsedInput } from '../shared/ipc/contract.ts';
import type { SweepHeader } from '../shared/schemas/sweep.ts';
import type { SweepRepo } from '../store/repos/sweeps.ts';
import type { EventHub } from './events.ts';
import { fileStem, sweepCsv, sweepJson } from './sweep-export.ts';

// Kept sweeps as History and the Sweeps page use them: the header, the points a page at a time,
// name and notes, export as JSON or CSV, delete and its undo. Running sweeps is sweeps.ts.

export class KeptSweepService {
  private readonly repo: SweepRepo;
  private readonly events: EventHub;

  constructor(deps: { repo: SweepRepo; events: EventHub }) {
    this.repo = deps.repo;
    this.events = deps.events;
  }

  get(input: ParsedInput<'sweeps.get'>): Output<'sweeps.get'> {
    return this.find(input.ref);
  }

  points(input: ParsedInput<'sweeps.points'>): Output<'sweeps.points'> {
    const header = this.find(input.ref);
    return { offset: input.offset, pointCount: header.pointCount, points: this.repo.points(header, input.offset, input.limit) };
  }

  update(input: ParsedInput<'sweeps.update'>): Output<'sweeps.update'> {
    const found = this.find(input.ref);
    this.repo.update(found.id, { ...(input.name !== undefined ? { name: input.name } : {}), ...(input.notes !== undefined ? { notes: input.notes } : {}) });
    this.events.emit('history.changed', { kind: 'sweep', ids: [found.id], reason: 'updated' });
    return this.find(found.id);
  }

  delete(input: ParsedInput<'sweeps.delete'>): Output<'sweeps.delete'> {
    const found = this.find(input.ref);
    this.repo.delete(found.id);
    this.events.emit('history.changed', { kind: 'sweep', ids: [found.id], reason: 'deleted' });
    return { id: found.id, name: found.name };
  }

  restore(input: ParsedInput<'sweeps.restore'>): Output<'sweeps.restore'> {
    if (!this.repo.restore(input.ref)) {
      throw new WorkbenchFailure('not_found', `no deleted sweep "${input.ref}" to restore; it was restored already or removed for good`, [{ path: 'ref', message: 'matches no deleted sweep' }]);
    }
    this.events.emit('history.changed', { kind: 'sweep', ids: [input.ref], reason: 'restored' });
    return this.find(input.ref);
  }

  export(input: ParsedInput<'sweeps.export'>): Output<'sweeps.export'> {
    const header = this.find(input.ref);
    const points = this.repo.points(header);
    const stem = fileStem(header.name, 'sweep');
    if (input.format === 'csv') return { fileName: `${stem}.csv`, text: sweepCsv(header, points) };
    return { fileName: `${stem}.pimwb-sweep.json`, text: sweepJson(header, this.repo.snapshot(header.id), points) };
  }

  find(ref: string): SweepHeader {
    const found = this.repo.find(ref);
    if (!found) throw new WorkbenchFailure('not_found', `no sweep "${ref}"; use an id or a name from History`, [{ path: 'ref', message: 'matches no sweep' }]);
    return found;
  }
}
