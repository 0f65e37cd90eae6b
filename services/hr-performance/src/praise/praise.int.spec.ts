// Praise letters (表揚) from the ticket topic reach the appraisal of each credited employee for the month they were
// credited in; a correction moves a letter between people, late or re-sent events change nothing.
import type { DomainEvent } from '@opsgraph/contracts-events';
import { TicketStory } from '@opsgraph/contracts-events/testing';
import { Role } from '@opsgraph/domain';
import { startHarness, type Harness } from '../testing/harness';
import { praiseProjection } from './praise.projection';

const HR = { role: Role.HR };
const at = (day: string) => `2025-${day}T09:00:00.000Z`;

describe('praise credited to employees', () => {
  let svc: Harness;
  let ana: string;
  let bo: string;

  const consumed = () =>
    svc.ticketTopicConsumed(praiseProjection('UTC').groupId('hr-performance', svc.namespace));
  const praiseOf = async (employeeId: string, period: string) => {
    const { employee } = await svc.ok<{
      employee: { appraisals: { period: string; praiseCount: number | null }[] };
    }>(
      'query ($id: ID!) { employee(id: $id) { appraisals { period praiseCount } } }',
      { id: employeeId },
      HR,
    );
    return employee.appraisals.find((appraisal) => appraisal.period === period)?.praiseCount;
  };

  beforeAll(async () => {
    svc = await startHarness('hr-praise');
    const { createDepartment } = await svc.ok<{ createDepartment: { id: string } }>(
      'mutation ($input: CreateDepartmentInput!) { createDepartment(input: $input) { id } }',
      { input: { code: 'CS', name: 'Customer Service' } },
    );
    const hire = async (name: string) =>
      (
        await svc.ok<{ hireEmployee: { id: string } }>(
          'mutation ($input: HireEmployeeInput!) { hireEmployee(input: $input) { id } }',
          {
            input: {
              name,
              position: 'CS_SPECIALIST',
              departmentId: createDepartment.id,
              hireDate: '2024-01-01',
            },
          },
        )
      ).hireEmployee.id;
    ana = await hire('Ana');
    bo = await hire('Bo');
    for (const period of ['2025-03', '2025-04']) {
      const month = Number(period.slice(5));
      const next = `2025-${String(month + 1).padStart(2, '0')}`;
      await svc.ok(
        'mutation ($input: OpenAppraisalCycleInput!) { openAppraisalCycle(input: $input) { id } }',
        {
          input: {
            kind: 'MONTHLY',
            period,
            departmentId: createDepartment.id,
            calendar: {
              selfReviewDue: `${next}-02`,
              managerReviewDue: `${next}-04`,
              calibrationDue: `${next}-06`,
              publicationDate: `${next}-08`,
            },
          },
        },
        HR,
      );
    }
  });
  afterAll(() => svc?.close());

  it('counts each letter for the credited employees in its month, whatever the order and repeats', async () => {
    const letter = new TicketStory({ kind: 'PRAISE', openedAt: at('03-04') }).praise(at('03-05'), [ana]);
    const shared = new TicketStory({ kind: 'PRAISE', openedAt: at('03-09') })
      .praise(at('03-10'), [ana, bo])
      .praise(at('03-11'), [bo], [ana, bo]); // a correction: Bo alone
    const april = new TicketStory({ kind: 'PRAISE', openedAt: at('04-01') }).praise(at('04-02'), [ana]);
    const [sharedOpened, sharedCredit, sharedCorrection] = shared.events;
    // The same credit again under a new event id (a producer retry after a lost acknowledgement).
    const resent = new TicketStory({
      kind: 'PRAISE',
      openedAt: at('03-04'),
      ticketId: letter.ticketId,
    }).praise(at('03-05'), [ana]);
    const events: DomainEvent[] = [
      ...letter.events,
      sharedOpened!,
      sharedCorrection!, // before the credit it corrects
      sharedCredit!,
      ...april.events,
      ...resent.events,
    ];
    await svc.publishTicketEvents(events);
    await consumed();

    expect(await praiseOf(ana, '2025-03')).toBe(1);
    expect(await praiseOf(bo, '2025-03')).toBe(1);
    expect(await praiseOf(ana, '2025-04')).toBe(1);
    expect(await praiseOf(bo, '2025-04')).toBe(0);
  });
});
