import { BadUserInputError, requireCaller } from '@opsgraph/graphql-kit';
import { useCaseMutations } from '@opsgraph/service-kit';
import { Arg, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import type { HrPerformanceContext } from '../context';
import { Department } from '../departments/department.type';
import { permissions } from '../permissions';
import { CreateTrainingPlanInput } from '../training-sessions/training-session.inputs';
import type { TrainingSessionRecord } from '../training-sessions/training-session.entity';
import {
  TrainingPlan,
  TrainingPlanEffect,
  TrainingSession,
} from '../training-sessions/training-session.type';
import type { TrainingPlanRecord } from './training-plan.entity';

@Resolver(() => TrainingPlan)
export class TrainingPlanResolver {
  @Query(() => [TrainingPlan], {
    description: 'Annual training plans, newest year first (any employee may read)',
  })
  trainingPlans(
    @Arg('departmentId', () => ID, {
      description: 'Only this department’s plans; null for all departments',
      nullable: true,
    })
    departmentId: string | null,
    @Arg('year', () => Int, { description: 'Only plans of this year; null for all years', nullable: true })
    year: number | null,
    @Ctx() ctx: HrPerformanceContext,
  ): Promise<TrainingPlanRecord[]> {
    requireCaller(ctx);
    return ctx.services.trainingPlans.list({ departmentId, year });
  }

  @FieldResolver(() => Department, { description: 'The department the plan is for' })
  department(@Root() plan: TrainingPlanRecord, @Ctx() ctx: HrPerformanceContext) {
    return ctx.loaders.department.load(plan.departmentId);
  }

  @FieldResolver(() => [TrainingSession], { description: 'The plan’s sessions' })
  sessions(
    @Root() plan: TrainingPlanRecord,
    @Ctx() ctx: HrPerformanceContext,
  ): Promise<TrainingSessionRecord[]> {
    return ctx.services.trainingSessions.ofPlans([plan.id]);
  }

  @FieldResolver(() => TrainingPlanEffect, {
    description: 'The attendees’ KPI change over equal windows around each session (HR, OPS_DIRECTOR, ADMIN)',
  })
  effect(
    @Root() plan: TrainingPlanRecord,
    @Arg('windowMonths', () => Int, {
      description: 'Length of each window in whole months before and after every session (default 3)',
      defaultValue: 3,
    })
    windowMonths: number,
    @Ctx() ctx: HrPerformanceContext,
  ): Promise<TrainingPlanEffect> {
    permissions.require(requireCaller(ctx), 'SEE_ANY_TRAINING');
    return ctx.services.trainingSessions.planEffect(plan.id, checkWindow(windowMonths));
  }
}

/** 1–12 months; anything else is a bad argument, not a crash. */
export function checkWindow(months: number): number {
  if (!Number.isInteger(months) || months < 1 || months > 12) {
    throw new BadUserInputError('A window is 1–12 months', 'windowMonths');
  }
  return months;
}

export const TrainingPlanMutations = useCaseMutations(
  () => TrainingPlan,
  (ctx: HrPerformanceContext) => ctx.services.trainingPlans,
  {
    createTrainingPlan: {
      useCase: 'create',
      input: CreateTrainingPlanInput,
      roles: permissions.rolesFor('MANAGE_TRAINING'),
      description: 'A department’s annual training plan (one per department and year)',
    },
  },
);
