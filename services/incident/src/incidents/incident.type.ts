import type { IncidentSeverity, IncidentStatus, RiskCategory } from '@opsgraph/contracts-events';
import { Connection } from '@opsgraph/graphql-kit';
import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { EmployeeReference } from '../references/entity-references';
import { IncidentSeverityEnum, IncidentStatusEnum, RiskCategoryEnum } from '../common/enums';
import { FollowUpAction } from '../common/follow-ups';

@Directive('@key(fields: "id")')
@ObjectType({ description: 'An emergency (突發事件) from report to review (docs/product.md §5)' })
export class Incident {
  @Field(() => ID, { description: 'The incident’s id (UUID)' })
  id: string;

  @Field({ description: 'Readable number, e.g. INC-000042' })
  number: string;

  @Field({ description: 'Short title' })
  title: string;

  @Field({ description: 'What happened (性質)' })
  nature: string;

  @Field(() => String, { nullable: true, description: 'Where it happened' })
  location: string | null;

  @Field(() => RiskCategoryEnum, {
    description: 'The risk category it belongs to; the contingency plan must be of the same',
  })
  category: RiskCategory;

  @Field(() => IncidentSeverityEnum, { description: 'SEV1 (worst) to SEV4' })
  severity: IncidentSeverity;

  @Field(() => IncidentStatusEnum, {
    description:
      'Where it is in REPORTED → ACTIVATED → CONTAINED → RECOVERING → RESOLVED → REVIEWED (one way only)',
  })
  status: IncidentStatus;

  @Field({ description: 'The user who reported it' })
  reportedBy: string;

  @Field({ description: 'When it occurred (DateTime, UTC); KPI incident counts fall on this day' })
  occurredAt: Date;

  @Field({ description: 'When it was detected (DateTime, UTC); not before occurredAt' })
  detectedAt: Date;

  @Field(() => [String], { description: 'Services affected, in words' })
  affectedServices: string[];

  @Field(() => Int, { nullable: true, description: 'The version of the plan it runs, from activation on' })
  planVersion: number | null;

  @Field(() => Date, {
    description: 'When it was activated (DateTime, UTC); null while REPORTED',
    nullable: true,
  })
  activatedAt: Date | null;

  @Field(() => Date, {
    description: 'When it was contained (DateTime, UTC); null before CONTAINED',
    nullable: true,
  })
  containedAt: Date | null;

  @Field(() => Date, {
    description: 'When recovery started (DateTime, UTC); null before RECOVERING',
    nullable: true,
  })
  recoveringAt: Date | null;

  @Field(() => Date, {
    description:
      'When it was resolved (DateTime, UTC); null before RESOLVED. The fan-out resumes the linked tickets’ SLA clocks then',
    nullable: true,
  })
  resolvedAt: Date | null;

  @Field(() => Date, {
    description: 'When the post-incident review was completed (DateTime, UTC); null before REVIEWED',
    nullable: true,
  })
  reviewedAt: Date | null;

  @Field(() => Int, { description: 'Counts its changes: a change names the version it was made against' })
  version: number;

  @Field({ description: 'When it was reported in the system (DateTime, UTC)' })
  createdAt: Date;

  @Field({ description: 'When it last changed (DateTime, UTC)' })
  updatedAt: Date;
}

export const IncidentConnection = Connection(Incident);

@ObjectType({ description: 'A command role of an incident and who holds it' })
export class IncidentRoleAssignment {
  @Field({ description: 'The command role, as the plan version names it' })
  role: string;

  @Field(() => EmployeeReference, { description: 'The employee holding the role' })
  employee: EmployeeReference;
}

@ObjectType({ description: 'An incident an employee commands or holds a role in' })
export class EmployeeIncidentRole {
  @Field(() => Incident, { description: 'The incident in which the employee holds the role' })
  incident: Incident;

  @Field({ description: '"Commander" or the command role held' })
  role: string;
}

@ObjectType({ description: 'One entry of an incident’s timeline: every action taken on it' })
export class IncidentTimelineEntry {
  @Field(() => ID, { description: 'The entry’s id' })
  id: string;

  @Field({ description: 'When (DateTime, UTC)' })
  at: Date;

  @Field({ description: 'REPORTED, ACTIVATED, …, NOTE, REVIEW_RECORDED, ACTION_ITEM_UPDATED' })
  kind: string;

  @Field(() => String, { description: 'The note given with the action; null when none', nullable: true })
  note: string | null;

  @Field(() => String, { nullable: true, description: 'The user who acted; null for the system' })
  actorId: string | null;

  @Field({ description: 'The role the actor acted in, e.g. OPS_MANAGER or system' })
  actorRole: string;
}

@ObjectType({ description: 'A follow-up action of a post-incident review' })
export class IncidentActionItem extends FollowUpAction {
  @Field(() => ID, { description: 'The incident whose review raised it' })
  incidentId: string;

  @Field(() => Int, { description: 'Its place in the review’s list, from 1' })
  position: number;
}

@ObjectType({ description: 'The post-incident review (事後總結)' })
export class IncidentReview {
  @Field({ description: 'The root cause found' })
  rootCause: string;

  @Field({ description: 'Lessons learned' })
  lessons: string;

  @Field({ description: 'When the review was last recorded (DateTime, UTC)' })
  recordedAt: Date;

  @Field(() => [IncidentActionItem], { description: 'Action items, in order' })
  actionItems: IncidentActionItem[];
}
