import { Directive, Field, Float, ID, Int, ObjectType } from 'type-graphql';

/** The ticket subgraph's entity, referenced by id only (this subgraph cannot resolve it). */
@Directive('@key(fields: "id", resolvable: false)')
@ObjectType('Ticket')
export class TicketReference {
  @Field(() => ID, { description: 'The ticket’s id (UUID)' })
  id: string;
}

@ObjectType({ description: "The customer's most recent COMPLAINT ticket" })
export class LastComplaint {
  // Nullable: with the ticket subgraph down, only this field is null (with an error), not the service history.
  @Field(() => TicketReference, {
    nullable: true,
    description: 'null only when the ticket subgraph cannot answer',
  })
  ticket: TicketReference;

  @Field({ description: 'Ticket number, e.g. TCK-000123' })
  number: string;

  @Field({ description: 'When the complaint ticket was opened (DateTime, UTC)' })
  openedAt: Date;
}

@ObjectType({
  description:
    'The customer’s history with the centre, kept from ticket events (eventually consistent: a few seconds behind ' +
    'the ticket service).',
})
export class ServiceHistory {
  @Field(() => Int, { description: 'Tickets ever opened for the customer, whatever their status' })
  ticketsTotal: number;

  @Field(() => Int, { description: 'Tickets not yet resolved or closed' })
  ticketsOpen: number;

  @Field(() => Int, { description: 'COMPLAINT tickets' })
  complaints: number;

  @Field(() => Date, {
    nullable: true,
    description: 'Latest moment the customer and the centre were in touch',
  })
  lastContactAt: Date | null;

  @Field(() => Float, { nullable: true, description: 'Mean overall survey score (1–5), 2 decimals' })
  averageSatisfaction: number | null;

  @Field(() => Int, {
    description: 'Satisfaction surveys the customer answered (the basis of averageSatisfaction)',
  })
  surveysAnswered: number;

  @Field(() => LastComplaint, {
    description: 'The most recent complaint; null when the customer has never complained',
    nullable: true,
  })
  lastComplaint: LastComplaint | null;
}
