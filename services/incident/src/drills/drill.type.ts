import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { FollowUpAction } from '../common/follow-ups';

@ObjectType({ description: 'What happened during a drill, and when' })
export class DrillTimelineEntry {
  @Field({ description: 'When (DateTime, UTC)' })
  at: Date;

  @Field({ description: 'What happened' })
  note: string;
}

@ObjectType({ description: 'A follow-up action of a drill' })
export class DrillFollowUp extends FollowUpAction {}

@Directive('@key(fields: "id")')
@ObjectType({ description: 'A drill (演練) of a contingency plan version' })
export class Drill {
  @Field(() => ID, { description: 'The drill’s id' })
  id: string;

  @Field({ description: 'The drill’s title' })
  title: string;

  @Field({ description: 'The scenario played' })
  scenario: string;

  @Field(() => Int, { description: 'The plan version rehearsed' })
  planVersion: number;

  @Field({ description: 'When the drill was held (DateTime, UTC)' })
  heldAt: Date;

  @Field(() => [DrillTimelineEntry], { description: 'What happened during the drill, in order' })
  timeline: DrillTimelineEntry[];

  @Field({ description: 'What the drill showed about the plan' })
  findings: string;

  @Field(() => Int, {
    description: 'Optimistic-lock version: pass it as expectedVersion to change the drill',
  })
  version: number;

  @Field({ description: 'When the drill was recorded (DateTime, UTC)' })
  createdAt: Date;
}
