// A read model from another domain's topic: tickets opened per day (UTC), counted from ticket.opened. The consumer
// group, its DLQ and `nx run kpi:replay` derive from this declaration.
import { defineProjection } from '@opsgraph/service-kit';

export const TICKET_OPENINGS_TABLE = 'kpi_ticket_openings';

export const ticketOpenings = defineProjection({
  name: 'ticket-openings',
  topics: ['ticket'],
  handles: ['ticket.opened'],
  tables: [TICKET_OPENINGS_TABLE],
  async handle(event, manager) {
    await manager.query(
      `insert into ${TICKET_OPENINGS_TABLE} (day, opened) values (($1::timestamptz at time zone 'UTC')::date, 1)
       on conflict (day) do update set opened = ${TICKET_OPENINGS_TABLE}.opened + 1`,
      [event.data.openedAt],
    );
  },
});
