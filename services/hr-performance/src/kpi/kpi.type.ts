import { Directive, Field, Float, Int, ObjectType } from 'type-graphql';
import { kpiFigures, type KpiCounters } from './kpi.math';
import type { Month } from './kpi.period';

// @shareable with the identical types of the kpi subgraph while Employee.kpi and Department.kpi move there
// (docs/architecture.md §Moving a field): keep the two copies' fields and descriptions the same.
@Directive('@shareable')
@ObjectType({ description: 'First responses given in the period (business-clock seconds from opening)' })
export class FirstResponseFigures {
  @Field(() => Int, { description: 'First responses measured' })
  count: number;

  @Field(() => Float, {
    description: 'Mean time from opening to first response, in seconds; null with no responses',
    nullable: true,
  })
  averageSeconds: number | null;

  @Field(() => Int, {
    nullable: true,
    description:
      '90th percentile of the response times: within 1 % of the exact nearest-rank value (the ⌈0.9·n⌉-th ' +
      'smallest), rounded to the whole second (a DDSketch estimate merged from day cells)',
  })
  p90Seconds: number | null;
}

@Directive('@shareable')
@ObjectType({
  description:
    'Ticket KPI figures for one month, kept current from the ticket events. Each fact counts in the month of ' +
    'the moment it measures: intake by openedAt, first response by acknowledgedAt, resolution, SLA and ' +
    'satisfaction by resolvedAt, complaints by the complaint’s openedAt. Rates are null when nothing was measured.',
})
export class KpiFigures {
  @Field({ description: 'YYYY-MM' })
  period: string;

  @Field({ description: 'True for the current month: the figures still change as tickets move' })
  live: boolean;

  @Field(() => Int, { description: 'Tickets opened in the month that are (now) handled by the subject' })
  ticketsHandled: number;

  @Field(() => Int, { description: 'Tickets resolved in the month' })
  ticketsResolved: number;

  @Field(() => Float, { nullable: true, description: 'Share of ticketsHandled that is resolved now (0–1)' })
  resolutionRate: number | null;

  @Field(() => FirstResponseFigures, { description: 'Time to first response of the tickets counted' })
  firstResponse: FirstResponseFigures;

  @Field(() => Float, {
    nullable: true,
    description: 'Share of the month’s resolutions within their SLA (tickets without an SLA policy left out)',
  })
  resolvedWithinSlaShare: number | null;

  @Field(() => Int, { description: 'Surveys on the month’s resolutions' })
  surveyCount: number;

  @Field(() => Float, { nullable: true, description: 'Average overall survey score (1–5)' })
  averageSatisfaction: number | null;

  @Field(() => Int, {
    description: 'Complaints lodged in the month whose investigation held the subject responsible',
  })
  complaintsAgainst: number;

  @Field(() => Date, { nullable: true, description: 'Time of the latest ticket event behind these figures' })
  lastEventAt: Date | null;
}

export function toKpiFiguresType(period: Month, live: boolean, counters: KpiCounters): KpiFigures {
  const figures = kpiFigures(counters);
  return {
    period,
    live,
    ticketsHandled: figures.ticketsHandled,
    ticketsResolved: figures.ticketsResolved,
    resolutionRate: figures.resolutionRate,
    firstResponse: {
      count: figures.firstResponseCount,
      averageSeconds: figures.firstResponseAverageSeconds,
      p90Seconds: figures.firstResponseP90Seconds,
    },
    resolvedWithinSlaShare: figures.resolvedWithinSlaShare,
    surveyCount: figures.surveyCount,
    averageSatisfaction: figures.averageSatisfaction,
    complaintsAgainst: figures.complaintsAgainst,
    lastEventAt: counters.lastEventAt,
  };
}
