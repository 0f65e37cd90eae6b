import { randomUUID } from 'node:crypto';
import { change, type Step } from './support/mutations';
import { startStack, type Stack } from './support/stack';
import { buildWorld, CONTACT, type World } from './support/world';

// Issue #17 through the gateway: references that must exist, a ticket's contact masked like the customer's, and a
// complaint walked from intake to verified closure (docs/product.md §11).
let stack: Stack;
let world: World;

beforeAll(async () => {
  stack = await startStack('e2e-complaints');
  world = await buildWorld(stack);
}, 180_000);

afterAll(() => stack?.stop());

type Client = World['agent'];

async function refusal(client: Client, mutation: string, input: Record<string, unknown>) {
  const inputType = `${mutation[0].toUpperCase()}${mutation.slice(1)}Input`;
  const reply = await client.request(
    `mutation ($input: ${inputType}!) { result: ${mutation}(input: $input) { id } }`,
    {
      input,
    },
  );
  return reply.errors?.[0]?.extensions;
}

describe('references must exist', () => {
  it('a made-up customer, department or assignee is refused with the field named, and nothing is written', async () => {
    const before = await world.ticketCount();
    const open = (overrides: Record<string, unknown>) =>
      refusal(world.agent, 'openTicket', {
        kind: 'CONSULTATION',
        channel: 'PHONE',
        subject: 'Opening hours',
        description: 'When is the hotline open?',
        customerId: world.ids.customerA,
        departmentId: world.ids.csDepartment,
        urgency: 'LOW',
        impact: 'LOW',
        ...overrides,
      });
    expect(await open({ customerId: randomUUID() })).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.customerId',
    });
    expect(await open({ departmentId: randomUUID() })).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.departmentId',
    });
    expect(await world.ticketCount()).toBe(before);

    const ticket = await world.openTicket(world.ids.customerA);
    expect(
      await refusal(world.manager, 'assignTicket', {
        ticketId: ticket.id,
        expectedVersion: ticket.version,
        assigneeId: randomUUID(),
      }),
    ).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.assigneeId' });
    const { ticket: after } = await world.admin.data<{ ticket: { version: number; assignee: null } }>(
      'query ($id: ID!) { ticket(id: $id) { version assignee { id } } }',
      { id: ticket.id },
    );
    expect(after).toEqual({ version: ticket.version, assignee: null });
  }, 60_000);
});

describe('a ticket’s contact', () => {
  it('is masked for a TECHNICIAN, as the customer service masks contacts', async () => {
    const ticket = await world.openTicket(world.ids.customerA);
    const technician = await world.as({
      role: 'TECHNICIAN',
      departmentId: world.ids.csDepartment,
      sub: 'e2e-tech',
    });
    const { ticket: read } = await technician.data<{ ticket: { contact: Record<string, string> } }>(
      'query ($id: ID!) { ticket(id: $id) { contact { name phone email } } }',
      { id: ticket.id },
    );
    expect(read.contact).toEqual({
      name: 'C***',
      phone: '+886*****5678',
      email: 'm***@jade-foods.example.com',
    });
    const { ticket: clear } = await world.agent.data<{ ticket: { contact: Record<string, string> } }>(
      'query ($id: ID!) { ticket(id: $id) { contact { phone } } }',
      { id: ticket.id },
    );
    expect(clear.contact.phone).toBe(CONTACT.phone);
  });
});

describe('a complaint from intake to verified closure', () => {
  it('is refused closure until investigated, its action verified by another, feedback given and followed up', async () => {
    const opened = await world.openTicket(world.ids.customerA, {
      kind: 'COMPLAINT',
      category: null,
      subject: 'Promised callback never came',
      description: 'I was promised a callback on Monday and nobody called.',
    });
    let ticket: Step = { ...opened, status: 'NEW' };
    const ref = () => ({ ticketId: ticket.id, expectedVersion: ticket.version });
    ticket = await change(world.manager, 'assignTicket', { ...ref(), assigneeId: world.ids.agent });
    expect(
      await refusal(world.manager, 'resolveTicket', { ...ref(), resolutionSummary: 'Sorry' }),
    ).toMatchObject({
      code: 'INVALID_TRANSITION',
      missing: ['INVESTIGATION', 'CORRECTIVE_ACTION', 'FEEDBACK', 'FOLLOW_UP'],
    });

    ticket = await change(world.manager, 'recordComplaintInvestigation', {
      ...ref(),
      findings: 'Call records show the callback was queued but never made.',
      rootCause: 'Callback queue not part of the shift hand-over',
      responsibleDepartmentId: world.ids.csDepartment,
      responsibleEmployeeId: world.ids.agent,
      correctiveAction: 'Put the callback queue on the hand-over checklist',
      correctiveActionDueAt: new Date(Date.now() + 7 * 86_400_000).toISOString(),
    });
    const added = await change(
      world.manager,
      'addCorrectiveAction',
      {
        ...ref(),
        description: 'Put the callback queue on the hand-over checklist',
        ownerId: world.ids.agent,
        dueAt: new Date(Date.now() + 7 * 86_400_000).toISOString(),
      },
      { fields: 'correctiveActions { id status }' },
    );
    ticket = added;
    const [action] = (added as unknown as { correctiveActions: { id: string; status: string }[] })
      .correctiveActions;
    expect(action.status).toBe('OPEN');
    ticket = await change(world.agent, 'completeCorrectiveAction', {
      ...ref(),
      actionId: action.id,
      evidence: 'Checklist v3 signed at the last three hand-overs',
    });
    // The owner does not verify their own work.
    const owner = await world.as({ role: 'OPS_MANAGER', employeeId: world.ids.agent, sub: 'e2e-owner' });
    expect(
      await refusal(owner, 'verifyCorrectiveAction', {
        ...ref(),
        actionId: action.id,
        verdict: 'VERIFIED',
        note: 'ok',
      }),
    ).toMatchObject({ code: 'FORBIDDEN' });
    ticket = await change(world.manager, 'verifyCorrectiveAction', {
      ...ref(),
      actionId: action.id,
      verdict: 'VERIFIED',
      note: 'Saw the checklist in use',
    });
    ticket = await change(world.agent, 'giveComplaintFeedback', {
      ...ref(),
      feedback: 'We apologised and explained the checklist change.',
    });
    ticket = await change(world.manager, 'recordComplaintFollowUp', {
      ...ref(),
      followUpAt: new Date().toISOString(),
      result: 'The customer confirmed callbacks now arrive.',
      satisfied: true,
    });
    ticket = await change(world.agent, 'resolveTicket', {
      ...ref(),
      resolutionSummary: 'Corrective action verified',
    });
    expect(ticket.status).toBe('RESOLVED');
    ticket = await change(world.customerA, 'closeTicket', { ...ref(), reason: 'CUSTOMER_CONFIRMED' });
    expect(ticket.status).toBe('CLOSED');

    const { ticket: read } = await world.manager.data<{
      ticket: {
        complaintClosure: { ready: boolean };
        correctiveActions: { status: string; owner: { id: string } }[];
      };
    }>(
      'query ($id: ID!) { ticket(id: $id) { complaintClosure { ready } correctiveActions { status owner { id } } } }',
      {
        id: ticket.id,
      },
    );
    expect(read).toEqual({
      complaintClosure: { ready: true },
      correctiveActions: [{ status: 'VERIFIED', owner: { id: world.ids.agent } }],
    });
  }, 60_000);
});
