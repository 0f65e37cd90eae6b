// The only TypeORM access to sla_policies.
import type { EntityManager } from 'typeorm';
import type { Priority } from '../tickets/ticket.priority';
import { SlaPolicyEntity } from './sla-policy.entity';
import type { SlaPolicy } from './sla-policy';

/** A stored policy: the targets plus who changed them last, with its optimistic-lock version. */
export interface StoredSlaPolicy extends SlaPolicy {
  readonly version: number;
  readonly updatedAt: Date;
  readonly updatedBy: string | null;
}

export class SlaPolicyRepository {
  constructor(private readonly manager: EntityManager) {}

  async all(): Promise<StoredSlaPolicy[]> {
    const rows = await this.manager.find(SlaPolicyEntity, { order: { priority: 'ASC' } });
    return rows.map(toPolicy);
  }

  async find(priority: Priority): Promise<StoredSlaPolicy | null> {
    const row = await this.manager.findOne(SlaPolicyEntity, { where: { priority } });
    return row && toPolicy(row);
  }

  /** Writes the policy if it is still at `expectedVersion`; false when another change came first. */
  async update(policy: StoredSlaPolicy, expectedVersion: number): Promise<boolean> {
    const { priority, ...columns } = policy;
    const result = await this.manager.update(
      SlaPolicyEntity,
      { priority, version: expectedVersion },
      columns,
    );
    return result.affected === 1;
  }
}

function toPolicy(row: SlaPolicyEntity): StoredSlaPolicy {
  return { ...row, priority: row.priority as Priority };
}
