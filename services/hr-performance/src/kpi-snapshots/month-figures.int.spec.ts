// The KPI service's month snapshots on the real topic → an appraisal's KPI score (real PostgreSQL and Kafka):
// the running month's live updates move the live score, a close wins over every live update (before or after it),
// an older update, a redelivered event and the other snapshots on the topic (day cells, departments)
// change nothing.
import type { KpiSnapshotEvent } from '@opsgraph/contracts-events';
import { Role } from '@opsgraph/graphql-kit';
import { waitFor } from '@opsgraph/testing';
import { startHarness, type Harness } from '../testing/harness';
import { MARCH_FIGURES, snapshotFactory, type SnapshotFigures } from '../testing/kpi-snapshots';

const HR = { role: Role.HR };
const MONTH = '2025-03';

describe('KPI month snapshots → appraisal scores', () => {
  let svc: Harness;
  let ana: string;
  let cs: string;
  let published = 0;
  const snapshot = snapshotFactory();

  const processed = async (): Promise<number> =>
    (
      await svc.app.dataSource.query(
        "select count(*)::int as n from processed_events where consumer = 'hr-performance-kpi-snapshots'",
      )
    )[0].n;
  const publish = async (...events: KpiSnapshotEvent[]) => {
    await svc.publishSnapshotEvents(events);
    published += new Set(events.map((event) => event.eventId)).size;
    await waitFor(processed, (n) => n === published, { timeoutMs: 45_000, what: 'the snapshots' });
  };
  const scores = async () => {
    const result = await svc.gql<{
      employee: { appraisals: { kpiScore: number | null; customerScore: number | null }[] };
    }>('query ($id: ID!) { employee(id: $id) { appraisals { kpiScore customerScore } } }', { id: ana }, HR);
    expect(result.errors).toBeUndefined();
    return result.data?.employee.appraisals[0];
  };
  const stored = async () =>
    (
      await svc.app.dataSource.query(
        'select source, tickets from kpi_employee_months where employee_id = $1 and month = $2',
        [ana, MONTH],
      )
    )[0] ?? null;

  // Ana's March: kpiScore 78.24, customerScore 75 (worked out at MARCH_FIGURES).
  const march = MARCH_FIGURES;
  const live = (asOf: string, figures: SnapshotFigures) =>
    snapshot('LIVE', { employeeId: ana, month: MONTH, asOf, figures });

  beforeAll(async () => {
    svc = await startHarness('hr-month-figures');
    cs = (
      await svc.ok<{ createDepartment: { id: string } }>(
        `mutation ($input: CreateDepartmentInput!) { createDepartment(input: $input) { id } }`,
        { input: { code: 'CS', name: 'CS' } },
      )
    ).createDepartment.id;
    ana = (
      await svc.ok<{ hireEmployee: { id: string } }>(
        `mutation ($input: HireEmployeeInput!) { hireEmployee(input: $input) { id } }`,
        { input: { name: 'Ana', position: 'CS_SPECIALIST', departmentId: cs, hireDate: '2024-01-01' } },
      )
    ).hireEmployee.id;
    await svc.ok(`mutation ($input: OpenAppraisalCycleInput!) { openAppraisalCycle(input: $input) { id } }`, {
      input: {
        kind: 'MONTHLY',
        period: MONTH,
        departmentId: cs,
        calendar: {
          selfReviewDue: '2025-03-28',
          managerReviewDue: '2025-04-03',
          calibrationDue: '2025-04-07',
          publicationDate: '2025-04-10',
        },
      },
    });
  });

  afterAll(async () => {
    await svc?.close();
  });

  it('scores nothing before the KPI service published the month', async () => {
    expect(await scores()).toEqual({ kpiScore: null, customerScore: null });
  });

  it('follows the running month: the newer live update wins, an older one arriving later changes nothing', async () => {
    // two tickets, both resolved within SLA, one survey of 5 → 100 and 100
    await publish(
      live('2025-03-10T12:00:00.000Z', {
        tickets: 2,
        ticketsResolved: 2,
        resolutionRate: 1,
        slaBreachRate: 0,
        surveyCount: 1,
        csatAverage: 5,
      }),
    );
    expect(await scores()).toEqual({ kpiScore: 100, customerScore: 100 });
    const newer = live('2025-03-20T12:00:00.000Z', march);
    const older = live('2025-03-15T12:00:00.000Z', { ...march, tickets: 3, resolutionRate: 0 });
    await publish(newer, older);
    expect(await scores()).toEqual({ kpiScore: 78.24, customerScore: 75 });
    // the same event again (a redelivery) is skipped
    await svc.publishSnapshotEvents([older]);
    await publish(live('2025-03-01T00:00:00.000Z', { ...march, tickets: 1 }));
    expect(await scores()).toEqual({ kpiScore: 78.24, customerScore: 75 });
  });

  it('ignores the other snapshots on the topic: day cells, departments', async () => {
    await publish(
      snapshot('LIVE', {
        employeeId: ana,
        month: MONTH,
        asOf: '2025-03-25T12:00:00.000Z',
        periodKind: 'DAY',
        figures: { ...march, tickets: 50 },
      }),
      snapshot('LIVE', {
        employeeId: cs,
        month: MONTH,
        asOf: '2025-03-25T12:00:00.000Z',
        dimensionKind: 'DEPARTMENT',
        figures: { ...march, tickets: 50 },
      }),
    );
    expect(await stored()).toEqual({ source: 'LIVE', tickets: 4 });
  });

  it('takes the close over every live update, before or after it', async () => {
    // the close holds a complaint against her: quality mean(75, 75) = 75 → (75·25 + 66.67·20)/45 = 71.3
    await publish(
      snapshot('CLOSED', {
        employeeId: ana,
        month: MONTH,
        asOf: '2025-04-01T00:00:05.000Z',
        figures: { ...march, complaintsAgainst: 1 },
      }),
    );
    expect(await scores()).toEqual({ kpiScore: 71.3, customerScore: 75 });
    await publish(live('2025-04-01T00:00:30.000Z', { ...march, tickets: 9, resolutionRate: 1 }));
    expect(await stored()).toEqual({ source: 'CLOSED', tickets: 4 });
    expect(await scores()).toEqual({ kpiScore: 71.3, customerScore: 75 });
  });
});
