import { WorkbenchFailure } from '../shared/result.ts';
import type { Output, ParsedInput } from '../shared/ipc/contract.ts';
import type { NetworkDetail, NetworkSummary } from '../shared/schemas/network-api.ts';
import { networkSchema, type Network } from '../shared/schemas/workload.ts';
import { issuesFromZod } from '../shared/ipc/issues.ts';
import { ZOO } from '../sim/workload/zoo/index.ts';
import { inferShapes } from '../sim/workload/shapes.ts';
import { networkNameFromFile, parseNetworkFiles } from './network-files.ts';
import type { NetworkRepo } from '../store/repos/networks.ts';
import type { EventHub } from './events.ts';
import { builtinNamed, reservedNameReason } from './reserved-names.ts';

// Networks to train: the built-in zoo and imported ones (NeuroSim NetWork.csv, Timeloop files, ONNX models).

interface Known {
  readonly id: string;
  readonly builtIn: boolean;
  readonly network: Network;
  readonly published?: { macs: number; source: string };
}

function describe(known: Known): NetworkDetail {
  const shapes = inferShapes(known.network);
  if (!shapes.ok) throw new WorkbenchFailure('invalid_input', `network "${known.network.name}" is not consistent`, shapes.issues);
  const layerTable = shapes.layers.map((l) => ({ ...l, inShape: [...l.inShape] as [number, number, number], outShape: [...l.outShape] as [number, number, number] }));
  return {
    id: known.id,
    name: known.network.name,
    dataset: known.network.dataset,
    builtIn: known.builtIn,
    layers: layerTable.length,
    forwardMacs: layerTable.reduce((s, l) => s + l.macs, 0),
    params: layerTable.reduce((s, l) => s + l.params, 0),
    ...(known.published ? { publishedForwardMacs: known.published.macs, macsSource: known.published.source } : {}),
    network: known.network,
    layerTable,
  };
}

function summary(detail: NetworkDetail): NetworkSummary {
  const { network: _n, layerTable: _t, macsSource: _s, ...rest } = detail;
  return rest;
}

export { parseNetworkFiles } from './network-files.ts';

export class NetworkService {
  private readonly repo: NetworkRepo;
  private readonly events: EventHub;
  private readonly builtins: readonly Known[];

  constructor(repo: NetworkRepo, events: EventHub) {
    this.repo = repo;
    this.events = events;
    this.builtins = ZOO.map((z) => ({ id: `builtin:${z.id}`, builtIn: true, network: z.network, published: { macs: z.publishedForwardMacs, source: z.macsSource } }));
  }

  list(): Output<'networks.list'> {
    const stored = this.repo.list().map((s) => ({ id: s.id, builtIn: false, network: s.network }));
    return { items: [...this.builtins, ...stored].map((k) => summary(describe(k))) };
  }

  get(input: ParsedInput<'networks.get'>): Output<'networks.get'> {
    return describe(this.resolve(input.ref));
  }

  /** A network to evaluate, by id or name, without describing its layers (the evaluation analyses it where it runs). */
  find(ref: string): { id: string; name: string; network: Network } {
    const known = this.resolve(ref);
    return { id: known.id, name: known.network.name, network: known.network };
  }

  async import(input: ParsedInput<'networks.import'>): Promise<Output<'networks.import'>> {
    const file = input.files[0]!;
    const name = input.name ?? networkNameFromFile(file.fileName);
    const parsed = await parseNetworkFiles(input.files, name, { input: input.input });
    if (!parsed.ok) throw new WorkbenchFailure('invalid_input', file.base64 === undefined ? 'the network files are not valid' : `cannot import ${file.fileName}`, parsed.issues);
    const checked = networkSchema.safeParse(parsed.network);
    if (!checked.success) throw new WorkbenchFailure('invalid_input', 'the imported network is not valid', issuesFromZod(checked.error));
    const notes = [...parsed.notes];
    if (!input.store) return { ...describe({ id: 'file', builtIn: false, network: checked.data }), notes };
    const reserved = reservedNameReason(this.builtinNames(), name);
    if (reserved) throw new WorkbenchFailure('invalid_input', reserved, [{ path: 'name', message: 'is reserved for a built-in network' }]);
    const id = this.repo.create(checked.data);
    this.events.emit('networks.changed', { ids: [id], reason: 'imported' });
    return { ...describe({ id, builtIn: false, network: checked.data }), notes };
  }

  delete(input: ParsedInput<'networks.delete'>): Output<'networks.delete'> {
    const found = this.resolve(input.ref);
    if (found.builtIn) throw new WorkbenchFailure('conflict', `"${found.network.name}" is a built-in network and cannot be deleted`);
    this.repo.delete(found.id);
    this.events.emit('networks.changed', { ids: [found.id], reason: 'deleted' });
    return { id: found.id, name: found.network.name };
  }

  private builtinNames(): { id: string; name: string; known: Known }[] {
    return this.builtins.map((b) => ({ id: b.id, name: b.network.name, known: b }));
  }

  /** By id or name; a built-in wins (an older database may hold a network named like one, reachable by its id). */
  private resolve(ref: string): Known {
    const builtin = builtinNamed(this.builtinNames(), ref);
    if (builtin) return builtin.known;
    const stored = this.repo.find(ref);
    if (stored) return { id: stored.id, builtIn: false, network: stored.network };
    throw new WorkbenchFailure('not_found', `no network "${ref}"; use an id or a name from the network list`, [{ path: 'ref', message: 'matches no network' }]);
  }
}
