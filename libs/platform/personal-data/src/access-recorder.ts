// Records unmasked reads of customer personal data. Per request: every field resolver that hands out clear contact
// data awaits `record(...)` BEFORE returning it (no record, no data); the reads of one execution tick are written by
// ONE multi-row insert (a DataLoader batch), one row per customer with the union of the fields read.
import type { KnownCaller } from '@opsgraph/domain';
import DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';
import { AccessLogRepository, type NewAccessRecord } from './access-log.repository';

export interface AccessRead {
  customerId: string;
  /** e.g. `contacts.phone` */
  fields: readonly string[];
  /** The root field of the operation, e.g. `customer`, `customers`, `_entities`. */
  operation: string;
}

const keyOf = (read: AccessRead) =>
  `${read.customerId}|${read.operation}|${[...read.fields].sort().join(',')}`;

/** Merges the reads of one batch: one record per (customer, operation). */
export function mergeReads(
  caller: KnownCaller,
  correlationId: string,
  reads: readonly AccessRead[],
): NewAccessRecord[] {
  const merged = new Map<string, NewAccessRecord>();
  for (const read of reads) {
    const key = `${read.customerId}|${read.operation}`;
    const record = merged.get(key) ?? {
      userId: caller.userId,
      role: caller.role,
      employeeId: caller.employeeId ?? null,
      customerId: read.customerId,
      fields: [],
      operation: read.operation,
      correlationId,
    };
    for (const field of read.fields) if (!record.fields.includes(field)) record.fields.push(field);
    merged.set(key, record);
  }
  return [...merged.values()].map((record) => ({ ...record, fields: [...record.fields].sort() }));
}

export class AccessRecorder {
  private readonly loader: DataLoader<AccessRead, true, string>;

  constructor(
    dataSource: DataSource,
    private readonly caller: KnownCaller,
    private readonly correlationId: string,
  ) {
    this.loader = new DataLoader<AccessRead, true, string>(
      async (reads) => {
        await new AccessLogRepository(dataSource.manager).insertMany(
          mergeReads(this.caller, this.correlationId, reads),
        );
        return reads.map(() => true as const);
      },
      // The same read twice in one request is recorded once.
      { cacheKeyFn: keyOf },
    );
  }

  async record(read: AccessRead): Promise<void> {
    if (read.fields.length === 0) return;
    await this.loader.load(read);
  }
}
