import { IsInt, IsOptional, Max, Min, ValidateNested } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';
import { CycleKindEnum } from '../appraisals/appraisal.type';
import type { GradingMode } from '../appraisals/grading.rules';
import type { CycleKind } from './appraisal-cycle.rules';
import { CycleCalendar, GradeShares, GradeThresholds, GradingModeEnum } from './appraisal-cycle.type';

@InputType({ description: 'Omitted parts take the defaults: thresholds 90/80/70/60, shares 10/20/40/20/10' })
export class GradingPolicyInput {
  @Field(() => GradingModeEnum, { nullable: true })
  mode?: GradingMode | null;

  @Field(() => GradeThresholds, { nullable: true })
  @IsOptional()
  @ValidateNested()
  thresholds?: GradeThresholds | null;

  @Field(() => GradeShares, { nullable: true })
  @IsOptional()
  @ValidateNested()
  shares?: GradeShares | null;
}

@InputType()
export class OpenAppraisalCycleInput {
  @Field(() => CycleKindEnum)
  kind: CycleKind;

  @Field({ description: 'YYYY-MM (MONTHLY), YYYY-Qn (QUARTERLY) or YYYY (ANNUAL)' })
  period: string;

  @Field(() => ID, { nullable: true, description: 'Omitted: the whole centre' })
  departmentId?: string | null;

  @Field(() => CycleCalendar)
  @ValidateNested()
  calendar: CycleCalendar;

  @Field(() => GradingPolicyInput, { nullable: true })
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

@InputType()
export class CalibrateAppraisalCycleInput {
  @Field(() => ID)
  cycleId: string;
}
