// Asset.bookValue and Asset.depreciationSchedule: the pure rules on the asset's cost, its category's useful life and
// salvage rate, from the day it went into service (or was bought).
import { graphqlEnumOf } from '@opsgraph/graphql-kit';
import { GraphQLLocalDate } from 'graphql-scalars';
import { Arg, Field, FieldResolver, Float, Int, ObjectType, Resolver, Root } from 'type-graphql';
import { checkDate, type AssetRecord } from '../assets/asset.rules';
import { CATEGORY_POLICIES } from '../assets/asset-category.rules';
import { Asset } from '../assets/asset.type';
import {
  bookValueAt,
  DEPRECIATION_METHODS,
  depreciationSchedule,
  type DepreciationBasis,
  type DepreciationMethod,
  type DepreciationPeriod,
} from './depreciation.rules';

const Method = graphqlEnumOf(DEPRECIATION_METHODS, 'DepreciationMethod', 'How book value is written down', {
  STRAIGHT_LINE: 'The same amount every year',
  DECLINING_BALANCE: 'A fixed share of the remaining book value every year',
  SUM_OF_YEARS_DIGITS: 'Larger amounts in the early years, by the sum of the years’ digits',
});

@ObjectType({ description: 'One year of depreciation' })
export class DepreciationPeriodType {
  @Field(() => Int, { description: 'Depreciation year, 1 for the first' })
  year: number;

  @Field(() => GraphQLLocalDate, {
    description:
      'First day of this depreciation year (LocalDate); years run from the day the asset went into service, or was bought',
  })
  from: string;

  @Field(() => GraphQLLocalDate, { description: 'Exclusive' })
  to: string;

  @Field(() => Float, { description: 'Depreciation charged in this year, in the asset’s currency' })
  charge: number;

  @Field(() => Float, {
    description: 'Depreciation charged up to the end of this year, in the asset’s currency',
  })
  accumulated: number;

  @Field(() => Float, { description: 'At the end of the year' })
  bookValue: number;
}

/** Null when the asset has no cost or no date to start from. */
export function basisOf(asset: AssetRecord): DepreciationBasis | null {
  const start = asset.inServiceSince ?? asset.purchaseDate;
  if (asset.purchaseCost === null || start === null) return null;
  const policy = CATEGORY_POLICIES[asset.category];
  return {
    cost: asset.purchaseCost,
    salvage: Math.round(asset.purchaseCost * policy.salvageRate * 100) / 100,
    lifeYears: policy.usefulLifeYears,
    start,
  };
}

@Resolver(() => Asset)
export class DepreciationResolver {
  @FieldResolver(() => Float, {
    nullable: true,
    description: 'Book value on a day; null without cost or date',
  })
  bookValue(
    @Root() asset: AssetRecord,
    @Arg('at', () => GraphQLLocalDate, { description: 'The day to value the asset on (LocalDate)' })
    at: string,
    @Arg('method', () => Method, {
      description: 'Depreciation method (default STRAIGHT_LINE)',
      defaultValue: 'STRAIGHT_LINE',
    })
    method: DepreciationMethod,
  ): number | null {
    const basis = basisOf(asset);
    return basis && bookValueAt(basis, method, checkDate(at, 'at')!);
  }

  @FieldResolver(() => [DepreciationPeriodType], {
    description: 'Year by year over the category’s useful life',
  })
  depreciationSchedule(
    @Root() asset: AssetRecord,
    @Arg('method', () => Method, {
      description: 'Depreciation method (default STRAIGHT_LINE)',
      defaultValue: 'STRAIGHT_LINE',
    })
    method: DepreciationMethod,
  ): DepreciationPeriod[] {
    const basis = basisOf(asset);
    return basis ? depreciationSchedule(basis, method) : [];
  }
}
