import { startStack, type Stack } from './support/stack';
import { buildWorld, type World } from './support/world';

// Issue #18 through the gateway: SLA calendars (docs/product.md §12.1).
let stack: Stack;
let world: World;

beforeAll(async () => {
  stack = await startStack('e2e-ticket-ops');
  world = await buildWorld(stack);
}, 180_000);

afterAll(() => stack?.stop());

describe('SLA calendars', () => {
  it('a P1 opened on Friday evening is due on Monday within the department’s business hours', async () => {
    const { defineSlaCalendar } = await world.admin.data<{ defineSlaCalendar: { id: string } }>(
      `mutation ($input: DefineSlaCalendarInput!) { defineSlaCalendar(input: $input) { id } }`,
      {
        input: {
          name: '上海客服中心 Shanghai customer service',
          timeZone: 'Asia/Shanghai',
          hours: ['MON', 'TUE', 'WED', 'THU', 'FRI'].flatMap((weekday) => [
            { weekday, from: '09:00', to: '12:00' },
            { weekday, from: '13:00', to: '18:00' },
          ]),
          holidays: [{ date: '10-01', name: '國慶節' }],
          assignments: [{ scope: 'DEPARTMENT', key: world.ids.csDepartment }],
        },
      },
    );
    expect(defineSlaCalendar.id).toBeTruthy();

    // Opened (as a historical import, so the test does not depend on today's weekday) on Friday at 19:00 in Shanghai.
    const { openTicket } = await world.admin.data<{
      openTicket: { priority: string; sla: { responseDueAt: string; resolutionDueAt: string } };
    }>(
      'mutation ($input: OpenTicketInput!) { openTicket(input: $input) { priority sla { responseDueAt resolutionDueAt } } }',
      {
        input: {
          kind: 'FAULT',
          category: 'SYSTEM_FAULT',
          channel: 'HOTLINE',
          subject: 'Payments are down',
          description: 'No payment has gone through since 18:30.',
          customerId: world.ids.customerA,
          departmentId: world.ids.csDepartment,
          urgency: 'HIGH',
          impact: 'HIGH',
          occurredAt: '2026-11-27T11:00:00.000Z',
        },
      },
    );
    expect(openTicket.priority).toBe('P1');
    // Monday 09:15 and 09:00 + 3 h morning + 1 h after lunch = 14:00, Shanghai time.
    expect(openTicket.sla).toEqual({
      responseDueAt: '2026-11-30T01:15:00.000Z',
      resolutionDueAt: '2026-11-30T06:00:00.000Z',
    });
  }, 60_000);
});
