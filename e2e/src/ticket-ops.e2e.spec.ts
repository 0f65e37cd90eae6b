import { waitFor } from '@opsgraph/testing';
import { startStack, type Stack } from './support/stack';
import { buildWorld, type World } from './support/world';

// Issue #18 through the gateway: SLA calendars (docs/product.md §12.1), the knowledge base (§12.6), merging (§12.4).
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

describe('knowledge base', () => {
  it('an agent finds a published article by a Chinese keyword and links it to a ticket as its solution', async () => {
    const { draftKnowledgeArticle: drafted } = await world.agent.data<{
      draftKnowledgeArticle: { id: string; version: number };
    }>(
      'mutation ($input: DraftKnowledgeArticleInput!) { draftKnowledgeArticle(input: $input) { id version } }',
      {
        input: {
          title: '會議室投影儀無信號 Projector shows no signal',
          problem: '筆記本通過 HDMI 連接投影儀後,投影儀顯示「無信號」。',
          solution: '切換投影儀輸入源到 HDMI 1,並在筆記本上按 Win+P 選擇「複製」。',
          steps: ['按 Source 鍵選擇 HDMI 1', '按 Win+P 選擇複製', '仍無信號則更換備用線'],
          attachments: [{ label: 'Projector manual', url: 'https://support.example.com/projector.pdf' }],
          category: '辦公設備 Office equipment',
          tags: ['投影儀', 'projector'],
        },
      },
    );
    const { submitKnowledgeArticle: submitted } = await world.agent.data<{
      submitKnowledgeArticle: { version: number };
    }>('mutation ($input: KnowledgeArticleRefInput!) { submitKnowledgeArticle(input: $input) { version } }', {
      input: { articleId: drafted.id, expectedVersion: drafted.version },
    });
    await world.manager.data(
      'mutation ($input: KnowledgeArticleRefInput!) { approveKnowledgeArticle(input: $input) { status } }',
      { input: { articleId: drafted.id, expectedVersion: submitted.version } },
    );

    const { searchKnowledge } = await world.agent.data<{
      searchKnowledge: { edges: { node: { article: { id: string; title: string } } }[] };
    }>(
      'query ($q: String!) { searchKnowledge(query: $q, first: 5) { edges { node { article { id title } } } } }',
      {
        q: '投影儀 信號',
      },
    );
    expect(searchKnowledge.edges[0]?.node.article.id).toBe(drafted.id);

    const ticket = await world.openTicket(world.ids.customerA, {
      subject: 'Projector in room 3 shows no signal',
    });
    const { linkKnowledgeArticle } = await world.agent.data<{
      linkKnowledgeArticle: { solvedCount: number };
    }>(
      'mutation ($input: LinkKnowledgeArticleInput!) { linkKnowledgeArticle(input: $input) { solvedCount } }',
      { input: { articleId: drafted.id, ticketId: ticket.id } },
    );
    expect(linkKnowledgeArticle.solvedCount).toBe(1);
    const { ticket: view } = await world.agent.data<{ ticket: { solutions: { title: string }[] } }>(
      'query ($id: ID!) { ticket(id: $id) { solutions { title } } }',
      { id: ticket.id },
    );
    expect(view.solutions).toEqual([{ title: '會議室投影儀無信號 Projector shows no signal' }]);
  }, 60_000);
});

describe('merging duplicates', () => {
  it('the customer’s service history counts the merged pair once', async () => {
    const history = async () =>
      (
        await world.manager.data<{ customer: { serviceHistory: { ticketsTotal: number } } }>(
          'query ($id: ID!) { customer(id: $id) { serviceHistory { ticketsTotal } } }',
          { id: world.ids.customerB },
        )
      ).customer.serviceHistory.ticketsTotal;
    const survivor = await world.openTicket(world.ids.customerB, {
      subject: 'Wi-Fi drops in the meeting room',
    });
    const duplicate = await world.openTicket(world.ids.customerB, {
      subject: 'Wi-Fi keeps dropping (again)',
    });
    const before = await waitFor(history, (n) => n >= 2, { what: 'both tickets in the history' });
    await world.agent.data('mutation ($input: MergeTicketsInput!) { mergeTickets(input: $input) { id } }', {
      input: {
        survivor: { ticketId: survivor.id, expectedVersion: survivor.version },
        duplicates: [{ ticketId: duplicate.id, expectedVersion: duplicate.version }],
      },
    });
    expect(await waitFor(history, (n) => n === before - 1, { what: 'the pair counted once' })).toBe(
      before - 1,
    );
  }, 60_000);
});

describe('time tracking', () => {
  it('an agent logs time, the department’s report and the employee’s total show it', async () => {
    const ticket = await world.openTicket(world.ids.customerA, { subject: 'Printer on floor 2 jams' });
    const log = (input: Record<string, unknown>) =>
      world.agent.data<{ logTime: { minutes: number; employee: { id: string } } }>(
        'mutation ($input: LogTimeInput!) { logTime(input: $input) { minutes employee { id } } }',
        { input: { ticketId: ticket.id, ...input } },
      );
    // The ticket service learns the new employee from the HR topic: wait until it knows them.
    await waitFor(
      () =>
        log({ activity: 'DIAGNOSIS', minutes: 25 }).then(
          () => true,
          () => false,
        ),
      (done) => done,
      { what: 'the agent known to the ticket service' },
    );
    await log({ activity: 'REMOTE', minutes: 50, note: 'Cleared the queue remotely' });
    const refused = await world.agent.request(
      'mutation ($input: LogTimeInput!) { logTime(input: $input) { id } }',
      {
        input: { ticketId: ticket.id, activity: 'REMOTE', minutes: 2000 },
      },
    );
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.minutes' });

    const today = new Date().toISOString().slice(0, 10);
    const { timeSpent, employee } = await world.manager.data<{
      timeSpent: { byTicket: { ticketId: string; spent: { totalMinutes: number } }[] };
      employee: { timeSpent: { totalMinutes: number } | null };
    }>(
      `query ($filter: TimeSpentFilter!, $employee: ID!) {
         timeSpent(filter: $filter) { byTicket { ticketId spent { totalMinutes } } }
         employee(id: $employee) { timeSpent(from: "${today}", to: "${today}") { totalMinutes } } }`,
      {
        filter: { from: today, to: today, departmentId: world.ids.csDepartment },
        employee: world.ids.agent,
      },
    );
    expect(timeSpent.byTicket.find((t) => t.ticketId === ticket.id)?.spent.totalMinutes).toBe(75);
    expect(employee.timeSpent?.totalMinutes).toBeGreaterThanOrEqual(75);
  }, 60_000);
});
