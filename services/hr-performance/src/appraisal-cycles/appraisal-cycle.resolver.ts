import { NotFoundError, requireCaller } from '@opsgraph/graphql-kit';
import { useCaseMutations } from '@opsgraph/service-kit';
import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import type { AppraisalRecord } from '../appraisals/appraisal.entity';
import { Appraisal } from '../appraisals/appraisal.type';
import { GRADES } from '../appraisals/grading.rules';
import type { HrPerformanceContext } from '../context';
import { Department } from '../departments/department.type';
import { permissions } from '../permissions';
import type { AppraisalCycleRecord } from './appraisal-cycle.entity';
import { CalibrateAppraisalCycleInput, OpenAppraisalCycleInput } from './appraisal-cycle.inputs';
import {
  AppraisalCycle,
  CycleCalendar,
  DepartmentAppraisalCycle,
  GradeDistribution,
} from './appraisal-cycle.type';

const MANAGERS_OF_APPRAISALS = permissions.rolesFor('MANAGE_APPRAISALS');

function distributionOf(appraisals: readonly AppraisalRecord[]): GradeDistribution {
  return {
    counts: GRADES.map((grade) => ({ grade, count: appraisals.filter((a) => a.grade === grade).length })),
    ungraded: appraisals.filter((appraisal) => appraisal.grade === null).length,
    total: appraisals.length,
  };
}

@Resolver(() => AppraisalCycle)
export class AppraisalCycleResolver {
  @Query(() => AppraisalCycle, { description: 'One appraisal cycle: HR, OPS_DIRECTOR and ADMIN' })
  async appraisalCycle(
    @Arg('id', () => ID, { description: 'The cycle’s id' }) id: string,
    @Ctx() ctx: HrPerformanceContext,
  ): Promise<AppraisalCycleRecord> {
    permissions.require(requireCaller(ctx), 'SEE_ANY_APPRAISAL');
    const [cycle] = await ctx.services.appraisalCycles.findByIds([id]);
    if (!cycle) throw new NotFoundError('AppraisalCycle', id);
    return cycle;
  }

  @Query(() => [AppraisalCycle], {
    description:
      'Appraisal cycles, newest period first, optionally of one period: HR, OPS_DIRECTOR and ADMIN',
  })
  appraisalCycles(
    @Arg('period', () => String, {
      description: 'Only cycles of this period (YYYY-MM, YYYY-Qn or YYYY); null for all',
      nullable: true,
    })
    period: string | null,
    @Ctx() ctx: HrPerformanceContext,
  ): Promise<AppraisalCycleRecord[]> {
    permissions.require(requireCaller(ctx), 'SEE_ANY_APPRAISAL');
    return ctx.services.appraisalCycles.list(period);
  }

  @FieldResolver(() => CycleCalendar, {
    description: 'The cycle’s due dates: self review, manager review, calibration, publication',
  })
  calendar(@Root() cycle: AppraisalCycleRecord): CycleCalendar {
    const { selfReviewDue, managerReviewDue, calibrationDue, publicationDate } = cycle;
    return { selfReviewDue, managerReviewDue, calibrationDue, publicationDate };
  }

  @FieldResolver(() => Department, { nullable: true, description: 'null: the whole centre' })
  department(@Root() cycle: AppraisalCycleRecord, @Ctx() ctx: HrPerformanceContext) {
    return cycle.departmentId ? ctx.loaders.department.load(cycle.departmentId) : null;
  }

  @FieldResolver(() => GradeDistribution, { description: 'Grades of all the cycle’s appraisals' })
  async gradeDistribution(@Root() cycle: AppraisalCycleRecord, @Ctx() ctx: HrPerformanceContext) {
    return distributionOf(await ctx.services.appraisals.ofCycle(cycle.id));
  }

  @FieldResolver(() => [Appraisal], { description: 'The appraisals of the cycle the caller may see' })
  async appraisals(
    @Root() cycle: AppraisalCycleRecord,
    @Ctx() ctx: HrPerformanceContext,
  ): Promise<AppraisalRecord[]> {
    const all = await ctx.services.appraisals.ofCycle(cycle.id);
    return ctx.services.appraisals.visible(requireCaller(ctx), all);
  }
}

@Resolver(() => Department)
export class DepartmentAppraisalResolver {
  @FieldResolver(() => DepartmentAppraisalCycle, {
    nullable: true,
    description:
      'The cycle covering the department in a period (its own, else the centre-wide one) with the grade ' +
      'distribution of its members. Visible like the department’s KPI figures (aggregates only).',
  })
  async appraisalCycle(
    @Root() department: Department,
    @Arg('period', { description: 'YYYY-MM, YYYY-Qn or YYYY' }) period: string,
    @Ctx() ctx: HrPerformanceContext,
  ): Promise<{ cycle: AppraisalCycleRecord; gradeDistribution: GradeDistribution } | null> {
    await ctx.services.appraisalCycles.assertMaySeeDistribution(requireCaller(ctx), department.id);
    const cycle = await ctx.services.appraisalCycles.covering(department.id, period);
    if (!cycle) return null;
    const members = (await ctx.services.appraisals.ofCycle(cycle.id)).filter(
      (appraisal) => appraisal.departmentId === department.id,
    );
    return { cycle, gradeDistribution: distributionOf(members) };
  }
}

export const AppraisalCycleMutations = useCaseMutations(
  () => AppraisalCycle,
  (ctx: HrPerformanceContext) => ctx.services.appraisalCycles,
  {
    openAppraisalCycle: {
      useCase: 'open',
      input: OpenAppraisalCycleInput,
      roles: MANAGERS_OF_APPRAISALS,
      description: 'Opens a cycle and an appraisal for every active employee in its scope',
    },
    calibrateAppraisalCycle: {
      useCase: 'calibrate',
      input: CalibrateAppraisalCycleInput,
      roles: MANAGERS_OF_APPRAISALS,
      description: 'Takes the scores of the appraisals in CALIBRATION and grades them by the cycle’s policy',
    },
  },
);
