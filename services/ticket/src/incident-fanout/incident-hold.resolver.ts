// `Ticket.slaHold`: the incident holding the ticket's resolution clock, with its audited reason, while it does.
import DataLoader from 'dataloader';
import { Ctx, Field, FieldResolver, ObjectType, Resolver, Root } from 'type-graphql';
import type { TicketContext } from '../context';
import { IncidentReference } from '../references/entity-references';
import type { Ticket } from '../tickets/ticket.model';
import { TicketType } from '../tickets/ticket.type';
import type { EntityManager } from 'typeorm';
import { IncidentFanoutRepository } from './incident-fanout.repository';
import { INCIDENT_PAUSE_REASON } from './incident-fanout.rules';

@ObjectType('TicketSlaHold', {
  description: 'Why the resolution clock stands still beyond the ticket’s status',
})
export class TicketSlaHold {
  @Field({ description: 'INCIDENT: an incident affecting the ticket holds the clock until it resolves' })
  reason: string;

  @Field(() => IncidentReference, { description: 'The incident holding the clock' })
  incident: IncidentReference;

  @Field({ description: 'Since when (DateTime, UTC)' })
  since: Date;
}

/** Per request: the active holds of every ticket the answer shows, in one query. */
export const incidentHoldLoader = (manager: EntityManager) =>
  new DataLoader<string, TicketSlaHold | null>(async (ids) => {
    const holds = await new IncidentFanoutRepository(manager).activeHolds(ids);
    return ids.map((id) => {
      const hold = holds.find((found) => found.ticketId === id);
      return hold
        ? { reason: INCIDENT_PAUSE_REASON, incident: { id: hold.incidentId }, since: hold.heldAt }
        : null;
    });
  });

export type IncidentHoldContext = TicketContext & { incidentHolds: ReturnType<typeof incidentHoldLoader> };

@Resolver(() => TicketType)
export class TicketIncidentHoldResolver {
  @FieldResolver(() => TicketSlaHold, {
    nullable: true,
    description: 'Null when no incident holds the clock',
  })
  slaHold(@Root() ticket: Ticket, @Ctx() ctx: IncidentHoldContext): Promise<TicketSlaHold | null> {
    return ctx.incidentHolds.load(ticket.id);
  }
}
