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
);

@ObjectType()
export class GradeCount {
  @Field(() => GradeEnum)
  grade: Grade;

  @Field(() => Int)
  count: number;
}

@ObjectType({
  description: 'How many appraisals got each grade (calibrated or published), and how many have none yet',
})
export class GradeDistribution {
  @Field(() => [GradeCount])
  counts: GradeCount[];

  @Field(() => Int)
  ungraded: number;

  @Field(() => Int)
  total: number;
}

@ObjectType({ description: 'Minimum totals of S, A, B and C; below C is D' })
@InputType('GradeThresholdsInput')
export class GradeThresholds {
  @Field(() => Int)
  S: number;
  @Field(() => Int)
  A: number;
  @Field(() => Int)
  B: number;
  @Field(() => Int)
  C: number;
}

@ObjectType({ description: 'A department’s share (percent) of each grade under a forced distribution' })
@InputType('GradeSharesInput')
export class GradeShares extends GradeThresholds {
  @Field(() => Int)
  D: number;
}

@ObjectType()
export class GradingPolicyType {
  @Field(() => GradingModeEnum)
  mode: GradingMode;

  @Field(() => GradeThresholds)
  thresholds: GradeThresholds;

  @Field(() => GradeShares)
  shares: GradeShares;
}

@ObjectType({ description: 'The dates of a cycle, in order' })
@InputType('CycleCalendarInput')
export class CycleCalendar {
  @Field(() => GraphQLLocalDate)
  selfReviewDue: string;

  @Field(() => GraphQLLocalDate)
  managerReviewDue: string;

  @Field(() => GraphQLLocalDate)
  calibrationDue: string;

  @Field(() => GraphQLLocalDate)
  publicationDate: string;
}

@ObjectType({ description: 'An appraisal period for a department or the whole centre, with its calendar' })
export class AppraisalCycle {
  @Field(() => ID)
  id: string;

  @Field(() => CycleKindEnum)
  kind: CycleKind;

  @Field({ description: 'YYYY-MM, YYYY-Qn or YYYY' })
  period: string;

  @Field(() => GradingPolicyType)
  grading: GradingPolicyType;

  @Field(() => Int, { description: 'Percent of the total that 工作能力 (ability) carries' })
  abilityWeight: number;

  @Field(() => Int)
  version: number;

  departmentId: string | null;
}

@ObjectType({ description: 'The cycle covering a department in a period, with that department’s grades' })
export class DepartmentAppraisalCycle {
  @Field(() => AppraisalCycle)
  cycle: AppraisalCycle;

  @Field(() => GradeDistribution)
  gradeDistribution: GradeDistribution;
}
