import type { IncidentSeverity, IncidentStatus, RiskCategory } from '@opsgraph/contracts-events';
import { Connection } from '@opsgraph/graphql-kit';
import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { EmployeeReference } from '../references/entity-references';
import { IncidentSeverityEnum, IncidentStatusEnum, RiskCategoryEnum } from '../common/enums';
import { FollowUpAction } from '../common/follow-ups';

@Directive('@key(fields: "id")')
@ObjectType({ description: 'An emergency (突發事件) from report to review (docs/product.md §5)' })
export class Incident {
  @Field(() => ID)
  id: string;

  @Field({ description: 'Readable number, e.g. INC-000042' })
  number: string;

  @Field()
  title: string;

  @Field({ description: 'What happened (性質)' })
  nature: string;

  @Field(() => String, { nullable: true, description: 'Where it happened' })
  location: string | null;

  @Field(() => RiskCategoryEnum)
  category: RiskCategory;

  @Field(() => IncidentSeverityEnum)
  severity: IncidentSeverity;

  @Field(() => IncidentStatusEnum)
  status: IncidentStatus;

  @Field({ description: 'The user who reported it' })
  reportedBy: string;

  @Field()
  occurredAt: Date;

  @Field()
  detectedAt: Date;

  @Field(() => [String])
  affectedServices: string[];

  @Field(() => Int, { nullable: true, description: 'The version of the plan it runs, from activation on' })
  planVersion: number | null;

  @Field(() => Date, { nullable: true })
  activatedAt: Date | null;

  @Field(() => Date, { nullable: true })
  containedAt: Date | null;

  @Field(() => Date, { nullable: true })
  recoveringAt: Date | null;

  @Field(() => Date, { nullable: true })
  resolvedAt: Date | null;

  @Field(() => Date, { nullable: true })
  reviewedAt: Date | null;

  @Field(() => Int, { description: 'Counts its changes: a change names the version it was made against' })
  version: number;

  @Field()
  createdAt: Date;

  @Field()
  updatedAt: Date;
}

export const IncidentConnection = Connection(Incident);

@ObjectType({ description: 'A command role of an incident and who holds it' })
export class IncidentRoleAssignment {
  @Field()
  role: string;

  @Field(() => EmployeeReference)
  employee: EmployeeReference;
}

@ObjectType({ description: 'An incident an employee commands or holds a role in' })
export class EmployeeIncidentRole {
  @Field(() => Incident)
  incident: Incident;

  @Field({ description: '"Commander" or the command role held' })
  role: string;
}

@ObjectType({ description: 'One entry of an incident’s timeline: every action taken on it' })
export class IncidentTimelineEntry {
  @Field(() => ID)
  id: string;

  @Field()
  at: Date;

  @Field({ description: 'REPORTED, ACTIVATED, …, NOTE, REVIEW_RECORDED, ACTION_ITEM_UPDATED' })
  kind: string;

  @Field(() => String, { nullable: true })
  note: string | null;

  @Field(() => String, { nullable: true, description: 'The user who acted; null for the system' })
  actorId: string | null;

  @Field()
  actorRole: string;
}

@ObjectType({ description: 'A follow-up action of a post-incident review' })
export class IncidentActionItem extends FollowUpAction {
  @Field(() => ID)
  incidentId: string;

  @Field(() => Int)
  position: number;
}

@ObjectType({ description: 'The post-incident review (事後總結)' })
export class IncidentReview {
  @Field()
  rootCause: string;

  @Field()
  lessons: string;

  @Field()
  recordedAt: Date;

  @Field(() => [IncidentActionItem])
  actionItems: IncidentActionItem[];
}
