// The improvement register on the graph (docs/product.md §11.9). Thin: rules in improvement.rules.ts.
import { EFFECT_DIRECTIONS, IMPROVEMENT_SOURCES, IMPROVEMENT_STATUSES } from '@opsgraph/contracts-events';
import type { EffectDirection, ImprovementSource, ImprovementStatus } from '@opsgraph/contracts-events';
import { graphqlEnumOf, Text } from '@opsgraph/graphql-kit';
import { metaOf } from '@opsgraph/service-kit';
import { BadUserInputError } from '@opsgraph/domain';
import { IsInt, IsOptional, Min, ValidateNested } from 'class-validator';
import {
  Arg,
  Ctx,
  Field,
  FieldResolver,
  Float,
  ID,
  InputType,
  Int,
  Mutation,
  ObjectType,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import type { TicketContext } from '../context';
import { EmployeeReference } from '../references/entity-references';
import type { Ticket } from '../tickets/ticket.model';
import { TicketType } from '../tickets/ticket.type';
import type { Improvement } from './improvement.rules';

const SourceEnum = graphqlEnumOf(IMPROVEMENT_SOURCES, 'ImprovementSource', 'Where an improvement comes from', { COMPLAINT: 'A complaint ticket', SUGGESTION: 'An accepted suggestion ticket', FINDING: 'A quality finding, named in words', });
const StatusEnum = graphqlEnumOf(
  IMPROVEMENT_STATUSES,
  'ImprovementStatus',
  'OPEN → IMPLEMENTED → EFFECTIVE or INEFFECTIVE (revised: OPEN again)',
  {
    OPEN: 'To be implemented by its deadline',
    IMPLEMENTED: 'Reported implemented, awaiting verification',
    EFFECTIVE: 'Verified: the KPI reached the target',
    INEFFECTIVE: 'Verified: the target was not reached; revise it to make it OPEN again',
  },
);
const DirectionEnum = graphqlEnumOf(EFFECT_DIRECTIONS, 'EffectDirection', 'Which way the KPI should move', { INCREASE: 'The KPI should rise to the target (e.g. satisfaction)', DECREASE: 'The KPI should fall to the target (e.g. complaint rate)', });

@InputType('ExpectedEffectInput', { description: 'The KPI, its figure before and the target' })
class ExpectedEffectInput {
  @Field({ description: 'The KPI, e.g. "Complaints per 100 tickets"' })
  @Text({ max: 200 })
  kpi: string;

  @Field(() => DirectionEnum, { description: 'Which way the KPI should move' })
  direction: EffectDirection;

  @Field(() => Float, { description: 'The KPI figure before' })
  baseline: number;

  @Field(() => Float, { description: 'The figure to reach; must lie beyond the baseline in direction' })
  target: number;
}

@InputType('RaiseImprovementInput', { description: 'A new improvement: source, owner, deadline and expected effect' })
export class RaiseImprovementInput {
  @Field({ description: 'Short title, 1–200 characters' })
  @Text({ max: 200 })
  title: string;

  @Field({ description: 'What will be changed, 1–5000 characters' })
  @Text({ max: 5000 })
  description: string;

  @Field(() => SourceEnum, { description: 'Where it comes from; COMPLAINT and SUGGESTION need sourceTicketId, FINDING needs finding' })
  source: ImprovementSource;

  @Field(() => ID, { nullable: true, description: 'COMPLAINT, or SUGGESTION that was accepted' })
  sourceTicketId?: string | null;

  @Field(() => String, { nullable: true, description: 'FINDING: the quality finding it answers' })
  @Text({ max: 2000, optional: true })
  finding?: string | null;

  @Field(() => ID, { description: 'The employee answerable for it (ACTIVE)' })
  ownerId: string;

  @Field({ description: 'When it must be implemented (DateTime, UTC); ahead of now' })
  deadline: Date;

  @Field(() => ExpectedEffectInput, { description: 'The KPI, its baseline and the target' })
  @ValidateNested()
  effect: ExpectedEffectInput;
}

@InputType('ImprovementChangeInput')
class ImprovementChangeInput {
  @Field(() => ID, { description: 'The improvement' })
  improvementId: string;

  @Field(() => Int, { description: 'The version the client last saw; a stale one is a CONFLICT' })
  @IsInt()
  @Min(1)
  expectedVersion: number;
}

@InputType('ImplementImprovementInput', { description: 'Reports an OPEN improvement implemented (its owner or a manager): OPEN → IMPLEMENTED' })
export class ImplementImprovementInput extends ImprovementChangeInput {
  @Field({ description: 'What was done, 1–2000 characters' })
  @Text({ max: 2000 })
  note: string;
}

@InputType('VerifyImprovementInput', { description: 'Verifies an IMPLEMENTED improvement with the KPI figure after: EFFECTIVE when the target is reached, else INEFFECTIVE (OPS_MANAGER, OPS_DIRECTOR, ADMIN)' })
export class VerifyImprovementInput extends ImprovementChangeInput {
  @Field(() => Float, { description: 'The KPI figure after' })
  measured: number;

  @Field({ description: 'Where the figure comes from' })
  @Text({ max: 2000 })
  note: string;
}

@InputType('ReviseImprovementInput', { description: 'Revises an INEFFECTIVE improvement (OPS_MANAGER, OPS_DIRECTOR, ADMIN): new deadline, possibly a new target; OPEN again' })
export class ReviseImprovementInput extends ImprovementChangeInput {
  @Field({ description: 'The new deadline (DateTime, UTC); ahead of now' })
  deadline: Date;

  @Field(() => Float, { nullable: true, description: 'A new target; omit to keep' })
  @IsOptional()
  target?: number | null;

  @Field({ description: 'Why, 1–2000 characters' })
  @Text({ max: 2000 })
  reason: string;
}

@ObjectType('ExpectedEffect', { description: 'What an improvement should achieve: a KPI moving from its baseline to a target' })
class ExpectedEffectType {
  @Field({ description: 'The KPI, in words' })
  kpi: string;

  @Field(() => DirectionEnum, { description: 'Which way the KPI should move' })
  direction: EffectDirection;

  @Field(() => Float, { description: 'The KPI’s figure before' })
  baseline: number;

  @Field(() => Float, { description: 'The figure to reach, beyond the baseline in direction' })
  target: number;
}

@ObjectType('Improvement', { description: 'An improvement action with its expected and verified effect' })
export class ImprovementType {
  @Field(() => ID, { description: 'The improvement’s id' })
  id: string;

  @Field(() => Int, { description: 'Optimistic-lock version: pass it as expectedVersion to change the improvement' })
  version: number;

  @Field({ description: 'Short title' })
  title: string;

  @Field({ description: 'What will be changed' })
  description: string;

  @Field(() => SourceEnum, { description: 'Where it comes from' })
  source: ImprovementSource;

  sourceTicketId: string | null;

  @Field(() => String, { description: 'The quality finding it comes from, in words; null for other sources', nullable: true })
  finding: string | null;

  ownerId: string;

  @Field({ description: 'When it must be implemented (DateTime, UTC); still OPEN after it, improvement.overdue is published once' })
  deadline: Date;

  @Field(() => ExpectedEffectType, { description: 'The expected effect: KPI, baseline, target, direction' })
  effect: ExpectedEffectType;

  @Field(() => StatusEnum, { description: 'OPEN, IMPLEMENTED, EFFECTIVE or INEFFECTIVE' })
  status: ImprovementStatus;

  @Field(() => Date, { description: 'When it was reported implemented (DateTime, UTC); null until then', nullable: true })
  implementedAt: Date | null;

  @Field(() => Date, { description: 'When it was verified (DateTime, UTC); null until then', nullable: true })
  verifiedAt: Date | null;

  @Field(() => Float, { nullable: true, description: 'The KPI figure after' })
  measured: number | null;

  @Field(() => String, { description: 'The verifier’s note; null until verified', nullable: true })
  verificationNote: string | null;
}

const refOf = (input: ImprovementChangeInput) => ({
  improvementId: input.improvementId,
  expectedVersion: input.expectedVersion,
});

@Resolver(() => ImprovementType)
export class ImprovementResolver {
  @Query(() => [ImprovementType], { description: 'The improvement register, soonest deadline first' })
  improvements(
    @Arg('status', () => [StatusEnum], { description: 'Only improvements in these statuses; null for all', nullable: true }) status: ImprovementStatus[] | null,
    @Arg('first', () => Int, { description: 'At most this many (default 50)', defaultValue: 50 }) first: number,
    @Ctx() ctx: TicketContext,
  ): Promise<Improvement[]> {
    if (first < 1 || first > 200) throw new BadUserInputError('first is from 1 to 200', 'first');
    return ctx.services.improvements.list(ctx.caller, status ?? [], first);
  }

  @Query(() => ImprovementType, { description: 'One improvement by id (handlers, managers and analysts); null when it does not exist', nullable: true })
  improvement(@Arg('id', () => ID, { description: 'The improvement’s id' }) id: string, @Ctx() ctx: TicketContext): Promise<Improvement | null> {
    return ctx.services.improvements.byId(ctx.caller, id);
  }

  @Mutation(() => ImprovementType, { description: 'Raises an improvement (OPS_MANAGER, OPS_DIRECTOR, ADMIN); publishes on opsgraph.improvement.events.v1. Answers BAD_USER_INPUT with field for an owner who is not ACTIVE, a deadline not ahead or a target not beyond the baseline' })
  raiseImprovement(@Arg('input', { description: 'The improvement’s source, owner, deadline and expected effect' }) input: RaiseImprovementInput, @Ctx() ctx: TicketContext): Promise<Improvement> {
    return ctx.services.improvements.raise(metaOf(ctx), {
      ...input,
      sourceTicketId: input.sourceTicketId ?? null,
      finding: input.finding ?? null,
      effect: { ...input.effect },
    });
  }

  @Mutation(() => ImprovementType, { description: 'Reports an improvement implemented (its owner or a manager). Answers INVALID_TRANSITION unless OPEN, CONFLICT for a stale expectedVersion' })
  implementImprovement(@Arg('input', { description: 'The improvement and what was done' }) input: ImplementImprovementInput, @Ctx() ctx: TicketContext) {
    return ctx.services.improvements.implement(metaOf(ctx), refOf(input), input.note);
  }

  @Mutation(() => ImprovementType, { description: 'Measures the effect: EFFECTIVE when the KPI figure reaches the target' })
  verifyImprovement(@Arg('input', { description: 'The improvement and the KPI figure after' }) input: VerifyImprovementInput, @Ctx() ctx: TicketContext) {
    return ctx.services.improvements.verify(metaOf(ctx), refOf(input), input);
  }

  @Mutation(() => ImprovementType, { description: 'Re-plans an INEFFECTIVE improvement' })
  reviseImprovement(@Arg('input', { description: 'The improvement, its new deadline and the reason' }) input: ReviseImprovementInput, @Ctx() ctx: TicketContext) {
    return ctx.services.improvements.revise(metaOf(ctx), refOf(input), input);
  }

  @FieldResolver(() => EmployeeReference, { description: 'The employee responsible' })
  owner(@Root() improvement: Improvement): EmployeeReference {
    return { id: improvement.ownerId };
  }

  @FieldResolver(() => TicketType, { nullable: true, description: 'The complaint or suggestion it came from' })
  sourceTicket(@Root() improvement: Improvement, @Ctx() ctx: TicketContext): Promise<Ticket | null> | null {
    return improvement.sourceTicketId === null ? null : ctx.loaders.byId.load(improvement.sourceTicketId);
  }
}
