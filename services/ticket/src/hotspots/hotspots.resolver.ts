// complaintHotspots on the graph (docs/product.md §11.6). Thin: figures come from the service and the pure rules.
import { graphqlEnumOf } from '@opsgraph/graphql-kit';
import { Arg, Ctx, Field, Float, InputType, Int, ObjectType, Query, Resolver } from 'type-graphql';
import type { TicketContext } from '../context';
import { AssetReference, DepartmentReference } from '../references/entity-references';
import { HOTSPOT_DIMENSIONS, HOTSPOT_TRENDS, type HotspotDimension, type HotspotTrend } from './hotspots.rules';

const HotspotDimensionEnum = graphqlEnumOf(
  HOTSPOT_DIMENSIONS,
  'ComplaintHotspotDimension',
  'What complaints are grouped by: ticket category, lead department, investigated root cause, asset or channel',
);
const HotspotTrendEnum = graphqlEnumOf(
  HOTSPOT_TRENDS,
  'ComplaintHotspotTrend',
  'Against the period of the same length just before (NEW: none then)',
);

@InputType('ComplaintPeriodInput', { description: 'From (inclusive) to (exclusive), at most 366 days' })
export class ComplaintPeriodInput {
  @Field()
  from: Date;

  @Field()
  to: Date;
}

@ObjectType('ComplaintHotspot')
export class ComplaintHotspotType {
  @Field(() => String, {
    nullable: true,
    description: 'The group: category, department or asset id, root cause, channel; null: none (not investigated…)',
  })
  key: string | null;

  @Field(() => DepartmentReference, { nullable: true, description: 'by: DEPARTMENT' })
  department: DepartmentReference | null;

  @Field(() => AssetReference, { nullable: true, description: 'by: ASSET' })
  asset: AssetReference | null;

  @Field(() => Int)
  count: number;

  @Field(() => Int)
  previousCount: number;

  @Field(() => Float, { description: 'Of the period’s complaints, 0–1' })
  share: number;

  @Field(() => Float, { nullable: true, description: 'Complaints among all tickets of the group, 0–1 (not for ROOT_CAUSE)' })
  rate: number | null;

  @Field(() => HotspotTrendEnum)
  trend: HotspotTrend;
}

@ObjectType('ComplaintHotspots')
export class ComplaintHotspotsType {
  @Field()
  from: Date;

  @Field()
  to: Date;

  @Field({ description: 'Start of the period compared against (it ends at from)' })
  previousFrom: Date;

  @Field(() => Int, { description: 'Complaints opened in the period' })
  total: number;

  @Field(() => [ComplaintHotspotType], { description: 'Most complaints first' })
  hotspots: ComplaintHotspotType[];
}

@Resolver()
export class HotspotResolver {
  @Query(() => ComplaintHotspotsType, {
    description: 'Where complaints concentrate (P3 §六(五)); OPS managers, directors, admins and analysts',
  })
  async complaintHotspots(
    @Arg('period') period: ComplaintPeriodInput,
    @Arg('by', () => HotspotDimensionEnum) by: HotspotDimension,
    @Ctx() ctx: TicketContext,
  ): Promise<ComplaintHotspotsType> {
    const report = await ctx.services.hotspots.report(ctx.caller, period, by);
    const reference = (dimension: HotspotDimension, key: string | null) =>
      by === dimension && key !== null ? { id: key } : null;
    return {
      from: report.period.from,
      to: report.period.to,
      previousFrom: report.previous.from,
      total: report.total,
      hotspots: report.hotspots.map((spot) => ({
        ...spot,
        department: reference('DEPARTMENT', spot.key),
        asset: reference('ASSET', spot.key),
      })),
    };
  }
}
