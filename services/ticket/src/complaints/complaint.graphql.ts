// The GraphQL shapes of complaint handling (docs/product.md §11.2): inputs with their validation, the corrective
// action and the closure check as staff read them.
import { CORRECTIVE_ACTION_STATUSES, type CorrectiveActionStatus } from '@opsgraph/contracts-events';
import { graphqlEnumOf, Text } from '@opsgraph/graphql-kit';
import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { EmployeeReference } from '../references/entity-references';
import { TicketChangeInput } from '../tickets/ticket.inputs';
import { CLOSURE_REQUIREMENTS, type ClosureRequirement } from './complaint-closure.rules';
import type { Verdict } from './complaint.service';

export const CorrectiveActionStatusEnum = graphqlEnumOf(
  CORRECTIVE_ACTION_STATUSES,
  'CorrectiveActionStatus',
  'OPEN → DONE → VERIFIED or REJECTED (a rejected action is done again)',
);
export const CorrectiveActionVerdictEnum = graphqlEnumOf(
  ['VERIFIED', 'REJECTED'] as const,
  'CorrectiveActionVerdict',
  'The verifier’s judgement of a DONE corrective action',
);
export const ComplaintClosureRequirementEnum = graphqlEnumOf(
  CLOSURE_REQUIREMENTS,
  'ComplaintClosureRequirement',
  'What a COMPLAINT needs before it may be resolved or closed',
);

@InputType('AddCorrectiveActionInput')
export class AddCorrectiveActionInput extends TicketChangeInput {
  @Field()
  @Text({ max: 2000 })
  description: string;

  @Field(() => ID, { description: 'The employee answerable for it (ACTIVE)' })
  ownerId: string;

  @Field({ description: 'When it must be done; ahead of now' })
  dueAt: Date;
}

@InputType('CompleteCorrectiveActionInput')
export class CompleteCorrectiveActionInput extends TicketChangeInput {
  @Field(() => ID)
  actionId: string;

  @Field({ description: 'What shows it was carried out' })
  @Text({ max: 2000 })
  evidence: string;
}

@InputType('VerifyCorrectiveActionInput')
export class VerifyCorrectiveActionInput extends TicketChangeInput {
  @Field(() => ID)
  actionId: string;

  @Field(() => CorrectiveActionVerdictEnum)
  verdict: Verdict;

  @Field()
  @Text({ max: 2000 })
  note: string;
}

@InputType('GiveComplaintFeedbackInput')
export class GiveComplaintFeedbackInput extends TicketChangeInput {
  @Field({ description: 'What the complainant was told about the outcome' })
  @Text({ max: 2000 })
  feedback: string;
}

@ObjectType('CorrectiveAction', { description: 'A measure taken because of a complaint' })
export class CorrectiveActionType {
  @Field(() => ID)
  id: string;

  @Field(() => Int)
  position: number;

  @Field()
  description: string;

  @Field(() => EmployeeReference)
  owner: EmployeeReference;

  @Field()
  dueAt: Date;

  @Field(() => CorrectiveActionStatusEnum)
  status: CorrectiveActionStatus;

  @Field({ description: 'Past its due date and not done' })
  overdue: boolean;

  @Field(() => String, { nullable: true })
  evidence: string | null;

  @Field(() => Date, { nullable: true })
  doneAt: Date | null;

  @Field(() => Date, { nullable: true })
  verifiedAt: Date | null;

  @Field(() => String, { nullable: true, description: 'Employee (or user) id of the verifier' })
  verifiedBy: string | null;

  @Field(() => String, { nullable: true })
  verificationNote: string | null;
}

@ObjectType('ComplaintClosure', { description: 'Whether a COMPLAINT may be resolved or closed, and what it lacks' })
export class ComplaintClosureType {
  @Field()
  ready: boolean;

  @Field(() => [ComplaintClosureRequirementEnum])
  missing: ClosureRequirement[];

  @Field(() => [String], { description: 'The missing pieces in words' })
  messages: string[];
}
