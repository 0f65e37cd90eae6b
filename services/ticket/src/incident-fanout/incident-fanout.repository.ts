// The fan-out's own table (incident_fanout_holds) and the open tickets an incident reaches.
import type { EntityManager } from 'typeorm';
import { OPEN_STATUSES, type TicketStatus } from '../tickets/ticket.lifecycle';
import type { HoldRecord } from './incident-fanout.rules';

export const HOLDS_TABLE = 'incident_fanout_holds';

export class IncidentFanoutRepository {
  constructor(private readonly manager: EntityManager) {}

  holdsOf(incidentId: string): Promise<HoldRecord[]> {
    return this.manager.query(
      `select incident_id as "incidentId", ticket_id as "ticketId", opened_by_fanout as "openedByFanout",
         customer_id as "customerId", released_at as "releasedAt"
       from ${HOLDS_TABLE} where incident_id = $1 order by held_at, ticket_id`,
      [incidentId],
    );
  }

  /** Open tickets about the assets or of the customers, or already linked to the incident, in a fixed order. */
  openTickets(
    incidentId: string,
    assetIds: readonly string[],
    customerIds: readonly string[],
  ): Promise<{ id: string; status: TicketStatus; incidentId: string | null }[]> {
    return this.manager.query(
      `select id, status, incident_id as "incidentId" from tickets
       where status = any($4) and (asset_id = any($2::uuid[]) or customer_id = any($3::uuid[]) or incident_id = $1)
       order by created_at, id`,
      [incidentId, assetIds, customerIds, OPEN_STATUSES],
    );
  }

  async hold(hold: Omit<HoldRecord, 'releasedAt'>, at: Date): Promise<void> {
    await this.manager.query(
      `insert into ${HOLDS_TABLE} (incident_id, ticket_id, customer_id, opened_by_fanout, held_at)
       values ($1, $2, $3, $4, $5)`,
      [hold.incidentId, hold.ticketId, hold.customerId, hold.openedByFanout, at],
    );
  }

  /** The unreleased holds of the tickets. */
  activeHolds(
    ticketIds: readonly string[],
  ): Promise<{ ticketId: string; incidentId: string; heldAt: Date }[]> {
    return this.manager.query(
      `select ticket_id as "ticketId", incident_id as "incidentId", held_at as "heldAt" from ${HOLDS_TABLE}
       where ticket_id = any($1) and released_at is null`,
      [ticketIds],
    );
  }

  async release(incidentId: string, ticketId: string, at: Date): Promise<void> {
    await this.manager.query(
      `update ${HOLDS_TABLE} set released_at = $3 where incident_id = $1 and ticket_id = $2`,
      [incidentId, ticketId, at],
    );
  }
}
