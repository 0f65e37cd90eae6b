import { Connection, Text } from '@opsgraph/graphql-kit';
import { Field, ID, InputType, ObjectType } from 'type-graphql';

@ObjectType({
  description:
    'A FAULT ticket naming an asset the ledger does not know: kept until it is attached to the right asset or dismissed',
})
export class UnmatchedFaultTicket {
  @Field(() => ID, { description: 'The FAULT ticket naming an asset the ledger does not know' })
  ticketId: string;

  @Field({ description: 'The readable ticket number' })
  ticketNumber: string;

  @Field(() => ID, { description: 'The asset id the ticket names, which is in no ledger entry' })
  assetId: string;

  @Field({ description: 'When the ticket was opened (DateTime, UTC)' })
  openedAt: Date;

  @Field(() => Date, {
    nullable: true,
    description: 'When the ticket was resolved or closed, if it has been',
  })
  ticketResolvedAt: Date | null;

  @Field({ description: 'When the ticket was published as opened (the list is newest first by it)' })
  receivedAt: Date;

  @Field(() => Date, {
    description: 'When it was dismissed (DateTime, UTC); null unless dismissed',
    nullable: true,
  })
  dismissedAt: Date | null;

  @Field(() => String, { description: 'Why a manager dismissed it; null unless dismissed', nullable: true })
  dismissReason: string | null;
}

export const UnmatchedFaultTicketConnection = Connection(UnmatchedFaultTicket);

@InputType({
  description:
    'Records the ticket as a fault of this asset (repaired already if the ticket was resolved); later ' +
    'resolution of the ticket repairs it',
})
export class AttachFaultTicketInput {
  @Field(() => ID, { description: 'The unmatched FAULT ticket to attach' })
  ticketId: string;

  @Field(() => ID, { description: 'The ledger entry the ticket is really about' })
  assetId: string;
}

@InputType({ description: 'Takes the ticket off the list for good (e.g. it is about no asset of ours)' })
export class DismissFaultTicketInput {
  @Field(() => ID, { description: 'The unmatched FAULT ticket to dismiss' })
  ticketId: string;

  @Field({ description: 'Why the ticket is dismissed, 1–500 characters (audited)' })
  @Text({ max: 500 })
  reason: string;
}
