import { IsInt, IsOptional, Max, Min, ValidateNested } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';
import { CycleKindEnum } from '../appraisals/appraisal.type';
import type { GradingMode } from '../appraisals/grading.rules';
import type { CycleKind } from './appraisal-cycle.rules';
import { CycleCalendar, GradeShares, GradeThresholds, GradingModeEnum } from './appraisal-cycle.type';

@InputType({ description: 'Omitted parts take the defaults: thresholds 90/80/70/60, shares 10/20/40/20/10' })
export class GradingPolicyInput {
  @Field(() => GradingModeEnum, {
    description: 'THRESHOLDS or FORCED_DISTRIBUTION; null for THRESHOLDS',
    nullable: true,
  })
  mode?: GradingMode | null;

  @Field(() => GradeThresholds, {
    description: 'Grade thresholds for THRESHOLDS; null for the defaults',
    nullable: true,
  })
  @IsOptional()
  @ValidateNested()
  thresholds?: GradeThresholds | null;

  @Field(() => GradeShares, {
    description: 'Grade shares for FORCED_DISTRIBUTION; null for the defaults',
    nullable: true,
  })
  @IsOptional()
  @ValidateNested()
  shares?: GradeShares | null;
}

@InputType({
  description:
    'Opens an appraisal cycle for one department or the whole centre: one appraisal per ACTIVE employee in scope, at most one per employee and period (ADMIN, HR, OPS_DIRECTOR). Answers BAD_USER_INPUT with field, CONFLICT when the period is already open',
})
export class OpenAppraisalCycleInput {
  @Field(() => CycleKindEnum, { description: 'Monthly, quarterly or annual; the period must match it' })
  kind: CycleKind;

  @Field({ description: 'YYYY-MM (MONTHLY), YYYY-Qn (QUARTERLY) or YYYY (ANNUAL)' })
  period: string;

  @Field(() => ID, { nullable: true, description: 'Omitted: the whole centre' })
  departmentId?: string | null;

  @Field(() => CycleCalendar, { description: 'The cycle’s due dates, in order' })
  @ValidateNested()
  calendar: CycleCalendar;

  @Field(() => GradingPolicyInput, {
    description: 'How totals become grades; null for THRESHOLDS 90/80/70/60',
    nullable: true,
  })
  @IsOptional()
  @ValidateNested()
  grading?: GradingPolicyInput | null;

  @Field(() => Int, {
    nullable: true,
    description: 'Percent of the total for 工作能力 (ability); default 20',
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(100)
  abilityWeight?: number | null;
}

@InputType({
  description:
    'Grades every appraisal of a cycle in CALIBRATION by the cycle’s grading policy (ADMIN, HR, OPS_DIRECTOR). Answers NOT_FOUND, INVALID_TRANSITION when appraisals are not ready, CONFLICT for a stale expectedVersion',
})
export class CalibrateAppraisalCycleInput {
  @Field(() => ID, { description: 'The cycle to calibrate' })
  cycleId: string;
}
