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

const SourceEnum = graphqlEnumOf(IMPROVEMENT_SOURCES, 'ImprovementSource', 'Where an improvement comes from');
const StatusEnum = graphqlEnumOf(
  IMPROVEMENT_STATUSES,
  'ImprovementStatus',
  'OPEN → IMPLEMENTED → EFFECTIVE or INEFFECTIVE (revised: OPEN again)',
);
const DirectionEnum = graphqlEnumOf(EFFECT_DIRECTIONS, 'EffectDirection', 'Which way the KPI should move');

@InputType('ExpectedEffectInput')
class ExpectedEffectInput {
  @Field({ description: 'The KPI, e.g. "Complaints per 100 tickets"' })
  @Text({ max: 200 })
  kpi: string;

  @Field(() => DirectionEnum)
  direction: EffectDirection;

  @Field(() => Float, { description: 'The KPI figure before' })
  baseline: number;

  @Field(() => Float)
  target: number;
}

@InputType('RaiseImprovementInput')
export class RaiseImprovementInput {
  @Field()
  @Text({ max: 200 })
  title: string;

  @Field()
  @Text({ max: 5000 })
  description: string;

  @Field(() => SourceEnum)
  source: ImprovementSource;

  @Field(() => ID, { nullable: true, description: 'COMPLAINT, or SUGGESTION that was accepted' })
  sourceTicketId?: string | null;

  @Field(() => String, { nullable: true, description: 'FINDING: the quality finding it answers' })
  @Text({ max: 2000, optional: true })
  finding?: string | null;

  @Field(() => ID, { description: 'The employee answerable for it (ACTIVE)' })
  ownerId: string;

  @Field()
  deadline: Date;

  @Field(() => ExpectedEffectInput)
  @ValidateNested()
  effect: ExpectedEffectInput;
}

@InputType('ImprovementChangeInput')
class ImprovementChangeInput {
  @Field(() => ID)
  improvementId: string;

  @Field(() => Int)
  @IsInt()
  @Min(1)
  expectedVersion: number;
}

@InputType('ImplementImprovementInput')
export class ImplementImprovementInput extends ImprovementChangeInput {
  @Field()
  @Text({ max: 2000 })
  note: string;
}

@InputType('VerifyImprovementInput')
export class VerifyImprovementInput extends ImprovementChangeInput {
  @Field(() => Float, { description: 'The KPI figure after' })
  measured: number;

  @Field({ description: 'Where the figure comes from' })
  @Text({ max: 2000 })
  note: string;
}

@InputType('ReviseImprovementInput')
export class ReviseImprovementInput extends ImprovementChangeInput {
  @Field()
  deadline: Date;

  @Field(() => Float, { nullable: true, description: 'A new target; omit to keep' })
  @IsOptional()
  target?: number | null;

  @Field()
  @Text({ max: 2000 })
  reason: string;
}

@ObjectType('ExpectedEffect')
class ExpectedEffectType {
  @Field()
  kpi: string;

  @Field(() => DirectionEnum)
  direction: EffectDirection;

  @Field(() => Float)
  baseline: number;

  @Field(() => Float)
  target: number;
}

@ObjectType('Improvement', { description: 'An improvement action with its expected and verified effect' })
export class ImprovementType {
  @Field(() => ID)
  id: string;

  @Field(() => Int)
  version: number;

  @Field()
  title: string;

  @Field()
  description: string;

  @Field(() => SourceEnum)
  source: ImprovementSource;

  sourceTicketId: string | null;

  @Field(() => String, { nullable: true })
  finding: string | null;

  ownerId: string;

  @Field()
  deadline: Date;

  @Field(() => ExpectedEffectType)
  effect: ExpectedEffectType;

  @Field(() => StatusEnum)
  status: ImprovementStatus;

  @Field(() => Date, { nullable: true })
  implementedAt: Date | null;

  @Field(() => Date, { nullable: true })
  verifiedAt: Date | null;

  @Field(() => Float, { nullable: true, description: 'The KPI figure after' })
  measured: number | null;

  @Field(() => String, { nullable: true })
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
    @Arg('status', () => [StatusEnum], { nullable: true }) status: ImprovementStatus[] | null,
    @Arg('first', () => Int, { defaultValue: 50 }) first: number,
    @Ctx() ctx: TicketContext,
  ): Promise<Improvement[]> {
    if (first < 1 || first > 200) throw new BadUserInputError('first is from 1 to 200', 'first');
    return ctx.services.improvements.list(ctx.caller, status ?? [], first);
  }

  @Query(() => ImprovementType, { nullable: true })
  improvement(@Arg('id', () => ID) id: string, @Ctx() ctx: TicketContext): Promise<Improvement | null> {
    return ctx.services.improvements.byId(ctx.caller, id);
  }

  @Mutation(() => ImprovementType)
  raiseImprovement(@Arg('input') input: RaiseImprovementInput, @Ctx() ctx: TicketContext): Promise<Improvement> {
    return ctx.services.improvements.raise(metaOf(ctx), {
      ...input,
      sourceTicketId: input.sourceTicketId ?? null,
      finding: input.finding ?? null,
      effect: { ...input.effect },
    });
  }

  @Mutation(() => ImprovementType)
  implementImprovement(@Arg('input') input: ImplementImprovementInput, @Ctx() ctx: TicketContext) {
    return ctx.services.improvements.implement(metaOf(ctx), refOf(input), input.note);
  }

  @Mutation(() => ImprovementType, { description: 'Measures the effect: EFFECTIVE when the KPI figure reaches the target' })
  verifyImprovement(@Arg('input') input: VerifyImprovementInput, @Ctx() ctx: TicketContext) {
    return ctx.services.improvements.verify(metaOf(ctx), refOf(input), input);
  }

  @Mutation(() => ImprovementType, { description: 'Re-plans an INEFFECTIVE improvement' })
  reviseImprovement(@Arg('input') input: ReviseImprovementInput, @Ctx() ctx: TicketContext) {
    return ctx.services.improvements.revise(metaOf(ctx), refOf(input), input);
  }

  @FieldResolver(() => EmployeeReference)
  owner(@Root() improvement: Improvement): EmployeeReference {
    return { id: improvement.ownerId };
  }

  @FieldResolver(() => TicketType, { nullable: true, description: 'The complaint or suggestion it came from' })
  sourceTicket(@Root() improvement: Improvement, @Ctx() ctx: TicketContext): Promise<Ticket | null> | null {
    return improvement.sourceTicketId === null ? null : ctx.loaders.byId.load(improvement.sourceTicketId);
  }
}
