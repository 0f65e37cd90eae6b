import { setTimeout as sleep } from 'node:timers/promises';
import type { DomainEvent } from '@opsgraph/contracts-events';
import type { DataSource } from 'typeorm';
import type { OutboxWriter } from '../outbox-writer';
import { ticketEvent } from './events';

/**
 * A use-case as a service writes it: bump the aggregate's version (the row lock orders concurrent writers of one
 * aggregate), then append the event in the same transaction. `pauseMs` stretches the transaction.
 */
export async function writeTicketEvent(
  dataSource: DataSource,
  writer: OutboxWriter,
  ticketId: string,
  pauseMs = 0,
): Promise<DomainEvent> {
  return dataSource.transaction(async (manager) => {
    const [{ version }] = await manager.query(
      `insert into test_aggregate (id, version) values ($1, 1)
       on conflict (id) do update set version = test_aggregate.version + 1 returning version`,
      [ticketId],
    );
    if (pauseMs > 0) await sleep(pauseMs);
    const event = ticketEvent(ticketId, version);
    await writer.append(manager, event);
    return event;
  });
}
