import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { FollowUpAction } from '../common/follow-ups';

@ObjectType({ description: 'What happened during a drill, and when' })
export class DrillTimelineEntry {
  @Field()
  at: Date;

  @Field()
  note: string;
}

@ObjectType({ description: 'A follow-up action of a drill' })
export class DrillFollowUp extends FollowUpAction {}

@Directive('@key(fields: "id")')
@ObjectType({ description: 'A drill (演練) of a contingency plan version' })
export class Drill {
  @Field(() => ID)
  id: string;

  @Field()
  title: string;

  @Field()
  scenario: string;

  @Field(() => Int, { description: 'The plan version rehearsed' })
  planVersion: number;

  @Field()
  heldAt: Date;

  @Field(() => [DrillTimelineEntry])
  timeline: DrillTimelineEntry[];

  @Field()
  findings: string;

  @Field(() => Int)
  version: number;

  @Field()
  createdAt: Date;
}
