import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { openWorkbenchDb } from '../../../src-main/store/db.ts';
import { NetworkRepo } from '../../../src-main/store/repos/networks.ts';
import { fixedClock, useTempDir } from '../../helpers/temp.ts';
import { zooNetwork } from '../../../src-main/sim/workload/zoo/index.ts';

describe('NetworkRepo', () => {
  const temp = useTempDir();

  it('round-trips a network and refuses a row this version cannot read, naming it', () => {
    const db = openWorkbenchDb(join(temp(), 'n.sqlite'));
    const repo = new NetworkRepo(db, fixedClock());
    const id = repo.create({ ...zooNetwork('lenet5')!.network, name: 'mine' });
    expect(repo.find('mine')?.network.layers.length).toBe(zooNetwork('lenet5')!.network.layers.length);
    // A row written with a layer kind this version does not know (say, by an older release).
    const json = JSON.stringify({ ...zooNetwork('lenet5')!.network, name: 'old', layers: [{ name: 'r', kind: 'relu' }] });
    db.prepare("INSERT INTO networks (id, name, network_json, created_at) VALUES ('net_old', 'old', ?, 'x')").run(json);
    expect(() => repo.find('old')).toThrow(/stored network net_old cannot be read by this version \(layers\.0/);
    expect(repo.find(id)?.id).toBe(id);
  });
});
