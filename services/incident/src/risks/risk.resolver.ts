// The graph of the risk register, thin: each field asks the use-case or a loader and shapes the answer.
import { pageRequest, toConnection, type ConnectionShape } from '@opsgraph/graphql-kit';
import { useCaseMutations } from '@opsgraph/service-kit';
import { Arg, Args, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import { EmployeeReference, referenceTo, TicketReference } from '../references/entity-references';
import type { IncidentContext } from '../subgraph';
import { RecordRiskReviewInput, ReassessRiskInput, RegisterRiskInput, RisksArgs } from './risk.inputs';
import {
  isReviewOverdue,
  likelihoodSuggestion,
  observedLikelihood,
  riskLevel,
  riskScore,
  type RiskRecord,
} from './risk.rules';
import { RiskLevelEnum } from '../common/enums';
import type { RiskSuggestionRecord } from './risk-suggestion.repository';
import { ObservedFrequency, Risk, RiskConnection, RiskSuggestion } from './risk.type';

const MANAGERS = 'ADMIN, OPS_DIRECTOR, OPS_MANAGER';

export const RiskMutations = useCaseMutations(
  () => Risk,
  (ctx: IncidentContext) => ctx.services.risks,
  {
    registerRisk: { useCase: 'register', input: RegisterRiskInput, description: MANAGERS },
    reassessRisk: { useCase: 'reassess', input: ReassessRiskInput, description: MANAGERS },
    recordRiskReview: { useCase: 'recordReview', input: RecordRiskReviewInput, description: MANAGERS },
  },
);

@Resolver(() => Risk)
export class RiskResolver {
  @Query(() => Risk, { nullable: true, description: 'One risk; null when there is none' })
  risk(
    @Arg('id', () => ID, { description: 'The risk’s id' }) id: string,
    @Ctx() ctx: IncidentContext,
  ): Promise<RiskRecord | null> {
    return ctx.services.risks.byId(ctx.caller, id);
  }

  @Query(() => RiskConnection, { description: 'The risk register, newest first' })
  async risks(@Args() args: RisksArgs, @Ctx() ctx: IncidentContext): Promise<ConnectionShape<RiskRecord>> {
    const request = pageRequest(args);
    const { rows, total } = await ctx.services.risks.page(ctx.caller, request, args);
    return toConnection(rows, request.first, (row) => [row.createdAt.toISOString(), row.id], total);
  }

  @Query(() => [Risk], { description: 'Risks whose review day has passed, the longest overdue first' })
  overdueRiskReviews(
    @Arg('first', () => Int, { description: 'At most this many risks (default 50)', defaultValue: 50 })
    first: number,
    @Ctx() ctx: IncidentContext,
  ): Promise<RiskRecord[]> {
    return ctx.services.risks.overdueReviews(ctx.caller, Math.min(Math.max(first, 0), 100));
  }

  @Query(() => [RiskSuggestion], {
    description: 'Recurring complaint causes the register should weigh, latest first',
  })
  riskSuggestions(@Ctx() ctx: IncidentContext): Promise<RiskSuggestionRecord[]> {
    return ctx.services.risks.suggestions(ctx.caller);
  }

  @FieldResolver(() => Int)
  score(@Root() risk: RiskRecord): number {
    return riskScore(risk.likelihood, risk.impact);
  }

  @FieldResolver(() => RiskLevelEnum, { description: 'LOW, MEDIUM, HIGH or CRITICAL, from the score' })
  level(@Root() risk: RiskRecord) {
    return riskLevel(riskScore(risk.likelihood, risk.impact));
  }

  @FieldResolver(() => Boolean)
  reviewOverdue(@Root() risk: RiskRecord, @Ctx() ctx: IncidentContext): boolean {
    return isReviewOverdue(risk, ctx.services.risks.today());
  }

  @FieldResolver(() => EmployeeReference, {
    description: 'The employee who owns the risk; null when none',
    nullable: true,
  })
  owner(@Root() risk: RiskRecord) {
    return referenceTo(risk.ownerId);
  }

  @FieldResolver(() => ObservedFrequency, { description: 'Shown beside the assessed likelihood' })
  async observed(@Root() risk: RiskRecord, @Ctx() ctx: IncidentContext): Promise<ObservedFrequency> {
    const incidentsLastYear = await ctx.loaders.incidentCounts.load(risk.category);
    return {
      incidentsLastYear,
      likelihood: observedLikelihood(incidentsLastYear),
      suggestion: likelihoodSuggestion(risk.likelihood, incidentsLastYear),
    };
  }
}

@Resolver(() => RiskSuggestion)
export class RiskSuggestionResolver {
  @FieldResolver(() => Risk, { nullable: true, description: 'The risk to re-assess' })
  risk(
    @Root() suggestion: RiskSuggestionRecord,
    @Ctx() ctx: IncidentContext,
  ): Promise<RiskRecord | null> | null {
    return suggestion.riskId ? ctx.loaders.risks.load(suggestion.riskId) : null;
  }

  @FieldResolver(() => [TicketReference], { description: 'The complaints of the window' })
  tickets(@Root() suggestion: RiskSuggestionRecord) {
    return suggestion.ticketIds.map((id) => ({ id }));
  }
}
