import type { Db } from '../db.ts';
import type { StoreClock } from '../ids.ts';
import type { Network } from '../../shared/schemas/workload.ts';
import { WorkbenchFailure } from '../../shared/result.ts';

// Imported networks, stored whole (their layers as validated JSON).

export interface StoredNetwork {
  readonly id: string;
  readonly createdAt: string;
  readonly network: Network;
}

interface Row {
  id: string;
  network_json: string;
  created_at: string;
}

const toStored = (row: Row): StoredNetwork => ({ id: row.id, createdAt: row.created_at, network: JSON.parse(row.network_json) as Network });

export class NetworkRepo {
  private readonly db: Db;
  private readonly clock: StoreClock;

  constructor(db: Db, clock: StoreClock) {
    this.db = db;
    this.clock = clock;
  }

  list(): StoredNetwork[] {
    return (this.db.prepare('SELECT id, network_json, created_at FROM networks ORDER BY name COLLATE NOCASE').all() as Row[]).map(toStored);
  }

  find(ref: string): StoredNetwork | undefined {
    const row = this.db.prepare('SELECT id, network_json, created_at FROM networks WHERE id = @ref OR name = @ref LIMIT 1').get({ ref }) as Row | undefined;
    return row ? toStored(row) : undefined;
  }

  create(network: Network): string {
    const id = this.clock.newId('net');
    try {
      this.db.prepare('INSERT INTO networks (id, name, network_json, created_at) VALUES (?, ?, ?, ?)').run(id, network.name, JSON.stringify(network), this.clock.now());
    } catch (error) {
      if ((error as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE') {
        throw new WorkbenchFailure('conflict', `a network named "${network.name}" already exists`, [{ path: 'name', message: 'choose a name no other network has' }]);
      }
      throw error;
    }
    return id;
  }

  delete(id: string): void {
    this.db.prepare('DELETE FROM networks WHERE id = ?').run(id);
  }
}
