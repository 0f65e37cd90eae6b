// Demo performance data (docs/product.md §HR-2), through the graph like the rest of the seed: last month's appraisal
// cycle of Customer Service taken through every step and published (forced distribution, improvement plans for
// C and D), this month's centre-wide cycle in progress, and a training session of Customer Service between the
// two whose effect on the attendees' KPI score is measured over one-month windows. Idempotent: skipped when last
// month's cycle exists.
import { waitFor } from '@opsgraph/testing';
import type { GraphClient } from '../support/graph-client';

export interface SeededEmployee {
  id: string;
  employeeNumber: string;
  position: string;
  department: { id: string; code: string };
}

export interface PerformanceSeedOptions {
  admin: GraphClient;
  /** A client acting as the employee (their role, their employee id). */
  clientOf: (employee: SeededEmployee) => Promise<GraphClient>;
  employees: readonly SeededEmployee[];
  departmentId: (code: string) => string;
  now: Date;
  log: (message: string) => void;
}

const DAY = 86_400_000;
const monthOf = (date: Date): string => date.toISOString().slice(0, 7);
const previousMonth = (month: string): string => {
  const [year, mm] = month.split('-').map(Number);
  return mm === 1 ? `${year - 1}-12` : `${year}-${String(mm - 1).padStart(2, '0')}`;
};
const nextMonth = (month: string): string => {
  const [year, mm] = month.split('-').map(Number);
  return mm === 12 ? `${year + 1}-01` : `${year}-${String(mm + 1).padStart(2, '0')}`;
};
/** A review score 2–5 that differs per employee and rater, the same on every run. */
const score = (key: string, salt: number): number =>
  2 + ([...key].reduce((sum, char) => sum + char.charCodeAt(0) * (salt + 1), salt) % 4);

type Appraisal = { id: string; version: number; grade: string | null; employee: { id: string } };

async function mutate(
  client: GraphClient,
  name: string,
  inputType: string,
  input: Record<string, unknown>,
  fields = 'id version',
) {
  const reply = await client.data<Record<string, { id: string; version: number }>>(
    `mutation ($input: ${inputType}!) { result: ${name}(input: $input) { ${fields} } }`,
    { input },
  );
  return reply.result;
}

/** The ticket KPI read model catches up asynchronously: wait until CS's figures stop moving. */
async function kpiSettled(admin: GraphClient, csId: string, months: string[]): Promise<void> {
  const read = async () =>
    JSON.stringify(
      await Promise.all(
        months.map((period) =>
          admin.data(
            'query ($id: ID!, $p: String) { department(id: $id) { kpi(period: $p) { ticketsHandled surveyCount } } }',
            {
              id: csId,
              p: period,
            },
          ),
        ),
      ),
    );
  let last = await read();
  await waitFor(
    async () => {
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      const now = await read();
      const stable = now === last;
      last = now;
      return stable;
    },
    (stable) => stable,
    { timeoutMs: 60_000, intervalMs: 0, what: 'the KPI read model to settle' },
  );
}

export async function seedPerformance(options: PerformanceSeedOptions): Promise<void> {
  const { admin, employees, now, log } = options;
  const csId = options.departmentId('CS');
  const current = monthOf(now);
  const last = previousMonth(current);
  const existing = await admin.data<{ department: { appraisalCycle: unknown } }>(
    'query ($id: ID!, $p: String!) { department(id: $id) { appraisalCycle(period: $p) { cycle { id } } } }',
    { id: csId, p: last },
  );
  if (existing.department.appraisalCycle) {
    log('performance: demo cycles present, nothing to add');
    return;
  }
  await kpiSettled(admin, csId, [previousMonth(last), last, current]);
  const byId = new Map(employees.map((employee) => [employee.id, employee]));
  const calendar = (month: string) => {
    const next = nextMonth(month);
    return {
      selfReviewDue: `${next}-03`,
      managerReviewDue: `${next}-05`,
      calibrationDue: `${next}-07`,
      publicationDate: `${next}-10`,
    };
  };

  // Last month, Customer Service: every step, published.
  const cycle = await mutate(admin, 'openAppraisalCycle', 'OpenAppraisalCycleInput', {
    kind: 'MONTHLY',
    period: last,
    departmentId: csId,
    calendar: calendar(last),
    grading: { mode: 'FORCED_DISTRIBUTION' },
  });
  const appraisalsOf = async () =>
    (
      await admin.data<{ appraisalCycle: { appraisals: Appraisal[] } }>(
        'query ($id: ID!) { appraisalCycle(id: $id) { appraisals { id version grade employee { id } } } }',
        { id: cycle.id },
      )
    ).appraisalCycle.appraisals;
  const appraisals = await appraisalsOf();
  const colleagues = appraisals.map((appraisal) => appraisal.employee.id);
  for (const [index, appraisal] of appraisals.entries()) {
    const employee = byId.get(appraisal.employee.id)!;
    const self = await options.clientOf(employee);
    const scores = (salt: number) => ({
      ability: score(employee.employeeNumber, salt),
      teamwork: score(employee.employeeNumber, salt + 1),
      attitude: score(employee.employeeNumber, salt + 2),
    });
    let step = { id: appraisal.id, version: appraisal.version };
    const next = async (
      client: GraphClient,
      name: string,
      inputType: string,
      extra: Record<string, unknown> = {},
    ) => {
      step = await mutate(client, name, inputType, {
        appraisalId: step.id,
        expectedVersion: step.version,
        ...extra,
      });
    };
    await next(self, 'startSelfReview', 'AppraisalStepInput');
    await next(self, 'submitSelfReview', 'SubmitReviewInput', {
      scores: scores(0),
      comment: 'My month in brief.',
    });
    const peers = [1, 2]
      .map((offset) => colleagues[(index + offset) % colleagues.length])
      .filter((id) => id !== employee.id);
    await next(admin, 'choosePeerReviewers', 'ChoosePeerReviewersInput', { reviewerIds: peers });
    for (const [salt, peerId] of peers.entries()) {
      await next(await options.clientOf(byId.get(peerId)!), 'submitPeerReview', 'SubmitReviewInput', {
        scores: scores(3 + salt),
      });
    }
    await next(admin, 'submitManagerReview', 'SubmitReviewInput', {
      scores: scores(7),
      comment: 'Discussed in our one-to-one.',
    });
  }
  await mutate(admin, 'calibrateAppraisalCycle', 'CalibrateAppraisalCycleInput', { cycleId: cycle.id });
  for (const appraisal of await appraisalsOf()) {
    let version = appraisal.version;
    if (appraisal.grade === 'C' || appraisal.grade === 'D') {
      ({ version } = await mutate(admin, 'setImprovementPlan', 'SetImprovementPlanInput', {
        appraisalId: appraisal.id,
        expectedVersion: version,
        goals: ['Resolve nine of ten tickets within their SLA', 'Follow up every survey below 3'],
        checkpoints: [
          { due: `${nextMonth(current)}-15`, description: 'Review the month’s figures with the manager' },
        ],
      }));
    }
    ({ version } = await mutate(admin, 'publishAppraisal', 'AppraisalStepInput', {
      appraisalId: appraisal.id,
      expectedVersion: version,
    }));
    await mutate(admin, 'addAppraisalFeedbackNote', 'AddFeedbackNoteInput', {
      appraisalId: appraisal.id,
      expectedVersion: version,
      heldOn: `${nextMonth(last)}-10`,
      note: 'Went through the result and next month’s focus together.',
    });
  }

  // This month, the whole centre: opened, a few self reviews started.
  const open = await mutate(admin, 'openAppraisalCycle', 'OpenAppraisalCycleInput', {
    kind: 'MONTHLY',
    period: current,
    calendar: calendar(current),
  });
  const { appraisalCycle } = await admin.data<{ appraisalCycle: { appraisals: Appraisal[] } }>(
    'query ($id: ID!) { appraisalCycle(id: $id) { appraisals { id version grade employee { id } } } }',
    { id: open.id },
  );
  const started = appraisalCycle.appraisals
    .filter((a) => byId.get(a.employee.id)?.department.code === 'CS')
    .slice(0, 3);
  for (const appraisal of started) {
    await mutate(
      await options.clientOf(byId.get(appraisal.employee.id)!),
      'startSelfReview',
      'AppraisalStepInput',
      {
        appraisalId: appraisal.id,
        expectedVersion: appraisal.version,
      },
    );
  }

  // A training between the two: one-month windows before and after it.
  const sessionDay = new Date(now.getTime() - 45 * DAY).toISOString().slice(0, 10);
  const plan = await mutate(admin, 'createTrainingPlan', 'CreateTrainingPlanInput', {
    departmentId: csId,
    year: Number(sessionDay.slice(0, 4)),
    title: 'Customer Service training plan',
    goals: ['Complaint handling and communication (溝通技巧)', 'Service process of the new ticket tool'],
  });
  let session = await mutate(admin, 'scheduleTrainingSession', 'ScheduleTrainingSessionInput', {
    planId: plan.id,
    title: 'Handling complaints on the hotline',
    kind: 'INTERNAL',
    startsOn: sessionDay,
    endsOn: sessionDay,
    trainer: 'Customer Service manager',
    capacity: 12,
  });
  const trainees = employees
    .filter((employee) => employee.department.code === 'CS' && employee.position === 'CS_SPECIALIST')
    .slice(0, 8);
  const trainee = async (
    name: string,
    inputType: string,
    employeeId: string,
    extra: Record<string, unknown> = {},
  ) => {
    session = await mutate(admin, name, inputType, {
      trainingId: session.id,
      expectedVersion: session.version,
      employeeId,
      ...extra,
    });
  };
  for (const [index, employee] of trainees.entries()) {
    await trainee('enrolInTraining', 'TraineeInput', employee.id);
    await trainee('recordTrainingAttendance', 'RecordTrainingAttendanceInput', employee.id, {
      attended: index !== 7,
    });
    if (index === 7) continue;
    const examScore = 30 + score(employee.employeeNumber, 11) * 10;
    await trainee('assessTrainee', 'AssessTraineeInput', employee.id, {
      examScore,
      practicalResult: examScore >= 70 ? 'PASSED' : 'FAILED',
      feedback: 'Useful role plays.',
    });
    if (examScore >= 60) {
      await trainee('issueTrainingCertificate', 'IssueTrainingCertificateInput', employee.id, {
        issuedOn: sessionDay,
      });
    }
  }
  log(
    `performance: ${appraisals.length} appraisals published for ${last}, ${current} open, 1 training session on ${sessionDay}`,
  );
}
