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
  {
    CATEGORY: 'By ticket category (complaints are not classified at intake, so usually one unclassified group)',
    DEPARTMENT: 'By lead department',
    ROOT_CAUSE: 'By investigated root cause (compared without case, extra spaces or a trailing full stop); not yet investigated: null',
    ASSET: 'By the asset the ticket concerns',
    CHANNEL: 'By intake channel',
  },
);
const HotspotTrendEnum = graphqlEnumOf(
  HOTSPOT_TRENDS,
  'ComplaintHotspotTrend',
  'Against the period of the same length just before (NEW: none then)',
  {
    UP: 'More than in the period before',
    DOWN: 'Fewer than in the period before',
    FLAT: 'As many as in the period before',
    NEW: 'None in the period before',
  },
);

@InputType('ComplaintPeriodInput', { description: 'From (inclusive) to (exclusive), at most 366 days' })
export class ComplaintPeriodInput {
  @Field({ description: 'Start (DateTime, UTC, inclusive)' })
  from: Date;

  @Field({ description: 'End (DateTime, UTC, exclusive); at most 366 days after from' })
  to: Date;
}

@ObjectType('ComplaintHotspot', { description: 'One group of complaints of the period, with its count and trend' })
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

  @Field(() => Int, { description: 'Complaints of the group opened in the period' })
  count: number;

  @Field(() => Int, { description: 'Complaints of the group in the period of the same length just before' })
  previousCount: number;

  @Field(() => Float, { description: 'Of the period’s complaints, 0–1' })
  share: number;

  @Field(() => Float, { nullable: true, description: 'Complaints among all tickets of the group, 0–1 (not for ROOT_CAUSE)' })
  rate: number | null;

  @Field(() => HotspotTrendEnum, { description: 'UP, DOWN, FLAT, or NEW when the group had none before' })
  trend: HotspotTrend;
}

@ObjectType('ComplaintHotspots', { description: 'Complaints of a period grouped by one dimension (managers, directors, admins and analysts)' })
export class ComplaintHotspotsType {
  @Field({ description: 'Start of the period (DateTime, UTC, inclusive)' })
  from: Date;

  @Field({ description: 'End of the period (DateTime, UTC, exclusive)' })
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
    @Arg('period', { description: 'The period, at most 366 days' }) period: ComplaintPeriodInput,
    @Arg('by', () => HotspotDimensionEnum, { description: 'What the complaints are grouped by' }) by: HotspotDimension,
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
