// The figures of Employee.kpi and Department.kpi (this subgraph's alone since hr-performance's copy was removed,
// docs/architecture.md §Moving a field).
import { Field, Float, Int, ObjectType } from 'type-graphql';
import type { Month, MonthlyFigures } from './monthly-figures.rules';

@ObjectType('FirstResponseFigures', {
  description: 'First responses given in the period (business-clock seconds from opening)',
})
export class FirstResponseFiguresType {
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

@ObjectType('KpiFigures', {
  description:
    'Ticket KPI figures for one month, kept current from the ticket events. Each fact counts in the month of ' +
    'the moment it measures: intake by openedAt, first response by acknowledgedAt, resolution, SLA and ' +
    'satisfaction by resolvedAt, complaints by the complaint’s openedAt. Rates are null when nothing was measured.',
})
export class KpiFiguresType {
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

  @Field(() => FirstResponseFiguresType, { description: 'Time to first response of the tickets counted' })
  firstResponse: FirstResponseFiguresType;

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

export function toKpiFiguresType(period: Month, live: boolean, figures: MonthlyFigures): KpiFiguresType {
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
    lastEventAt: figures.lastEventAt === null ? null : new Date(figures.lastEventAt),
  };
}
