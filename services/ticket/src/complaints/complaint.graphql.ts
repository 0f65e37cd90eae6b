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
  {
    OPEN: 'Planned, not carried out yet',
    DONE: 'Reported carried out, awaiting verification',
    VERIFIED: 'A manager (not its owner) confirmed it works',
    REJECTED: 'A manager found it insufficient; it is reworked and reported DONE again',
  },
);
export const CorrectiveActionVerdictEnum = graphqlEnumOf(
  ['VERIFIED', 'REJECTED'] as const,
  'CorrectiveActionVerdict',
  'The verifier’s judgement of a DONE corrective action',
  {
    VERIFIED: 'The action works',
    REJECTED: 'The action is insufficient and must be reworked',
  },
);
export const ComplaintClosureRequirementEnum = graphqlEnumOf(
  CLOSURE_REQUIREMENTS,
  'ComplaintClosureRequirement',
  'What a COMPLAINT needs before it may be resolved or closed',
  {
    INVESTIGATION: 'The investigation (findings, root cause, responsible department) is recorded',
    CORRECTIVE_ACTION: 'At least one corrective action exists',
    ACTIONS_VERIFIED: 'Every corrective action is VERIFIED',
    FEEDBACK: 'The complainant has been told the outcome',
    FOLLOW_UP: 'The follow-up visit (回訪) is recorded',
  },
);

@InputType('AddCorrectiveActionInput', { description: 'Plans a corrective action for an investigated COMPLAINT (OPS_MANAGER, OPS_DIRECTOR, ADMIN). Answers INVALID_TRANSITION before the investigation, BAD_USER_INPUT for an owner who is not ACTIVE or a due date not ahead' })
export class AddCorrectiveActionInput extends TicketChangeInput {
  @Field({ description: 'What will be done, 1–2000 characters' })
  @Text({ max: 2000 })
  description: string;

  @Field(() => ID, { description: 'The employee answerable for it (ACTIVE)' })
  ownerId: string;

  @Field({ description: 'When it must be done; ahead of now' })
  dueAt: Date;
}

@InputType('CompleteCorrectiveActionInput', { description: 'Reports a corrective action carried out, with evidence (its owner or a manager): OPEN or REJECTED → DONE' })
export class CompleteCorrectiveActionInput extends TicketChangeInput {
  @Field(() => ID, { description: 'The corrective action' })
  actionId: string;

  @Field({ description: 'What shows it was carried out' })
  @Text({ max: 2000 })
  evidence: string;
}

@InputType('VerifyCorrectiveActionInput', { description: 'Verifies or rejects a DONE corrective action (a manager who is not its owner)' })
export class VerifyCorrectiveActionInput extends TicketChangeInput {
  @Field(() => ID, { description: 'The corrective action' })
  actionId: string;

  @Field(() => CorrectiveActionVerdictEnum, { description: 'VERIFIED or REJECTED' })
  verdict: Verdict;

  @Field({ description: 'Why, 1–2000 characters' })
  @Text({ max: 2000 })
  note: string;
}

@InputType('GiveComplaintFeedbackInput', { description: 'Records what the complainant was told about the outcome (AGENT, TECHNICIAN, managers)' })
export class GiveComplaintFeedbackInput extends TicketChangeInput {
  @Field({ description: 'What the complainant was told about the outcome' })
  @Text({ max: 2000 })
  feedback: string;
}

@ObjectType('CorrectiveAction', { description: 'A measure taken because of a complaint' })
export class CorrectiveActionType {
  @Field(() => ID, { description: 'The corrective action’s id' })
  id: string;

  @Field(() => Int, { description: 'Its place in the complaint’s list, from 1' })
  position: number;

  @Field({ description: 'What will be done' })
  description: string;

  @Field(() => EmployeeReference, { description: 'The employee answerable for it' })
  owner: EmployeeReference;

  @Field({ description: 'When it must be done (DateTime, UTC); still OPEN or REJECTED after it, it is overdue' })
  dueAt: Date;

  @Field(() => CorrectiveActionStatusEnum, { description: 'OPEN, DONE, VERIFIED or REJECTED' })
  status: CorrectiveActionStatus;

  @Field({ description: 'Past its due date and not done' })
  overdue: boolean;

  @Field(() => String, { description: 'What shows it was carried out; null until reported DONE', nullable: true })
  evidence: string | null;

  @Field(() => Date, { description: 'When it was reported DONE (DateTime, UTC); null until then', nullable: true })
  doneAt: Date | null;

  @Field(() => Date, { description: 'When it was verified or rejected (DateTime, UTC); null until then', nullable: true })
  verifiedAt: Date | null;

  @Field(() => String, { nullable: true, description: 'Employee (or user) id of the verifier' })
  verifiedBy: string | null;

  @Field(() => String, { description: 'The verifier’s note; null until verified or rejected', nullable: true })
  verificationNote: string | null;
}

@ObjectType('ComplaintClosure', { description: 'Whether a COMPLAINT may be resolved or closed, and what it lacks' })
export class ComplaintClosureType {
  @Field({ description: 'true when the complaint may be resolved or closed' })
  ready: boolean;

  @Field(() => [ComplaintClosureRequirementEnum], { description: 'What is still missing; empty when ready' })
  missing: ClosureRequirement[];

  @Field(() => [String], { description: 'The missing pieces in words' })
  messages: string[];
}
