// Asset.advice and maintenancePlanSuggestions, thin.
import { Ctx, Field, FieldResolver, Float, ID, ObjectType, Query, Resolver, Root } from 'type-graphql';
import type { AssetRecord } from '../assets/asset.rules';
import { Asset } from '../assets/asset.type';
import type { AssetContext } from '../subgraph';
import { graphqlEnumOf } from '@opsgraph/graphql-kit';
import type { Recommendation } from './advice.rules';

const RecommendationEnum = graphqlEnumOf(
  ['REPLACE', 'UPGRADE', 'KEEP'] as const,
  'AssetRecommendation',
  'What to do with an asset',
  {
    REPLACE: 'Past its useful life and out of warranty or failing often, or its MTBF halved year on year',
    UPGRADE: 'Has used 75 % of its life, or its warranty ends within 90 days after faults',
    KEEP: 'None of the above: keep it',
  },
);

@ObjectType({ description: 'Replace, upgrade or keep, with the reasons' })
export class AssetAdvice {
  @Field(() => RecommendationEnum, { description: 'KEEP, UPGRADE or REPLACE' })
  recommendation: Recommendation;

  @Field(() => [String], {
    description: 'Why, in words (e.g. past its useful life and out of warranty, 3 faults in 12 months)',
  })
  reasons: string[];

  @Field(() => Float, { nullable: true, description: 'Years in service' })
  ageYears: number | null;
}

@ObjectType({ description: 'A shorter interval for a plan whose model fails before the plan comes round' })
export class MaintenancePlanSuggestion {
  @Field(() => ID, { description: 'The plan concerned' })
  planId: string;

  @Field({ description: 'The plan’s title' })
  title: string;

  @Field({ description: 'The model that fails sooner than the plan’s interval' })
  model: string;

  @Field(() => Float, { description: 'The plan’s interval today, in days' })
  currentIntervalDays: number;

  @Field(() => Float, { description: 'Suggested interval in days: 80 % of the model’s MTBF' })
  suggestedIntervalDays: number;

  @Field(() => Float, { description: 'The model’s MTBF over the last year, in days' })
  observedMtbfDays: number;

  @Field({ description: 'Why, in words (the model’s MTBF against the interval)' })
  reason: string;
}

@Resolver(() => Asset)
export class AssetAdviceResolver {
  @FieldResolver(() => AssetAdvice, {
    description: 'From age vs useful life, warranty, faults and MTBF trend',
  })
  advice(@Root() asset: AssetRecord, @Ctx() ctx: AssetContext) {
    return ctx.services.advice.adviceFor(ctx.caller, asset);
  }
}

@Resolver()
export class PlanSuggestionResolver {
  @Query(() => [MaintenancePlanSuggestion], { description: 'Predictive maintenance: plans to shorten' })
  maintenancePlanSuggestions(@Ctx() ctx: AssetContext) {
    return ctx.services.advice.planSuggestions(ctx.caller);
  }
}
