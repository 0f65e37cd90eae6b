import { ForbiddenError, NotFoundError, requireCaller } from '@opsgraph/graphql-kit';
import { useCaseMutations } from '@opsgraph/service-kit';
import { Arg, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import type { HrPerformanceContext } from '../context';
import { Employee } from '../employees/employee.type';
import { isSelfOrManager } from '../employees/employee.access';
import { permissions } from '../permissions';
import { checkWindow } from '../training-plans/training-plan.resolver';
import { TrainingPlan } from './training-session.type';
import type { TrainingSessionRecord } from './training-session.entity';
import {
  AssessTraineeInput,
  IssueTrainingCertificateInput,
  RecordTrainingAttendanceInput,
  ScheduleTrainingSessionInput,
  TraineeInput,
} from './training-session.inputs';
import { EmployeeTraining, Trainee, TrainingEffect, TrainingSession } from './training-session.type';

const TRAINERS = permissions.rolesFor('MANAGE_TRAINING');

@Resolver(() => TrainingSession)
export class TrainingSessionResolver {
  @Query(() => TrainingSession, { description: 'One training session (any employee may read it)' })
  async trainingSession(
    @Arg('id', () => ID, { description: 'The session’s id' }) id: string,
    @Ctx() ctx: HrPerformanceContext,
  ): Promise<TrainingSessionRecord> {
    requireCaller(ctx);
    const [session] = await ctx.services.trainingSessions.findByIds([id]);
    if (!session) throw new NotFoundError('TrainingSession', id);
    return session;
  }

  @FieldResolver(() => TrainingPlan, { description: 'The training plan the session belongs to' })
  async plan(@Root() session: TrainingSessionRecord, @Ctx() ctx: HrPerformanceContext) {
    const [plan] = await ctx.services.trainingPlans.findByIds([session.planId]);
    return plan;
  }

  @FieldResolver(() => Int, { description: 'Employees enrolled, at most capacity' })
  enrolled(@Root() session: TrainingSessionRecord): number {
    return session.attendees.length;
  }

  @FieldResolver(() => [Trainee], {
    description: 'Attendance, assessment, certificates: HR, OPS_DIRECTOR, ADMIN',
  })
  attendees(@Root() session: TrainingSessionRecord, @Ctx() ctx: HrPerformanceContext): Trainee[] {
    permissions.require(requireCaller(ctx), 'SEE_ANY_TRAINING');
    return session.attendees;
  }

  @FieldResolver(() => TrainingEffect, { description: 'HR, OPS_DIRECTOR, ADMIN' })
  async effect(
    @Root() session: TrainingSessionRecord,
    @Arg('windowMonths', () => Int, {
      description: 'Length of each window in whole months before and after the session (default 3)',
      defaultValue: 3,
    })
    windowMonths: number,
    @Ctx() ctx: HrPerformanceContext,
  ): Promise<TrainingEffect> {
    permissions.require(requireCaller(ctx), 'SEE_ANY_TRAINING');
    const effect = await ctx.services.trainingSessions.effect(session, checkWindow(windowMonths));
    return {
      ...effect,
      beforeMonths: [...effect.windows.before],
      afterMonths: [...effect.windows.after],
      attendees: [...effect.attendees],
    };
  }
}

@Resolver(() => Employee)
export class EmployeeTrainingResolver {
  @FieldResolver(() => [EmployeeTraining], {
    description:
      'The sessions the employee was enrolled in, newest first: the employee, their managers and HR',
  })
  async trainings(@Root() employee: Employee, @Ctx() ctx: HrPerformanceContext): Promise<EmployeeTraining[]> {
    const caller = requireCaller(ctx);
    if (!permissions.can(caller, 'SEE_ANY_TRAINING')) {
      const chain = await ctx.services.employees.managerChainOf(employee.id);
      if (!isSelfOrManager(caller, employee.id, chain)) {
        throw new ForbiddenError('A training record is visible to the employee, their managers and HR');
      }
    }
    const sessions = await ctx.services.trainingSessions.attendedBy(employee.id);
    return sessions.map((session) => ({
      ...(session.attendees.find((trainee) => trainee.employeeId === employee.id) as Trainee),
      session: session as TrainingSession,
    }));
  }
}

export const TrainingSessionMutations = useCaseMutations(
  () => TrainingSession,
  (ctx: HrPerformanceContext) => ctx.services.trainingSessions,
  {
    scheduleTrainingSession: { useCase: 'schedule', input: ScheduleTrainingSessionInput, roles: TRAINERS },
    enrolInTraining: {
      useCase: 'enrol',
      input: TraineeInput,
      roles: TRAINERS,
      description: 'Enrols an active employee while places are left',
    },
    recordTrainingAttendance: {
      useCase: 'recordAttendance',
      input: RecordTrainingAttendanceInput,
      roles: TRAINERS,
    },
    assessTrainee: {
      useCase: 'assess',
      input: AssessTraineeInput,
      roles: TRAINERS,
      description: 'Exam score, practical result, feedback (attendees only)',
    },
    issueTrainingCertificate: {
      useCase: 'issueCertificate',
      input: IssueTrainingCertificateInput,
      roles: TRAINERS,
      description: 'For an attendee who passed (exam ≥ 60 or practical passed)',
    },
  },
);
