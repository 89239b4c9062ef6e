import type { Db } from '../connect.ts';
import type { StoreClock } from '../ids.ts';
import { networkSchema, type Network } from '../../shared/schemas/workload.ts';
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

/** The database file is a boundary too: a row written by another version, or damaged, is refused by name. */
function toStored(row: Row): StoredNetwork {
  let json: unknown;
  try {
    json = JSON.parse(row.network_json);
  } catch {
    json = undefined;
  }
  const checked = networkSchema.safeParse(json);
  if (!checked.success) {
    const first = checked.error.issues[0];
    const where = first ? ` (${first.path.join('.') || 'network'}: ${first.message})` : '';
    throw new WorkbenchFailure('invalid_input', `stored network ${row.id} cannot be read by this version${where}; delete it and import its file again`);
  }
  return { id: row.id, createdAt: row.created_at, network: checked.data };
}

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
