import {
  TrainingAssessed,
  TrainingAttendanceRecorded,
  TrainingCertificateIssued,
  TrainingEnrolled,
  TrainingScheduled,
  type EventDefinition,
} from '@opsgraph/contracts-events';
import { BadUserInputError, ConflictError, InvalidTransitionError, type Clock } from '@opsgraph/domain';
import { type UnitOfWork, type WriteContext, type WriteTransaction } from '@opsgraph/service-kit';
import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import { EmployeeRepository } from '../employees/employee.repository';
import { isIsoDate } from '../employees/employee.rules';
import { KpiDefinitionRepository } from '../kpi-definitions/kpi-definition.repository';
import { monthOf } from '../calendar/month';
import { MonthFiguresRepository, monthKey } from '../kpi-snapshots/month-figures.repository';
import { TrainingPlanRepository } from '../training-plans/training-plan.repository';
import {
  attendeeEffect,
  DEFAULT_EFFECT_WINDOW_MONTHS,
  effectWindows,
  hasPassed,
  isEffectComplete,
  summarizeEffects,
  type AttendeeEffect,
  type EffectSummary,
  type EffectWindows,
} from './training-effect.rules';
import type {
  PracticalResult,
  Trainee,
  TrainingKind,
  TrainingSessionRecord,
} from './training-session.entity';
import { TRAINING_SESSION, TrainingSessionRepository } from './training-session.repository';

export interface ScheduleTrainingCommand {
  planId: string;
  title: string;
  kind: TrainingKind;
  startsOn: string;
  endsOn: string;
  trainer?: string | null;
  capacity: number;
}

export interface TraineeCommand {
  trainingId: string;
  expectedVersion: number;
  employeeId: string;
}

export interface AttendanceCommand extends TraineeCommand {
  attended: boolean;
}

export interface AssessmentCommand extends TraineeCommand {
  examScore?: number | null;
  practicalResult?: PracticalResult | null;
  feedback?: string | null;
}

export interface CertificateCommand extends TraineeCommand {
  issuedOn: string;
}

export interface TrainingEffect extends EffectSummary {
  readonly windows: EffectWindows;
  readonly complete: boolean;
  readonly attendees: readonly AttendeeEffect[];
}

const snapshot = (session: TrainingSessionRecord) => ({
  trainingId: session.id,
  planId: session.planId,
  departmentId: session.departmentId,
  title: session.title,
  kind: session.kind,
  startsOn: session.startsOn,
  endsOn: session.endsOn,
  capacity: session.capacity,
  enrolled: session.attendees.length,
});

/** Training sessions: scheduling, enrolment within capacity, attendance, assessment, certificates; their effect. */
export class TrainingSessionService {
  constructor(
    private readonly kit: {
      dataSource: DataSource;
      unitOfWork: UnitOfWork;
      clock: Clock;
      config: { kpiTimeZone: string };
    },
  ) {}

  private get reads(): TrainingSessionRepository {
    return new TrainingSessionRepository(this.kit.dataSource.manager);
  }

  findByIds(ids: readonly string[]): Promise<TrainingSessionRecord[]> {
    return this.reads.findByIds(ids);
  }

  ofPlans(planIds: readonly string[]): Promise<TrainingSessionRecord[]> {
    return this.reads.ofPlans(planIds);
  }

  attendedBy(employeeId: string): Promise<TrainingSessionRecord[]> {
    return this.reads.attendedBy(employeeId);
  }

  async schedule(context: WriteContext, command: ScheduleTrainingCommand): Promise<TrainingSessionRecord> {
    const title = command.title.trim();
    if (title.length === 0) throw new BadUserInputError('A session needs a title', 'input.title');
    if (!isIsoDate(command.startsOn))
      throw new BadUserInputError('Expected a date YYYY-MM-DD', 'input.startsOn');
    if (!isIsoDate(command.endsOn)) throw new BadUserInputError('Expected a date YYYY-MM-DD', 'input.endsOn');
    if (command.endsOn < command.startsOn) {
      throw new BadUserInputError('A session cannot end before it starts', 'input.endsOn');
    }
    if (!Number.isInteger(command.capacity) || command.capacity < 1 || command.capacity > 1000) {
      throw new BadUserInputError('Capacity is 1–1000 places', 'input.capacity');
    }
    return this.kit.unitOfWork.run(context, async (tx) => {
      const plan = await new TrainingPlanRepository(tx.manager).findById(command.planId);
      if (!plan) throw new BadUserInputError(`There is no training plan ${command.planId}`, 'input.planId');
      if (Number(command.startsOn.slice(0, 4)) !== plan.year) {
        throw new BadUserInputError(`The plan is for ${plan.year}`, 'input.startsOn');
      }
      const session: TrainingSessionRecord = {
        id: randomUUID(),
        planId: plan.id,
        departmentId: plan.departmentId,
        title,
        kind: command.kind,
        startsOn: command.startsOn,
        endsOn: command.endsOn,
        trainer: command.trainer?.trim() || null,
        capacity: command.capacity,
        attendees: [],
        version: 0,
        createdAt: tx.now,
        updatedAt: tx.now,
      };
      return tx.save(TRAINING_SESSION, null, {
        after: session,
        action: 'SCHEDULED',
        events: [{ definition: TrainingScheduled, data: snapshot(session) }],
        changes: snapshot(session),
      });
    });
  }

  enrol(context: WriteContext, command: TraineeCommand): Promise<TrainingSessionRecord> {
    return this.kit.unitOfWork.run(context, async (tx) => {
      const current = await tx.load(TRAINING_SESSION, command.trainingId, command.expectedVersion);
      if (current.attendees.some((trainee) => trainee.employeeId === command.employeeId)) {
        throw new ConflictError('The employee is already enrolled', { field: 'input.employeeId' });
      }
      if (current.attendees.length >= current.capacity) {
        throw new ConflictError(`The session is full (${current.capacity} places)`, {
          field: 'input.trainingId',
        });
      }
      const [employee] = await new EmployeeRepository(tx.manager).findByIds([command.employeeId]);
      if (employee?.status !== 'ACTIVE') {
        throw new BadUserInputError(`There is no active employee ${command.employeeId}`, 'input.employeeId');
      }
      const trainee: Trainee = {
        employeeId: employee.id,
        enrolledAt: tx.now.toISOString(),
        attended: null,
        examScore: null,
        practicalResult: null,
        feedback: null,
        certificateNumber: null,
        certificateIssuedOn: null,
      };
      const after = { ...current, attendees: [...current.attendees, trainee], updatedAt: tx.now };
      return save(tx, current, after, 'ENROLLED', TrainingEnrolled, { employeeId: employee.id });
    });
  }

  recordAttendance(context: WriteContext, command: AttendanceCommand): Promise<TrainingSessionRecord> {
    return this.changeTrainee(
      context,
      command,
      'ATTENDANCE_RECORDED',
      TrainingAttendanceRecorded,
      (trainee) => {
        if (trainee.certificateNumber !== null) {
          throw new InvalidTransitionError('A certified attendee’s attendance is final', 'CERTIFIED');
        }
        return { trainee: { ...trainee, attended: command.attended }, data: { attended: command.attended } };
      },
    );
  }

  assess(context: WriteContext, command: AssessmentCommand): Promise<TrainingSessionRecord> {
    const examScore = command.examScore ?? null;
    if (examScore !== null && !(examScore >= 0 && examScore <= 100)) {
      throw new BadUserInputError('An exam score is 0–100', 'input.examScore');
    }
    const practicalResult = command.practicalResult ?? null;
    const feedback = command.feedback?.trim() || null;
    if (examScore === null && practicalResult === null && feedback === null) {
      throw new BadUserInputError('Give an exam score, a practical result or feedback', 'input');
    }
    return this.changeTrainee(context, command, 'ASSESSED', TrainingAssessed, (trainee) => {
      if (trainee.attended !== true) {
        throw new InvalidTransitionError(
          'Only an attendee is assessed: record the attendance first',
          'NOT_ATTENDED',
        );
      }
      return {
        trainee: { ...trainee, examScore, practicalResult, feedback },
        data: { examScore, practicalResult },
      };
    });
  }

  issueCertificate(context: WriteContext, command: CertificateCommand): Promise<TrainingSessionRecord> {
    if (!isIsoDate(command.issuedOn))
      throw new BadUserInputError('Expected a date YYYY-MM-DD', 'input.issuedOn');
    return this.changeTrainee(
      context,
      command,
      'CERTIFICATE_ISSUED',
      TrainingCertificateIssued,
      (trainee, session) => {
        if (trainee.certificateNumber !== null) {
          throw new ConflictError(`Certificate ${trainee.certificateNumber} was already issued`, {
            field: 'input.employeeId',
          });
        }
        if (trainee.attended !== true || !hasPassed(trainee.examScore, trainee.practicalResult)) {
          throw new InvalidTransitionError(
            'A certificate needs attendance and a pass (exam ≥ 60 or practical passed)',
            'NOT_PASSED',
          );
        }
        if (command.issuedOn < session.endsOn) {
          throw new BadUserInputError('A certificate is issued after the session ends', 'input.issuedOn');
        }
        const certified = session.attendees.filter((t) => t.certificateNumber !== null).length;
        const certificateNumber = `TRN-${session.startsOn.slice(0, 4)}-${session.id.slice(0, 8).toUpperCase()}-${String(certified + 1).padStart(3, '0')}`;
        return {
          trainee: { ...trainee, certificateNumber, certificateIssuedOn: command.issuedOn },
          data: { certificateNumber, issuedOn: command.issuedOn },
        };
      },
    );
  }

  /** The session's effect: each attendee's KPI score over equal windows before and after it. */
  async effect(
    session: TrainingSessionRecord,
    windowMonths = DEFAULT_EFFECT_WINDOW_MONTHS,
  ): Promise<TrainingEffect> {
    const manager = this.kit.dataSource.manager;
    const windows = effectWindows(session.startsOn, session.endsOn, windowMonths);
    const attendees = await attendeeEffects(manager, session, windows);
    return {
      windows,
      complete: isEffectComplete(windows, monthOf(this.kit.clock(), this.kit.config.kpiTimeZone)),
      attendees,
      ...summarizeEffects(attendees),
    };
  }

  /** A plan's effect: every attendee of its sessions, each over their session's windows. */
  async planEffect(planId: string, windowMonths = DEFAULT_EFFECT_WINDOW_MONTHS): Promise<EffectSummary> {
    const sessions = await this.reads.ofPlans([planId]);
    const all: AttendeeEffect[] = [];
    for (const session of sessions) {
      all.push(...(await this.effect(session, windowMonths)).attendees);
    }
    return summarizeEffects(all);
  }

  private changeTrainee(
    context: WriteContext,
    command: TraineeCommand,
    action: string,
    event: EventDefinition,
    apply: (
      trainee: Trainee,
      session: TrainingSessionRecord,
    ) => { trainee: Trainee; data: Record<string, unknown> },
  ): Promise<TrainingSessionRecord> {
    return this.kit.unitOfWork.run(context, async (tx) => {
      const current = await tx.load(TRAINING_SESSION, command.trainingId, command.expectedVersion);
      const index = current.attendees.findIndex((trainee) => trainee.employeeId === command.employeeId);
      if (index === -1)
        throw new BadUserInputError('The employee is not enrolled in the session', 'input.employeeId');
      const { trainee, data } = apply(current.attendees[index], current);
      const attendees = current.attendees.map((existing, i) => (i === index ? trainee : existing));
      return save(tx, current, { ...current, attendees, updatedAt: tx.now }, action, event, {
        employeeId: command.employeeId,
        ...data,
      });
    });
  }
}

function save(
  tx: WriteTransaction,
  current: TrainingSessionRecord,
  after: TrainingSessionRecord,
  action: string,
  event: EventDefinition,
  data: Record<string, unknown>,
): Promise<TrainingSessionRecord> {
  return tx.save(TRAINING_SESSION, current, {
    after,
    action,
    events: [{ definition: event, data: { ...snapshot(after), ...data } }],
    changes: data,
  });
}

/** Attendees who attended, each with their KPI score in the windows (weights of their current position). */
async function attendeeEffects(
  manager: EntityManager,
  session: TrainingSessionRecord,
  windows: EffectWindows,
): Promise<AttendeeEffect[]> {
  const attended = session.attendees.filter((trainee) => trainee.attended === true);
  if (attended.length === 0) return [];
  const employees = await new EmployeeRepository(manager).findByIds(attended.map((t) => t.employeeId));
  const weights = new Map(
    (await new KpiDefinitionRepository(manager).all()).map((row) => [row.position, row.weights]),
  );
  const months = [...windows.before, ...windows.after];
  const figures = await new MonthFiguresRepository(manager).read(
    employees.flatMap((employee) => months.map((month) => ({ employeeId: employee.id, month }))),
  );
  const of = (employeeId: string, list: readonly string[]) =>
    list.flatMap((month) => {
      const found = figures.get(monthKey({ employeeId, month }));
      return found ? [found] : [];
    });
  return employees.map((employee) =>
    attendeeEffect(
      employee.id,
      of(employee.id, windows.before),
      of(employee.id, windows.after),
      weights.get(employee.position) as NonNullable<ReturnType<typeof weights.get>>,
    ),
  );
}
