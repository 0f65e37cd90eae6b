// The only TypeORM access of the service-history read model.
import type { TicketKind, TicketStatus } from '@opsgraph/contracts-events';
import { lockRow } from '@opsgraph/service-kit';
import { In, type EntityManager } from 'typeorm';
import { CustomerServiceHistoryEntity, ServiceHistoryTicketEntity } from './service-history.entity';
import type { Counters, TicketState } from './service-history.rules';

export const SERVICE_HISTORY_TABLES = ['service_history_tickets', 'customer_service_history'] as const;

export interface ServiceHistorySummary extends Counters {
  customerId: string;
  lastContactAt: Date | null;
  lastComplaintTicketId: string | null;
  lastComplaintNumber: string | null;
  lastComplaintAt: Date | null;
}

function toState(row: ServiceHistoryTicketEntity): TicketState {
  return { ...row, kind: row.kind as TicketKind, status: row.status as TicketStatus };
}

export class ServiceHistoryRepository {
  constructor(private readonly manager: EntityManager) {}

  async summaries(customerIds: readonly string[]): Promise<ServiceHistorySummary[]> {
    if (customerIds.length === 0) return [];
    return this.manager
      .getRepository(CustomerServiceHistoryEntity)
      .findBy({ customerId: In([...customerIds]) });
  }

  /** The ticket's state row, locked for the rest of the transaction (null before its first event). */
  async lockTicket(ticketId: string): Promise<TicketState | null> {
    const row = await lockRow(this.manager, ServiceHistoryTicketEntity, { ticketId });
    return row ? toState(row) : null;
  }

  /**
   * Creates missing summary rows and locks them, in customer-id order (so two tickets of the same customers never
   * deadlock): from here on, this transaction is the only one changing these customers' summaries.
   */
  async lockSummaries(customerIds: readonly string[]): Promise<void> {
    const ids = [...new Set(customerIds)].sort();
    await this.manager.query(
      `insert into customer_service_history (customer_id)
       select id from unnest($1::uuid[]) as id order by id
       on conflict do nothing`,
      [ids],
    );
    await this.manager.query(
      'select customer_id from customer_service_history where customer_id = any($1::uuid[]) order by customer_id for update',
      [ids],
    );
  }

  async saveTicket(state: TicketState): Promise<void> {
    await this.manager.getRepository(ServiceHistoryTicketEntity).upsert(state, ['ticketId']);
  }

  async addCounters(customerId: string, delta: Counters): Promise<void> {
    await this.manager.query(
      `update customer_service_history set
         tickets_total = tickets_total + $2,
         tickets_open = tickets_open + $3,
         complaints = complaints + $4,
         satisfaction_sum = satisfaction_sum + $5,
         satisfaction_count = satisfaction_count + $6
       where customer_id = $1`,
      [
        customerId,
        delta.ticketsTotal,
        delta.ticketsOpen,
        delta.complaints,
        delta.satisfactionSum,
        delta.satisfactionCount,
      ],
    );
  }

  /**
   * The non-additive parts (latest contact, latest complaint) from the ticket rows, through the per-customer
   * indexes: a top-1 index lookup each, whatever the number of tickets. A summary left without tickets (all moved
   * to another customer) is removed, so the table holds exactly the customers with tickets.
   */
  async refreshLatest(customerIds: readonly string[]): Promise<void> {
    const ids = [...new Set(customerIds)];
    await this.manager.query(
      `update customer_service_history h set
         last_contact_at = (
           select t.last_contact_at from service_history_tickets t
            where t.customer_id = h.customer_id order by t.last_contact_at desc limit 1),
         (last_complaint_ticket_id, last_complaint_number, last_complaint_at) = (
           select t.ticket_id, t.number, t.opened_at from service_history_tickets t
            where t.customer_id = h.customer_id and t.kind = 'COMPLAINT' and t.merged_into_id is null
            order by t.opened_at desc, t.ticket_id desc limit 1)
       where h.customer_id = any($1::uuid[])`,
      [ids],
    );
    await this.manager.query(
      'delete from customer_service_history where customer_id = any($1::uuid[]) and tickets_total = 0',
      [ids],
    );
  }
}
