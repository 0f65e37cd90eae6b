// Complaint handling through the subgraph on real PostgreSQL and Kafka (docs/product.md §11.2): corrective actions
// and the closure guard; refused changes write nothing; every event validates.
import { randomUUID } from 'node:crypto';
import { as, change, ids, mutation, openTicket, type TicketView } from '../test-support/fixtures';
import { startTicketHarness, type TicketHarness } from '../test-support/ticket-harness';

let harness: TicketHarness;
beforeAll(async () => {
  harness = await startTicketHarness('ticket-complaints', { env: { RUN_SLA_SCANNER: 'false' } });
});
afterAll(() => harness?.stop());

const ref = (ticket: TicketView) => ({ ticketId: ticket.id, expectedVersion: ticket.version });
const inAWeek = () => new Date(Date.now() + 7 * 86_400_000).toISOString();

const CLOSURE = `query($id: ID!) { ticket(id: $id) {
  version complaintClosure { ready missing messages }
  correctiveActions { id position status owner { id } evidence verifiedBy verificationNote overdue } } }`;
interface ClosureView {
  version: number;
  complaintClosure: { ready: boolean; missing: string[]; messages: string[] } | null;
  correctiveActions: { id: string; position: number; status: string; owner: { id: string } }[];
}
const closureOf = async (ticket: TicketView) =>
  (await harness.data<{ ticket: ClosureView }>(CLOSURE, { id: ticket.id }, as.manager)).ticket;

/** Audit lines and outbox rows of the ticket: what a refused change must leave as they were. */
async function footprint(ticketId: string): Promise<number[]> {
  const [row] = await harness.sql<{ audit: number; outbox: number; version: number }>(
    `select (select count(*)::int from audit_log where aggregate_id::text = $1) as audit,
            (select count(*)::int from outbox where aggregate_id::text = $1) as outbox,
            (select version from tickets where id::text = $1) as version`,
    [ticketId],
  );
  return [row.audit, row.outbox, row.version];
}

async function refused(
  name: string,
  inputType: string,
  input: Record<string, unknown>,
  claims = as.manager,
): Promise<Record<string, unknown> | undefined> {
  const result = await harness.gql(mutation(name, inputType), { input }, claims);
  return result.errors?.[0]?.extensions;
}

/** The owner (the agent) reports the action done. */
const complete = (ticket: TicketView, actionId: string, evidence: string) =>
  change(harness, 'completeCorrectiveAction', 'CompleteCorrectiveActionInput', { ...ref(ticket), actionId, evidence }, as.agent);

/** Each with its own root cause unless told (three of one cause within 30 days recur). */
async function investigatedComplaint(rootCause = `Cause ${randomUUID()}`): Promise<TicketView> {
  let ticket = await openTicket(harness, { kind: 'COMPLAINT', category: null, subject: 'Nobody called back' });
  ticket = await change(harness, 'assignTicket', 'AssignTicketInput', {
    ...ref(ticket),
    assigneeId: ids.agentEmployee,
  });
  return change(harness, 'recordComplaintInvestigation', 'RecordComplaintInvestigationInput', {
    ...ref(ticket),
    findings: 'The promised callback was not made',
    rootCause,
    responsibleDepartmentId: ids.serviceDesk,
    responsibleEmployeeId: ids.agentEmployee,
    correctiveAction: 'Hand-over checklist covers the callback queue',
    correctiveActionDueAt: inAWeek(),
  });
}

describe('the closure guard', () => {
  it('refuses to resolve a complaint, naming every missing piece, and writes nothing', async () => {
    let ticket = await openTicket(harness, { kind: 'COMPLAINT', category: null });
    ticket = await change(harness, 'assignTicket', 'AssignTicketInput', {
      ...ref(ticket),
      assigneeId: ids.agentEmployee,
    });
    const before = await footprint(ticket.id);
    const error = await refused('resolveTicket', 'ResolveTicketInput', {
      ...ref(ticket),
      resolutionSummary: 'Apologised',
    });
    expect(error).toEqual({
      code: 'INVALID_TRANSITION',
      currentState: 'ASSIGNED',
      missing: ['INVESTIGATION', 'CORRECTIVE_ACTION', 'FEEDBACK', 'FOLLOW_UP'],
    });
    expect(await footprint(ticket.id)).toEqual(before);
    expect((await closureOf(ticket)).complaintClosure).toMatchObject({
      ready: false,
      missing: ['INVESTIGATION', 'CORRECTIVE_ACTION', 'FEEDBACK', 'FOLLOW_UP'],
    });
  });

  it('other kinds are resolved as before and have no closure check', async () => {
    let ticket = await openTicket(harness);
    ticket = await change(harness, 'assignTicket', 'AssignTicketInput', { ...ref(ticket), assigneeId: ids.agentEmployee });
    ticket = await change(harness, 'resolveTicket', 'ResolveTicketInput', { ...ref(ticket), resolutionSummary: 'Fixed' });
    expect(ticket.status).toBe('RESOLVED');
    expect((await closureOf(ticket)).complaintClosure).toBeNull();
  });
});

describe('corrective actions', () => {
  it('are planned only after the investigation, for a known active owner, due ahead', async () => {
    let ticket = await openTicket(harness, { kind: 'COMPLAINT', category: null });
    const input = { description: 'Retrain', ownerId: ids.agentEmployee, dueAt: inAWeek() };
    expect(await refused('addCorrectiveAction', 'AddCorrectiveActionInput', { ...ref(ticket), ...input })).toEqual({
      code: 'INVALID_TRANSITION',
      currentState: 'NEW',
    });
    ticket = await investigatedComplaint();
    const before = await footprint(ticket.id);
    expect(
      await refused('addCorrectiveAction', 'AddCorrectiveActionInput', {
        ...ref(ticket),
        ...input,
        ownerId: '8d0f7a6e-1b2c-4d3e-9f40-5a6b7c8d9e0f',
      }),
    ).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.ownerId' });
    expect(
      await refused('addCorrectiveAction', 'AddCorrectiveActionInput', {
        ...ref(ticket),
        ...input,
        dueAt: new Date(Date.now() - 60_000).toISOString(),
      }),
    ).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.dueAt' });
    expect(await footprint(ticket.id)).toEqual(before);
  });

  it('the owner cannot verify their own action; a rejected one is done again; nothing is written on refusal', async () => {
    let ticket = await investigatedComplaint();
    ticket = await change(harness, 'addCorrectiveAction', 'AddCorrectiveActionInput', {
      ...ref(ticket),
      description: 'Add the callback queue to the hand-over checklist',
      ownerId: ids.agentEmployee,
      dueAt: inAWeek(),
    });
    const [action] = (await closureOf(ticket)).correctiveActions;
    expect(action).toMatchObject({ position: 1, status: 'OPEN', owner: { id: ids.agentEmployee } });

    ticket = await complete(ticket, action.id, 'Checklist v3');
    const before = await footprint(ticket.id);
    const ownerAsManager = { ...as.manager, employeeId: ids.agentEmployee };
    expect(
      await refused(
        'verifyCorrectiveAction',
        'VerifyCorrectiveActionInput',
        { ...ref(ticket), actionId: action.id, verdict: 'VERIFIED', note: 'Fine' },
        ownerAsManager,
      ),
    ).toMatchObject({ code: 'FORBIDDEN' });
    expect(await footprint(ticket.id)).toEqual(before);

    ticket = await change(harness, 'verifyCorrectiveAction', 'VerifyCorrectiveActionInput', {
      ...ref(ticket),
      actionId: action.id,
      verdict: 'REJECTED',
      note: 'Not yet used at the hand-over',
    });
    expect(
      await refused('verifyCorrectiveAction', 'VerifyCorrectiveActionInput', {
        ...ref(ticket),
        actionId: action.id,
        verdict: 'VERIFIED',
        note: 'x',
      }),
    ).toEqual({ code: 'INVALID_TRANSITION', currentState: 'REJECTED' });
    ticket = await complete(ticket, action.id, 'Signed hand-over sheets');
    expect((await closureOf(ticket)).correctiveActions[0]).toMatchObject({ status: 'DONE', evidence: 'Signed hand-over sheets' });
  });

  it('a complaint walked to verified closure: each step one event, all valid; resolved and closed at the end', async () => {
    let ticket = await investigatedComplaint();
    for (const description of ['Checklist covers the callback queue', 'Callback queue on the wallboard']) {
      ticket = await change(harness, 'addCorrectiveAction', 'AddCorrectiveActionInput', {
        ...ref(ticket),
        description,
        ownerId: ids.agentEmployee,
        dueAt: inAWeek(),
      });
    }
    for (const action of (await closureOf(ticket)).correctiveActions) {
      ticket = await complete(ticket, action.id, `Evidence for #${action.position}`);
      ticket = await change(harness, 'verifyCorrectiveAction', 'VerifyCorrectiveActionInput', {
        ...ref(ticket),
        actionId: action.id,
        verdict: 'VERIFIED',
        note: 'Checked on site',
      });
    }
    expect((await closureOf(ticket)).complaintClosure?.missing).toEqual(['FEEDBACK', 'FOLLOW_UP']);
    ticket = await change(
      harness,
      'giveComplaintFeedback',
      'GiveComplaintFeedbackInput',
      { ...ref(ticket), feedback: 'We apologised and changed the hand-over' },
      as.agent,
    );
    expect(
      await refused('resolveTicket', 'ResolveTicketInput', { ...ref(ticket), resolutionSummary: 'x' }),
    ).toMatchObject({ missing: ['FOLLOW_UP'] });
    ticket = await change(harness, 'recordComplaintFollowUp', 'RecordComplaintFollowUpInput', {
      ...ref(ticket),
      followUpAt: new Date().toISOString(),
      result: 'Satisfied with the change',
      satisfied: true,
    });
    expect((await closureOf(ticket)).complaintClosure).toEqual({ ready: true, missing: [], messages: [] });
    ticket = await change(harness, 'resolveTicket', 'ResolveTicketInput', {
      ...ref(ticket),
      resolutionSummary: 'Corrective actions verified',
    });
    ticket = await change(harness, 'closeTicket', 'CloseTicketInput', { ...ref(ticket), reason: 'AGENT' });
    expect(ticket.status).toBe('CLOSED');

    const events = await harness.eventsOf(ticket.id, 14);
    expect(events.map((event) => event.type)).toEqual([
      'ticket.opened',
      'ticket.acknowledged',
      'ticket.assigned',
      'ticket.complaint_investigated',
      'ticket.corrective_action_added',
      'ticket.corrective_action_added',
      'ticket.corrective_action_status_changed',
      'ticket.corrective_action_status_changed',
      'ticket.corrective_action_status_changed',
      'ticket.corrective_action_status_changed',
      'ticket.complaint_feedback_given',
      'ticket.complaint_follow_up_recorded',
      'ticket.resolved',
      'ticket.closed',
    ]);
    expect(events[8].data).toMatchObject({ from: 'OPEN', to: 'DONE', note: 'Evidence for #2' });
    expect(harness.invalidEvents).toEqual([]);
    const audit = await harness.sql<{ action: string }>(
      `select action from audit_log where aggregate_id = $1 and action like '%CORRECTIVE%' order by id`,
      [ticket.id],
    );
    expect(audit.map((row) => row.action)).toEqual([
      'ADD_CORRECTIVE_ACTION',
      'ADD_CORRECTIVE_ACTION',
      'COMPLETE_CORRECTIVE_ACTION',
      'VERIFY_CORRECTIVE_ACTION',
      'COMPLETE_CORRECTIVE_ACTION',
      'VERIFY_CORRECTIVE_ACTION',
    ]);
  });
});

describe('recurring causes (docs/product.md §11.3)', () => {
  it('the third complaint of one cause within the window publishes ticket.complaint_cause_recurring once', async () => {
    const cause = `Booking window not shared ${randomUUID().slice(0, 8)}`;
    const first = await investigatedComplaint(cause);
    const second = await investigatedComplaint(`  ${cause.toUpperCase()}. `);
    const third = await investigatedComplaint(cause);
    const fourth = await investigatedComplaint(cause);

    const events = await harness.eventsOf(third.id, 5);
    const recurring = events.filter((event) => event.type === 'ticket.complaint_cause_recurring');
    expect(recurring.map((event) => event.data)).toEqual([
      { rootCause: cause, category: null, count: 3, windowDays: 30, ticketIds: [first.id, second.id, third.id] },
    ]);
    expect(recurring[0].aggregateVersion).toBe(third.version);
    const all = await harness.sql<{ n: number }>(
      `select count(*)::int as n from outbox where event_type = 'ticket.complaint_cause_recurring'
          and aggregate_id = any($1::uuid[])`,
      [[first.id, second.id, third.id, fourth.id]],
    );
    expect(all).toEqual([{ n: 1 }]);
    expect(harness.invalidEvents).toEqual([]);
  });
});
