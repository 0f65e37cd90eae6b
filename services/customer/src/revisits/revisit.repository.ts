// The only TypeORM access of care revisits. Built on an EntityManager: the DataSource's for reads, the transaction's
// inside a use-case.
import type { TicketChannel } from '@opsgraph/contracts-events';
import { lockRow, repositoryStore, type AggregateKind } from '@opsgraph/service-kit';
import { In, type EntityManager } from 'typeorm';
import { RevisitEntity } from './revisit.entity';
import type { RevisitRecord, RevisitStatus } from './revisit.rules';

function toRevisit(row: RevisitEntity): RevisitRecord {
  return { ...row, status: row.status as RevisitStatus, channel: row.channel as TicketChannel | null };
}

export interface RevisitPage {
  rows: RevisitRecord[];
  total: number;
}

export class RevisitRepository {
  constructor(private readonly manager: EntityManager) {}

  async findByIds(ids: readonly string[]): Promise<RevisitRecord[]> {
    if (ids.length === 0) return [];
    return (await this.manager.getRepository(RevisitEntity).findBy({ id: In([...ids]) })).map(toRevisit);
  }

  async lock(id: string): Promise<RevisitRecord | null> {
    const row = await lockRow(this.manager, RevisitEntity, { id });
    return row ? toRevisit(row) : null;
  }

  async insert(revisit: RevisitRecord): Promise<void> {
    await this.manager.getRepository(RevisitEntity).insert(revisit);
  }

  /** Writes the revisit where its row is still at `expectedVersion`; false when it is not. */
  async update(revisit: RevisitRecord, expectedVersion: number): Promise<boolean> {
    const { id, ...values } = revisit;
    const result = await this.manager
      .getRepository(RevisitEntity)
      .update({ id, version: expectedVersion }, values);
    return result.affected === 1;
  }

  /** Scheduled revisits due before `now`, most overdue first (partial indexes on scheduled revisits). */
  async overdue(
    filter: { assigneeEmployeeId?: string | null; customerId?: string | null },
    now: Date,
    limit: number,
    after: [string, string] | null,
  ): Promise<RevisitPage> {
    const query = this.manager
      .createQueryBuilder(RevisitEntity, 'r')
      .where(`r.status = 'SCHEDULED'`)
      .andWhere('r.dueAt < :now', { now });
    if (filter.assigneeEmployeeId) {
      query.andWhere('r.assigneeEmployeeId = :assignee', { assignee: filter.assigneeEmployeeId });
    }
    if (filter.customerId) query.andWhere('r.customerId = :customerId', { customerId: filter.customerId });
    const total = await query.clone().getCount();
    if (after) query.andWhere('(r.dueAt, r.id) > (:dueAt, :id)', { dueAt: after[0], id: after[1] });
    const rows = await query.orderBy('r.dueAt', 'ASC').addOrderBy('r.id', 'ASC').limit(limit).getMany();
    return { rows: rows.map(toRevisit), total };
  }

  /** A customer's revisits, latest due first. */
  async ofCustomer(
    customerId: string,
    statuses: readonly RevisitStatus[] | null,
    limit: number,
    after: [string, string] | null,
  ): Promise<RevisitPage> {
    const query = this.manager
      .createQueryBuilder(RevisitEntity, 'r')
      .where('r.customerId = :customerId', { customerId });
    if (statuses?.length) query.andWhere('r.status in (:...statuses)', { statuses });
    const total = await query.clone().getCount();
    if (after) query.andWhere('(r.dueAt, r.id) < (:dueAt, :id)', { dueAt: after[0], id: after[1] });
    const rows = await query.orderBy('r.dueAt', 'DESC').addOrderBy('r.id', 'DESC').limit(limit).getMany();
    return { rows: rows.map(toRevisit), total };
  }
}

/**
 * A revisit is its own aggregate (own version) whose changes are recorded on its customer's audit trail: the service
 * loads it with `WriteTransaction.load` and writes it through this store (`save` would audit it a second time).
 */
export const revisitKind: AggregateKind<RevisitRecord> = {
  type: 'revisit',
  label: 'Revisit',
  store: repositoryStore(RevisitRepository),
};
