// The only TypeORM access of the personal-data access log (append-only).
import type { EntityManager } from 'typeorm';
import { PersonalDataAccessEntity } from './access-log.entity';

export interface AccessRecord {
  id: string;
  accessedAt: Date;
  userId: string;
  role: string;
  employeeId: string | null;
  customerId: string;
  fields: string[];
  operation: string | null;
  correlationId: string | null;
}

export type NewAccessRecord = Omit<AccessRecord, 'id' | 'accessedAt'>;

export interface AccessLogFilter {
  customerId?: string | null;
  userId?: string | null;
  from?: Date | null;
  to?: Date | null;
}

export class AccessLogRepository {
  constructor(private readonly manager: EntityManager) {}

  /** One multi-row insert for all the reads of one batch (accessed_at = the transaction time). */
  async insertMany(records: readonly NewAccessRecord[]): Promise<void> {
    if (records.length === 0) return;
    await this.manager
      .getRepository(PersonalDataAccessEntity)
      .insert(records.map((record) => ({ ...record })));
  }

  /** Newest first (identity order = insertion order). */
  async page(
    filter: AccessLogFilter,
    limit: number,
    afterId: string | null,
  ): Promise<{ rows: AccessRecord[]; total: number }> {
    const query = this.manager.createQueryBuilder(PersonalDataAccessEntity, 'a');
    if (filter.customerId) query.andWhere('a.customerId = :customerId', { customerId: filter.customerId });
    if (filter.userId) query.andWhere('a.userId = :userId', { userId: filter.userId });
    if (filter.from) query.andWhere('a.accessedAt >= :from', { from: filter.from });
    if (filter.to) query.andWhere('a.accessedAt < :to', { to: filter.to });
    const total = await query.clone().getCount();
    if (afterId) query.andWhere('a.id < :afterId', { afterId });
    const rows = await query.orderBy('a.id', 'DESC').limit(limit).getMany();
    return { rows, total };
  }
}
