import { GraphQLLocalDate } from 'graphql-scalars';
import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { graphqlEnumOf } from '@opsgraph/graphql-kit';
import { CycleKindEnum, GradeEnum } from '../appraisals/appraisal.type';
import { GRADING_MODES, type Grade, type GradingMode } from '../appraisals/grading.rules';
import type { CycleKind } from './appraisal-cycle.rules';

export const GradingModeEnum = graphqlEnumOf(
  GRADING_MODES,
  'GradingMode',
  'Thresholds, or a forced distribution per department',
  {
    THRESHOLDS: 'A grade by the total’s thresholds (default 90/80/70/60)',
    FORCED_DISTRIBUTION:
      'Grades by rank within the department to fixed shares (default 10/20/40/20/10 %); equal totals take the better grade',
  },
);

@ObjectType({ description: 'How many appraisals got one grade' })
export class GradeCount {
  @Field(() => GradeEnum, { description: 'The grade' })
  grade: Grade;

  @Field(() => Int, { description: 'Appraisals with this grade' })
  count: number;
}

@ObjectType({
  description: 'How many appraisals got each grade (calibrated or published), and how many have none yet',
})
export class GradeDistribution {
  @Field(() => [GradeCount], { description: 'One entry per grade S to D' })
  counts: GradeCount[];

  @Field(() => Int, { description: 'Appraisals not graded yet' })
  ungraded: number;

  @Field(() => Int, { description: 'Appraisals counted, graded or not' })
  total: number;
}

@ObjectType({ description: 'Minimum totals of S, A, B and C; below C is D' })
@InputType('GradeThresholdsInput', {
  description: 'Minimum totals (0–100) of S, A, B and C, each below the one before; below C is D',
})
export class GradeThresholds {
  @Field(() => Int, {
    description:
      'S: the minimum total 0–100 under thresholds (default 90), or the percent of the department under shares (default 10)',
  })
  S: number;
  @Field(() => Int, {
    description:
      'A: the minimum total under thresholds (default 80), or the percent of the department under shares (default 20)',
  })
  A: number;
  @Field(() => Int, {
    description:
      'B: the minimum total under thresholds (default 70), or the percent of the department under shares (default 40)',
  })
  B: number;
  @Field(() => Int, {
    description:
      'C: the minimum total under thresholds (default 60; below it is D), or the percent of the department under shares (default 20)',
  })
  C: number;
}

@ObjectType({ description: 'A department’s share (percent) of each grade under a forced distribution' })
@InputType('GradeSharesInput', {
  description: 'Percent of a department given each grade under a forced distribution; the five total 100',
})
export class GradeShares extends GradeThresholds {
  @Field(() => Int, {
    description: 'Percent of the department graded D (default 10); the five shares total 100',
  })
  D: number;
}

@ObjectType({ description: 'How an appraisal cycle turns totals into grades' })
export class GradingPolicyType {
  @Field(() => GradingModeEnum, { description: 'Which of the two policies grades the cycle' })
  mode: GradingMode;

  @Field(() => GradeThresholds, { description: 'The thresholds used under THRESHOLDS' })
  thresholds: GradeThresholds;

  @Field(() => GradeShares, { description: 'The shares used under FORCED_DISTRIBUTION' })
  shares: GradeShares;
}

@ObjectType({ description: 'The dates of a cycle, in order' })
@InputType('CycleCalendarInput', { description: 'The dates of a cycle, each on or after the one before' })
export class CycleCalendar {
  @Field(() => GraphQLLocalDate, { description: 'Day self-reviews are due (LocalDate)' })
  selfReviewDue: string;

  @Field(() => GraphQLLocalDate, {
    description: 'Day manager reviews are due (LocalDate); on or after selfReviewDue',
  })
  managerReviewDue: string;

  @Field(() => GraphQLLocalDate, {
    description: 'Day calibration must be done (LocalDate); on or after managerReviewDue',
  })
  calibrationDue: string;

  @Field(() => GraphQLLocalDate, {
    description: 'Day results are published (LocalDate); on or after calibrationDue',
  })
  publicationDate: string;
}

@ObjectType({ description: 'An appraisal period for a department or the whole centre, with its calendar' })
export class AppraisalCycle {
  @Field(() => ID, { description: 'The cycle’s id' })
  id: string;

  @Field(() => CycleKindEnum, { description: 'Monthly, quarterly or annual; fixes the format of period' })
  kind: CycleKind;

  @Field({ description: 'YYYY-MM, YYYY-Qn or YYYY' })
  period: string;

  @Field(() => GradingPolicyType, {
    description: 'How totals become grades in this cycle: thresholds or a forced distribution',
  })
  grading: GradingPolicyType;

  @Field(() => Int, { description: 'Percent of the total that 工作能力 (ability) carries' })
  abilityWeight: number;

  @Field(() => Int, {
    description: 'Optimistic-lock version: pass it as expectedVersion to change the cycle',
  })
  version: number;

  departmentId: string | null;
}

@ObjectType({ description: 'The cycle covering a department in a period, with that department’s grades' })
export class DepartmentAppraisalCycle {
  @Field(() => AppraisalCycle, { description: 'The appraisal cycle' })
  cycle: AppraisalCycle;

  @Field(() => GradeDistribution, {
    description: 'How the department’s appraisals of the cycle are spread over the grades',
  })
  gradeDistribution: GradeDistribution;
}
