// Follow-up actions, as incident reviews and drills both owe them: the GraphQL input and output shapes and the
// `planVersion` argument of the inputs that name a plan version.
import { Text } from '@opsgraph/graphql-kit';
import { ArrayMaxSize, IsInt, IsOptional, Matches, Min, ValidateNested } from 'class-validator';
import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { graphqlEnumOf } from '@opsgraph/graphql-kit';
import { ACTION_ITEM_STATUSES, type ActionItemStatus } from '../incidents/incident.rules';
import { EmployeeReference } from '../references/entity-references';

export const ActionItemStatusEnum = graphqlEnumOf(
  ACTION_ITEM_STATUSES,
  'IncidentActionItemStatus',
  'Where a follow-up action stands',
  {
    OPEN: 'Not started',
    IN_PROGRESS: 'Being worked on',
    DONE: 'Completed',
  },
);

@InputType({ description: 'A follow-up action: what, who, by when' })
export class ActionItemInput {
  @Field({ description: 'What must be done, 1–1000 characters' })
  @Text({ max: 1000 })
  description: string;

  @Field(() => ID, { description: 'The employee who owns the action and follows it up' })
  ownerId: string;

  @Field({ description: 'YYYY-MM-DD' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'dueOn must be YYYY-MM-DD' })
  dueOn: string;
}

/** An optional list of follow-up actions (at most 100). */
export function ActionItemsField(description: string): PropertyDecorator {
  return (target, property) => {
    Field(() => [ActionItemInput], { nullable: true, description })(target, property);
    ArrayMaxSize(100)(target, property);
    ValidateNested({ each: true })(target, property);
  };
}

/** The optional `planVersion` of an input naming a plan: an existing version, the current one by default. */
export function PlanVersionField(): PropertyDecorator {
  return (target, property) => {
    Field(() => Int, { nullable: true, description: 'Default: the plan’s current version' })(
      target,
      property,
    );
    IsOptional()(target, property);
    IsInt()(target, property);
    Min(1)(target, property);
  };
}

@ObjectType('FollowUpAction')
export abstract class FollowUpAction {
  @Field(() => ID, { description: 'The action’s id' })
  id: string;

  @Field({ description: 'What must be done' })
  description: string;

  @Field(() => EmployeeReference, { description: 'The employee who owns it' })
  owner: EmployeeReference;

  @Field({ description: 'YYYY-MM-DD' })
  dueOn: string;

  @Field(() => ActionItemStatusEnum, { description: 'OPEN, IN_PROGRESS or DONE' })
  status: ActionItemStatus;

  @Field(() => Date, {
    description: 'When it was marked DONE (DateTime, UTC); null until then',
    nullable: true,
  })
  doneAt: Date | null;

  @Field({ description: 'Not done and due before today (UTC)' })
  overdue: boolean;
}
