// The appraisal workflow against the real service: a CS specialist's March appraisal fed by the KPI service's
// month snapshots of her (published to the snapshot topic: live updates, then the close), self, peer and manager
// reviews, calibration, publication — then a restated close (a late survey) and a replay of the snapshot
// projection that move the stored month figures but never the published appraisal.
import { validateEvent, type KpiSnapshotEvent } from '@opsgraph/contracts-events';
import { Role } from '@opsgraph/graphql-kit';
import { waitFor } from '@opsgraph/testing';
import { monthFiguresProjection } from '../kpi-snapshots/month-figures.projection';
import { startHarness, type Harness } from '../testing/harness';
import { MARCH_FIGURES, snapshotFactory } from '../testing/kpi-snapshots';

type Caller = { role: Role; employeeId?: string };
const HR: Caller = { role: Role.HR };

const APPRAISAL = `id status version period periodKind kpiScore customerScore totalScore grade bonusCoefficient
  deductionRate scoresFrozen dimensions { dimension score }
  peerReviewSummary { requested submitted averageScores { ability teamwork attitude } }`;

interface AppraisalView {
  id: string;
  status: string;
  periodKind: string;
  version: number;
  kpiScore: number | null;
  customerScore: number | null;
  totalScore: number | null;
  grade: string | null;
  bonusCoefficient: number | null;
  deductionRate: number | null;
  scoresFrozen: boolean;
  dimensions: { dimension: string; score: number | null }[];
  peerReviewSummary: {
    requested: number;
    submitted: number;
    averageScores: { ability: number; teamwork: number; attitude: number } | null;
  };
}

/**
 * Ana's March as the KPI service publishes it (her tickets: 4 opened, 3 of them resolved now → resolution 75 %;
 * 1 of 3 resolutions missed its SLA; no complaints; surveys 5 and 3 → 4.0):
 * service quality = mean(75, 100) = 87.5; efficiency = 1 − 1/3 = 66.67; CS weighs them 25:20 →
 * kpiScore = (87.5·25 + 66.667·20)/45 = 78.24; customerScore = (4 − 1)/4 = 75.
 * Two live updates come first (the second one is the newer), the close wins over a live update that arrives after
 * it; a survey that arrives after publication restates the close (republished, read later): surveys 5, 3, 2.
 */
function march(ana: string): { onTime: KpiSnapshotEvent[]; lateSurvey: KpiSnapshotEvent[] } {
  const snapshot = snapshotFactory();
  const month = { employeeId: ana, month: '2025-03' };
  const closed = { ...MARCH_FIGURES, complaintsAgainst: 0 };
  return {
    onTime: [
      snapshot('LIVE', {
        ...month,
        asOf: '2025-03-04T10:00:00.000Z',
        figures: {
          ...closed,
          tickets: 1,
          ticketsResolved: 1,
          resolutionRate: 1,
          slaBreachRate: 0,
          surveyCount: 1,
          csatAverage: 5,
        },
      }),
      snapshot('LIVE', {
        ...month,
        asOf: '2025-03-31T23:59:00.000Z',
        figures: { ...closed, surveyCount: 1, csatAverage: 5 },
      }),
      snapshot('CLOSED', { ...month, asOf: '2025-04-01T00:00:05.000Z', figures: closed }),
      snapshot('LIVE', { ...month, asOf: '2025-04-01T00:00:30.000Z', figures: { ...closed, tickets: 9 } }),
    ],
    lateSurvey: [
      snapshot('CLOSED', {
        ...month,
        asOf: '2025-04-20T09:00:00.000Z',
        figures: { ...closed, surveyCount: 3, csatAverage: 10 / 3 },
      }),
    ],
  };
}

describe('hr-performance appraisals', () => {
  let svc: Harness;
  let cs: string;
  let mei: string; // CS manager
  let ana: string; // appraised
  let bo: string; // peer
  let chen: string; // peer
  let tom: string; // technician elsewhere
  let appraisalId: string;
  let cycleId: string;
  let late: KpiSnapshotEvent[];

  const processed = async (): Promise<number> =>
    (
      await svc.app.dataSource.query(
        "select count(*)::int as n from processed_events where consumer = 'hr-performance-kpi-snapshots'",
      )
    )[0].n;
  const writes = async (): Promise<number> =>
    (
      await svc.app.dataSource.query(
        'select (select count(*) from audit_log) + (select count(*) from outbox) + (select count(*) from appraisal_cycles) as n',
      )
    )[0].n;

  const appraisalsOf = (employeeId: string, caller: Caller) =>
    svc.gql<{ employee: { appraisals: AppraisalView[] | null } }>(
      `query ($id: ID!) { employee(id: $id) { appraisals { ${APPRAISAL} } } }`,
      { id: employeeId },
      caller,
    );
  const anasAppraisal = async (caller: Caller = HR): Promise<AppraisalView> => {
    const result = await appraisalsOf(ana, caller);
    expect(result.errors).toBeUndefined();
    return (result.data?.employee.appraisals ?? [])[0];
  };
  const mutate = (name: string, inputType: string, input: Record<string, unknown>, caller: Caller) =>
    svc.gql<Record<string, AppraisalView>>(
      `mutation ($input: ${inputType}!) { ${name}(input: $input) { ${APPRAISAL} } }`,
      { input },
      caller,
    );
  const step = async (name: string, inputType: string, input: Record<string, unknown>, caller: Caller) => {
    const version = (await anasAppraisal()).version;
    const result = await mutate(name, inputType, { appraisalId, expectedVersion: version, ...input }, caller);
    expect(result.errors).toBeUndefined();
    return result.data?.[name] as AppraisalView;
  };
  const as = (employeeId: string, role: Role = Role.AGENT): Caller => ({ role, employeeId });
  const openCycle = (input: Record<string, unknown>, caller: Caller = HR) =>
    svc.gql<{ openAppraisalCycle: { id: string } }>(
      `mutation ($input: OpenAppraisalCycleInput!) { openAppraisalCycle(input: $input) { id } }`,
      { input },
      caller,
    );
  const calendar = {
    selfReviewDue: '2025-03-28',
    managerReviewDue: '2025-04-03',
    calibrationDue: '2025-04-07',
    publicationDate: '2025-04-10',
  };

  beforeAll(async () => {
    svc = await startHarness('hr-appraisals');
    const department = async (code: string) =>
      (
        await svc.ok<{ createDepartment: { id: string } }>(
          `mutation ($input: CreateDepartmentInput!) { createDepartment(input: $input) { id } }`,
          { input: { code, name: code } },
        )
      ).createDepartment.id;
    const hire = async (name: string, position: string, departmentId: string, managerId?: string | null) =>
      (
        await svc.ok<{ hireEmployee: { id: string } }>(
          `mutation ($input: HireEmployeeInput!) { hireEmployee(input: $input) { id } }`,
          { input: { name, position, departmentId, hireDate: '2024-01-01', managerId } },
        )
      ).hireEmployee.id;
    cs = await department('CS');
    const tech = await department('TECH');
    mei = await hire('Mei', 'OPS_MANAGER', cs, null);
    ana = await hire('Ana', 'CS_SPECIALIST', cs, mei);
    bo = await hire('Bo', 'CS_SPECIALIST', cs, mei);
    chen = await hire('Chen', 'CS_SPECIALIST', cs, mei);
    tom = await hire('Tom', 'TECHNICIAN', tech, null);
    const snapshots = march(ana);
    late = snapshots.lateSurvey;
    await svc.publishSnapshotEvents(snapshots.onTime);
    await waitFor(processed, (n) => n === snapshots.onTime.length, {
      timeoutMs: 45_000,
      what: 'March snapshots',
    });
  });

  afterAll(async () => {
    await svc?.close();
  });

  it('refuses a bad cycle naming the field, and writes nothing', async () => {
    const before = await writes();
    const badPeriod = await openCycle({ kind: 'MONTHLY', period: '2025-Q1', departmentId: cs, calendar });
    expect(badPeriod.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.period' });
    const unordered = await openCycle({
      kind: 'MONTHLY',
      period: '2025-03',
      departmentId: cs,
      calendar: { ...calendar, publicationDate: '2025-04-01' },
    });
    expect(unordered.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.calendar.publicationDate',
    });
    const badShares = await openCycle({
      kind: 'MONTHLY',
      period: '2025-03',
      calendar,
      grading: { mode: 'FORCED_DISTRIBUTION', shares: { S: 50, A: 50, B: 50, C: 0, D: 0 } },
    });
    expect(badShares.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.grading.shares',
    });
    const agent = await openCycle({ kind: 'MONTHLY', period: '2025-03', calendar }, as(ana));
    expect(agent.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(await writes()).toBe(before);
  });

  it('opens a monthly cycle for the department: one OPEN appraisal per active member, with live scores', async () => {
    const opened = await openCycle({
      kind: 'MONTHLY',
      period: '2025-03',
      departmentId: cs,
      calendar,
      // stricter than the defaults, so that Ana's 71.17 is a C and needs a plan
      grading: { mode: 'THRESHOLDS', thresholds: { S: 95, A: 85, B: 75, C: 65 } },
    });
    expect(opened.errors).toBeUndefined();
    cycleId = opened.data?.openAppraisalCycle.id as string;
    const rows = await svc.app.dataSource.query('select employee_id from appraisals where cycle_id = $1', [
      cycleId,
    ]);
    expect(rows.map((row: { employee_id: string }) => row.employee_id).sort()).toEqual(
      [mei, ana, bo, chen].sort(),
    );

    const live = await anasAppraisal(as(ana));
    appraisalId = live.id;
    expect(live).toMatchObject({
      status: 'OPEN',
      period: '2025-03',
      periodKind: 'MONTHLY',
      kpiScore: 78.24,
      customerScore: 75,
      grade: null,
      scoresFrozen: false,
    });

    const { appraisalCycles } = await svc.ok<{ appraisalCycles: Record<string, unknown>[] }>(
      `{ appraisalCycles(period: "2025-03") { id kind period department { code } abilityWeight
         calendar { selfReviewDue publicationDate } grading { mode thresholds { S C } shares { S D } } } }`,
      {},
      HR,
    );
    expect(appraisalCycles).toEqual([
      {
        id: cycleId,
        kind: 'MONTHLY',
        period: '2025-03',
        department: { code: 'CS' },
        abilityWeight: 20,
        calendar: { selfReviewDue: '2025-03-28', publicationDate: '2025-04-10' },
        grading: { mode: 'THRESHOLDS', thresholds: { S: 95, C: 65 }, shares: { S: 10, D: 10 } },
      },
    ]);
    const agentList = await svc.gql('{ appraisalCycles { id } }', {}, as(ana));
    expect(agentList.errors?.[0].extensions?.code).toBe('FORBIDDEN');

    const again = await openCycle({ kind: 'MONTHLY', period: '2025-03', calendar });
    expect(again.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT' });
  });

  it('moves through the workflow; illegal moves and bad reviews are refused and write nothing', async () => {
    const before = await writes();
    const early = await mutate(
      'publishAppraisal',
      'AppraisalStepInput',
      { appraisalId, expectedVersion: 1 },
      HR,
    );
    expect(early.errors?.[0].extensions?.code).toBe('INVALID_TRANSITION');
    const notHers = await mutate(
      'startSelfReview',
      'AppraisalStepInput',
      { appraisalId, expectedVersion: 1 },
      as(bo),
    );
    expect(notHers.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(await writes()).toBe(before);

    expect((await step('startSelfReview', 'AppraisalStepInput', {}, as(ana))).status).toBe('SELF_REVIEW');
    const outOfScale = await mutate(
      'submitSelfReview',
      'SubmitReviewInput',
      { appraisalId, expectedVersion: 2, scores: { ability: 6, teamwork: 4, attitude: 4 } },
      as(ana),
    );
    expect(outOfScale.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(JSON.stringify(outOfScale.errors?.[0])).toMatch(/ability/);
    const selfReviewed = await step(
      'submitSelfReview',
      'SubmitReviewInput',
      { scores: { ability: 4, teamwork: 4, attitude: 4 }, comment: 'Kept first responses short' },
      as(ana),
    );
    expect(selfReviewed.status).toBe('MANAGER_REVIEW');

    const himself = await mutate(
      'choosePeerReviewers',
      'ChoosePeerReviewersInput',
      { appraisalId, expectedVersion: selfReviewed.version, reviewerIds: [ana] },
      as(mei, Role.OPS_MANAGER),
    );
    expect(himself.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.reviewerIds',
    });
    await step(
      'choosePeerReviewers',
      'ChoosePeerReviewersInput',
      { reviewerIds: [bo, chen] },
      as(mei, Role.OPS_MANAGER),
    );
    const stranger = await mutate(
      'submitPeerReview',
      'SubmitReviewInput',
      {
        appraisalId,
        expectedVersion: (await anasAppraisal()).version,
        scores: { ability: 1, teamwork: 1, attitude: 1 },
      },
      as(tom, Role.TECHNICIAN),
    );
    expect(stranger.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const requests = await svc.gql<{ peerReviewRequests: Record<string, unknown>[] }>(
      '{ peerReviewRequests { appraisalId period submitted employee { name } } }',
      {},
      as(bo),
    );
    expect(requests.data?.peerReviewRequests).toEqual([
      { appraisalId, period: '2025-03', submitted: false, employee: { name: 'Ana' } },
    ]);
    const none = await svc.gql<{ peerReviewRequests: unknown[] }>(
      '{ peerReviewRequests { appraisalId } }',
      {},
      as(tom, Role.TECHNICIAN),
    );
    expect(none.data?.peerReviewRequests).toEqual([]);
    await step(
      'submitPeerReview',
      'SubmitReviewInput',
      { scores: { ability: 4, teamwork: 5, attitude: 3 } },
      as(bo),
    );
    await step(
      'submitPeerReview',
      'SubmitReviewInput',
      { scores: { ability: 2, teamwork: 3, attitude: 5 }, comment: 'Could share more' },
      as(chen),
    );
    const reviewed = await step(
      'submitManagerReview',
      'SubmitReviewInput',
      { scores: { ability: 3, teamwork: 4, attitude: 3 } },
      as(mei, Role.OPS_MANAGER),
    );
    expect(reviewed.status).toBe('CALIBRATION');
  });

  it('shows the reviewee the peer reviews only aggregated', async () => {
    const own = await anasAppraisal(as(ana));
    expect(own.peerReviewSummary).toEqual({
      requested: 2,
      submitted: 2,
      averageScores: { ability: 3, teamwork: 4, attitude: 4 },
    });
    const query = `query ($id: ID!) { appraisal(id: $id) { peerReviews { reviewerId scores { ability } comment } peerReviewerIds } }`;
    const asAna = await svc.gql<{ appraisal: unknown }>(query, { id: appraisalId }, as(ana));
    expect(asAna.errors?.length).toBeGreaterThan(0);
    expect(asAna.errors?.every((error) => error.extensions?.code === 'FORBIDDEN')).toBe(true);
    expect(JSON.stringify(asAna.data)).not.toContain(bo);
    expect(JSON.stringify(asAna.data)).not.toContain(chen);
    const asManager = await svc.gql<{ appraisal: { peerReviews: { reviewerId: string }[] } }>(
      query,
      { id: appraisalId },
      as(mei, Role.OPS_MANAGER),
    );
    expect(asManager.errors).toBeUndefined();
    expect(asManager.data?.appraisal.peerReviews.map((review) => review.reviewerId).sort()).toEqual(
      [bo, chen].sort(),
    );
    // no event of Ana's appraisal names a peer reviewer
    const payloads: { payload: unknown }[] = await svc.app.dataSource.query(
      'select payload from outbox where aggregate_id = $1',
      [appraisalId],
    );
    expect(payloads.length).toBeGreaterThan(0);
    for (const { payload } of payloads) {
      expect(JSON.stringify(payload)).not.toContain(bo);
      expect(JSON.stringify(payload)).not.toContain(chen);
    }
  });

  it('calibrates from the read model and the reviews, and publishes a C only with an improvement plan', async () => {
    const calibrated = await svc.gql(
      `mutation ($input: CalibrateAppraisalCycleInput!) { calibrateAppraisalCycle(input: $input) { id gradeDistribution { counts { grade count } ungraded total } } }`,
      { input: { cycleId } },
      HR,
    );
    expect(calibrated.errors).toBeUndefined();
    // ability (4·20 + 3·50 + 3·30)/100 = 3.2 → 55; teamwork 4 → 75; attitude 3.5 → 62.5
    // five: (87.5·25 + 66.67·20 + 75·35 + 75·10 + 62.5·10)/100 = 75.21; total 0.8·75.21 + 0.2·55 = 71.17 → C (65–75)
    const appraisal = await anasAppraisal();
    expect(appraisal).toMatchObject({ kpiScore: 78.24, customerScore: 75, totalScore: 71.17, grade: 'C' });
    expect(Object.fromEntries(appraisal.dimensions.map((d) => [d.dimension, d.score]))).toEqual({
      SERVICE_QUALITY: 87.5,
      EFFICIENCY: 66.67,
      CUSTOMER_SATISFACTION: 75,
      TEAMWORK: 75,
      ATTITUDE: 62.5,
      ABILITY: 55,
    });

    const before = await writes();
    const unplanned = await mutate(
      'publishAppraisal',
      'AppraisalStepInput',
      { appraisalId, expectedVersion: appraisal.version },
      HR,
    );
    expect(unplanned.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(unplanned.errors?.[0].message).toMatch(/improvement plan/);
    expect(await writes()).toBe(before);

    await step(
      'setImprovementPlan',
      'SetImprovementPlanInput',
      {
        goals: ['Resolve within SLA in 9 of 10 tickets'],
        checkpoints: [{ due: '2025-04-30', description: 'Review April SLA share with Mei' }],
      },
      as(mei, Role.OPS_MANAGER),
    );
    const published = await step('publishAppraisal', 'AppraisalStepInput', {}, HR);
    expect(published).toMatchObject({
      status: 'PUBLISHED',
      scoresFrozen: true,
      grade: 'C',
      bonusCoefficient: 1,
      deductionRate: 0.2,
      totalScore: 71.17,
    });
  });

  it('never changes a published appraisal: not by a late survey, not by a replay', async () => {
    const frozen = await anasAppraisal();
    const march = async () =>
      (
        await svc.app.dataSource.query(
          `select source, survey_count as "surveyCount", csat_average as "csatAverage"
           from kpi_employee_months where employee_id = $1 and month = '2025-03'`,
          [ana],
        )
      )[0];
    expect(await march()).toEqual({ source: 'CLOSED', surveyCount: 2, csatAverage: 4 });

    const before = await processed();
    await svc.publishSnapshotEvents(late);
    await waitFor(processed, (n) => n === before + late.length, { what: 'the restated close' });
    // the stored March figures restate (5 + 3 + 2)/3 …
    const restated = await march();
    expect(restated.surveyCount).toBe(3);
    expect(restated.csatAverage).toBeCloseTo(10 / 3, 9);
    // … the published appraisal does not
    expect(await anasAppraisal()).toEqual(frozen);

    const total = await processed();
    await svc.app.replay('kpi-snapshots');
    await waitFor(processed, (n) => n === total, { timeoutMs: 60_000, what: 'the replay' });
    await svc.snapshotTopicConsumed(monthFiguresProjection().groupId('hr-performance', svc.namespace));
    expect((await march()).surveyCount).toBe(3);
    expect(await anasAppraisal()).toEqual(frozen);
    // unpublished appraisals stay live: Bo's (no snapshot) has no KPI score, but is not frozen
    const bos = (await appraisalsOf(bo, HR)).data?.employee.appraisals?.[0];
    expect(bos).toMatchObject({ status: 'OPEN', kpiScore: null, scoresFrozen: false });
  });

  it('corrects a published result only by an audited amendment from HR', async () => {
    const current = await anasAppraisal();
    const byAna = await mutate(
      'amendAppraisal',
      'AmendAppraisalInput',
      { appraisalId, expectedVersion: current.version, grade: 'B', reason: 'please' },
      as(ana),
    );
    expect(byAna.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const nothing = await mutate(
      'amendAppraisal',
      'AmendAppraisalInput',
      { appraisalId, expectedVersion: current.version, grade: 'C', reason: 'no change' },
      HR,
    );
    expect(nothing.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const amended = await step(
      'amendAppraisal',
      'AmendAppraisalInput',
      { grade: 'B', reason: 'A complaint-free month was miscounted' },
      HR,
    );
    expect(amended).toMatchObject({ status: 'PUBLISHED', grade: 'B', deductionRate: 0, totalScore: 71.17 });
    const [line] = await svc.app.dataSource.query(
      "select changes from audit_log where aggregate_id = $1 and action = 'AMENDED'",
      [appraisalId],
    );
    expect(line.changes).toMatchObject({
      reason: 'A complaint-free month was miscounted',
      before: { grade: 'C', totalScore: 71.17 },
      after: { grade: 'B', totalScore: 71.17 },
    });
    expect((await step('acknowledgeAppraisal', 'AppraisalStepInput', {}, as(ana))).status).toBe(
      'ACKNOWLEDGED',
    );
  });

  it('shows appraisals to the employee, their managers, HR and the director only', async () => {
    expect((await appraisalsOf(ana, as(ana))).data?.employee.appraisals).toHaveLength(1);
    expect((await appraisalsOf(ana, as(mei, Role.OPS_MANAGER))).data?.employee.appraisals).toHaveLength(1);
    expect((await appraisalsOf(ana, { role: Role.OPS_DIRECTOR })).data?.employee.appraisals).toHaveLength(1);
    for (const caller of [
      as(bo),
      as(tom, Role.TECHNICIAN),
      { role: Role.ANALYST },
      { role: Role.CUSTOMER },
    ]) {
      const result = await appraisalsOf(ana, caller);
      expect(result.errors?.[0].extensions?.code).toBe('FORBIDDEN');
      expect(result.data?.employee?.appraisals ?? null).toBeNull();
    }
    const distribution = await svc.gql<{
      department: {
        appraisalCycle: {
          cycle: { period: string };
          gradeDistribution: { counts: { grade: string; count: number }[]; ungraded: number; total: number };
        };
      };
    }>(
      `query ($id: ID!) { department(id: $id) { appraisalCycle(period: "2025-03") { cycle { period } gradeDistribution { counts { grade count } ungraded total } } } }`,
      { id: cs },
      { role: Role.ANALYST },
    );
    expect(distribution.errors).toBeUndefined();
    expect(distribution.data?.department.appraisalCycle.gradeDistribution).toEqual({
      counts: [
        { grade: 'S', count: 0 },
        { grade: 'A', count: 0 },
        { grade: 'B', count: 1 },
        { grade: 'C', count: 0 },
        { grade: 'D', count: 0 },
      ],
      ungraded: 3,
      total: 4,
    });
  });

  it('derives a quarterly result from the published monthly ones', async () => {
    const opened = await openCycle({
      kind: 'QUARTERLY',
      period: '2025-Q1',
      departmentId: cs,
      calendar: { ...calendar, selfReviewDue: '2025-04-01' },
    });
    expect(opened.errors).toBeUndefined();
    const quarterly = async () =>
      ((await appraisalsOf(ana, HR)).data?.employee.appraisals ?? []).find(
        (a) => a.status !== 'ACKNOWLEDGED',
      ) as AppraisalView;
    // live already: only March has a published result (71.17 total, 78.24 KPI, 75 customer) — January and February
    // have none and are not counted as zero
    expect(await quarterly()).toMatchObject({
      periodKind: 'QUARTERLY',
      totalScore: 71.17,
      kpiScore: 78.24,
      customerScore: 75,
    });
    const id = (await quarterly()).id;
    const move = async (name: string, inputType: string, extra: Record<string, unknown>, caller: Caller) => {
      const result = await mutate(
        name,
        inputType,
        { appraisalId: id, expectedVersion: (await quarterly()).version, ...extra },
        caller,
      );
      expect(result.errors).toBeUndefined();
    };
    const scores = { ability: 4, teamwork: 4, attitude: 4 };
    await move('startSelfReview', 'AppraisalStepInput', {}, as(ana));
    await move('submitSelfReview', 'SubmitReviewInput', { scores }, as(ana));
    await move('submitManagerReview', 'SubmitReviewInput', { scores }, as(mei, Role.OPS_MANAGER));
    const cycle = opened.data?.openAppraisalCycle.id;
    await svc.ok(
      `mutation ($input: CalibrateAppraisalCycleInput!) { calibrateAppraisalCycle(input: $input) { id } }`,
      {
        input: { cycleId: cycle },
      },
    );
    // 71.17 ≥ 70 → B under the default thresholds of this cycle
    expect(await quarterly()).toMatchObject({
      status: 'CALIBRATION',
      totalScore: 71.17,
      grade: 'B',
      dimensions: [],
    });
    // calibration may send it back: the taken scores and grade are dropped, the manager reviews again
    await move('returnAppraisalToManager', 'ReturnAppraisalInput', { reason: 'Add the Q1 project work' }, HR);
    expect(await quarterly()).toMatchObject({ status: 'MANAGER_REVIEW', grade: null, totalScore: 71.17 });
    const returned: { changes: { reason: string } }[] = await svc.app.dataSource.query(
      "select changes from audit_log where aggregate_id = $1 and action = 'RETURNED'",
      [id],
    );
    expect(returned.map((line) => line.changes.reason)).toEqual(['Add the Q1 project work']);
  });

  it('keeps the managers’ feedback notes, written by the managers or HR only', async () => {
    const note = (caller: Caller) =>
      mutate(
        'addAppraisalFeedbackNote',
        'AddFeedbackNoteInput',
        { appraisalId, expectedVersion: 12, heldOn: '2025-04-11', note: 'Talked through the SLA misses' },
        caller,
      );
    expect((await note(as(bo))).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await note(as(ana))).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await note(as(mei, Role.OPS_MANAGER))).errors).toBeUndefined();
    const { appraisal } = await svc.ok<{
      appraisal: { status: string; feedbackNotes: { heldOn: string; note: string }[] };
    }>('query ($id: ID!) { appraisal(id: $id) { status feedbackNotes { heldOn note } } }', {
      id: appraisalId,
    });
    // a note never moves the state or the result
    expect(appraisal).toEqual({
      status: 'ACKNOWLEDGED',
      feedbackNotes: [{ heldOn: '2025-04-11', note: 'Talked through the SLA misses' }],
    });
  });

  it('publishes valid appraisal events in version order', async () => {
    const rows: { payload: unknown; event_type: string; aggregate_version: number }[] =
      await svc.app.dataSource.query(
        'select payload, event_type, aggregate_version from outbox where aggregate_id = $1 order by id',
        [appraisalId],
      );
    for (const row of rows) expect(validateEvent(row.payload)).toMatchObject({ ok: true });
    expect(rows.map((row) => `${row.event_type}@${row.aggregate_version}`)).toEqual([
      'appraisal.opened@1',
      'appraisal.self_review_started@2',
      'appraisal.self_review_submitted@3',
      // 4–6: peers chosen and two peer reviews (audited, no event)
      'appraisal.manager_review_submitted@7',
      'appraisal.calibrated@8',
      // 9: improvement plan
      'appraisal.published@10',
      'appraisal.amended@11',
      'appraisal.acknowledged@12',
      // 13: the feedback note (audited, no event)
    ]);
  });
});
