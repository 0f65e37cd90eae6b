// The ticket service end to end on real PostgreSQL and Kafka: each mutation persists, is audited and emits its
// event (read back from the topic and validated against its JSON Schema); rejected input leaves nothing behind.
import { waitFor } from '@opsgraph/testing';
import { randomUUID } from 'node:crypto';
import {
  as,
  change,
  ids,
  mutation,
  OPEN_TICKET,
  openInput,
  openTicket,
  type TicketView,
} from '../test-support/fixtures';
import { startTicketHarness, type TicketHarness } from '../test-support/ticket-harness';

let harness: TicketHarness;

beforeAll(async () => {
  harness = await startTicketHarness('ticket-api');
});
afterAll(async () => {
  await harness?.stop();
});

const count = async (table: string, where = 'true', params: unknown[] = []): Promise<number> => {
  const [{ n }] = await harness.sql<{ n: number }>(
    `select count(*)::int as n from ${table} where ${where}`,
    params,
  );
  return n;
};
const ref = (ticket: TicketView) => ({ ticketId: ticket.id, expectedVersion: ticket.version });

describe('openTicket', () => {
  it('persists the ticket with its number, priority and SLA deadlines, and emits ticket.opened', async () => {
    const before = Date.now();
    const ticket = await openTicket(harness);

    expect(ticket).toMatchObject({
      number: expect.stringMatching(/^TCK-\d{6}$/),
      kind: 'FAULT',
      category: 'SYSTEM_FAULT',
      priority: 'P2',
      status: 'NEW',
      version: 1,
      customer: { id: ids.customerA },
      department: { id: ids.serviceDesk },
      availableCommands: ['ACKNOWLEDGE', 'ASSIGN', 'ESCALATE'],
    });
    const responseDue = Date.parse(ticket.sla.responseDueAt) - Date.parse(ticket.createdAt);
    expect(responseDue).toBe(3600_000);
    expect(Date.parse(ticket.createdAt)).toBeGreaterThanOrEqual(before - 1000);

    const [row] = await harness.sql<{ status: string; version: number; contact_email: string }>(
      'select status, version, contact_email from tickets where id = $1',
      [ticket.id],
    );
    expect(row).toEqual({ status: 'NEW', version: 1, contact_email: 'li.wei@example.com' });

    const [opened] = await harness.eventsOf(ticket.id, 1);
    expect(opened).toMatchObject({
      type: 'ticket.opened',
      aggregateId: ticket.id,
      aggregateVersion: 1,
      actor: { id: `user-${ids.agentEmployee}`, role: 'AGENT' },
      data: {
        number: ticket.number,
        priority: 'P2',
        status: 'NEW',
        customerId: ids.customerA,
        assetId: null,
      },
    });
    expect(JSON.stringify(opened)).not.toContain('li.wei@example.com');
  });

  it('numbers tickets from one sequence', async () => {
    const [a, b] = [await openTicket(harness), await openTicket(harness)];
    expect(Number(b.number.slice(4)) - Number(a.number.slice(4))).toBe(1);
  });
});

describe('the lifecycle', () => {
  it('walks intake → resolution → reopen → transfer → close, one event and one audit entry per step', async () => {
    let ticket = await openTicket(harness);
    const step = async (name: string, inputType: string, input: Record<string, unknown> = {}) => {
      ticket = await change(harness, name, inputType, { ...ref(ticket), ...input });
      return ticket;
    };

    await step('acknowledgeTicket', 'AcknowledgeTicketInput');
    expect(ticket).toMatchObject({ status: 'ACKNOWLEDGED', version: 2, acknowledgedAt: expect.any(String) });
    await step('assignTicket', 'AssignTicketInput', {
      assigneeId: ids.agentEmployee,
      collaboratingDepartmentIds: [ids.fieldTech, ids.serviceDesk],
    });
    expect(ticket).toMatchObject({
      status: 'ASSIGNED',
      assignee: { id: ids.agentEmployee },
      collaboratingDepartments: [{ id: ids.fieldTech }],
    });
    await step('startTicketWork', 'StartTicketWorkInput');
    await step('awaitCustomer', 'AwaitCustomerInput', { reason: 'Which browser do you use?' });
    expect(ticket.sla.paused).toBe(true);
    await step('recordCustomerResponse', 'RecordCustomerResponseInput', { note: 'Firefox' });
    expect(ticket.sla.paused).toBe(false);
    await step('escalateTicket', 'EscalateTicketInput', { reason: 'Key account' });
    expect(ticket.escalationLevel).toBe(1);
    await step('resolveTicket', 'ResolveTicketInput', { resolutionSummary: 'Cache cleared' });
    expect(ticket).toMatchObject({
      status: 'RESOLVED',
      resolutionSummary: 'Cache cleared',
      availableCommands: ['CLOSE', 'REOPEN'],
    });
    await step('reopenTicket', 'ReopenTicketInput', { reason: 'It came back' });
    expect(ticket).toMatchObject({
      status: 'REOPENED',
      reopenCount: 1,
      resolvedAt: null,
      resolutionSummary: null,
    });
    await step('transferTicket', 'TransferTicketInput', {
      departmentId: ids.fieldTech,
      assigneeId: ids.techEmployee,
      reason: 'Needs an on-site visit',
    });
    expect(ticket).toMatchObject({
      status: 'ASSIGNED',
      department: { id: ids.fieldTech },
      collaboratingDepartments: [],
    });
    await step('startTicketWork', 'StartTicketWorkInput');
    await step('resolveTicket', 'ResolveTicketInput', { resolutionSummary: 'Router replaced' });
    await step('closeTicket', 'CloseTicketInput', { reason: 'AGENT' });
    expect(ticket).toMatchObject({ status: 'CLOSED', closeReason: 'AGENT', version: 13 });

    const expected = [
      ['ticket.opened', 'NEW'],
      ['ticket.acknowledged', 'ACKNOWLEDGED'],
      ['ticket.assigned', 'ASSIGNED'],
      ['ticket.status_changed', 'IN_PROGRESS'],
      ['ticket.status_changed', 'PENDING_CUSTOMER'],
      ['ticket.status_changed', 'IN_PROGRESS'],
      ['ticket.escalated', 'IN_PROGRESS'],
      ['ticket.resolved', 'RESOLVED'],
      ['ticket.reopened', 'REOPENED'],
      ['ticket.transferred', 'ASSIGNED'],
      ['ticket.status_changed', 'IN_PROGRESS'],
      ['ticket.resolved', 'RESOLVED'],
      ['ticket.closed', 'CLOSED'],
    ];
    const events = await harness.eventsOf(ticket.id, expected.length);
    expect(events.map((event) => [event.type, (event.data as { status: string }).status])).toEqual(expected);
    expect(events.map((event) => event.aggregateVersion)).toEqual(expected.map((_, index) => index + 1));
    expect(events[4].data).toMatchObject({
      from: 'IN_PROGRESS',
      to: 'PENDING_CUSTOMER',
      reason: 'Which browser do you use?',
    });
    expect(events[7].data).toMatchObject({
      resolutionSummary: 'Cache cleared',
      withinSla: true,
      escalationLevel: 1,
    });
    expect(events[9].data).toMatchObject({
      fromDepartmentId: ids.serviceDesk,
      toDepartmentId: ids.fieldTech,
      toAssigneeId: ids.techEmployee,
    });
    expect(events[12].data).toMatchObject({ closedBy: 'AGENT', closedAt: expect.any(String) });

    const { ticket: audited } = await harness.data<{
      ticket: {
        history: {
          ticketVersion: number;
          action: string;
          fromStatus: string | null;
          toStatus: string;
          actorRole: string;
        }[];
      };
    }>(
      `query($id: ID!) { ticket(id: $id) { history { ticketVersion action fromStatus toStatus actorRole details } } }`,
      { id: ticket.id },
      as.manager,
    );
    expect(
      audited.history.map(
        (entry) => `${entry.ticketVersion} ${entry.action} ${entry.fromStatus}→${entry.toStatus}`,
      ),
    ).toEqual([
      '1 OPEN null→NEW',
      '2 ACKNOWLEDGE NEW→ACKNOWLEDGED',
      '3 ASSIGN ACKNOWLEDGED→ASSIGNED',
      '4 START_WORK ASSIGNED→IN_PROGRESS',
      '5 AWAIT_CUSTOMER IN_PROGRESS→PENDING_CUSTOMER',
      '6 CUSTOMER_RESPONDED PENDING_CUSTOMER→IN_PROGRESS',
      '7 ESCALATE IN_PROGRESS→IN_PROGRESS',
      '8 RESOLVE IN_PROGRESS→RESOLVED',
      '9 REOPEN RESOLVED→REOPENED',
      '10 TRANSFER REOPENED→ASSIGNED',
      '11 START_WORK ASSIGNED→IN_PROGRESS',
      '12 RESOLVE IN_PROGRESS→RESOLVED',
      '13 CLOSE RESOLVED→CLOSED',
    ]);
  });

  it('assigning a NEW ticket is its first response: ticket.acknowledged, then ticket.assigned', async () => {
    const opened = await openTicket(harness);
    const assigned = await change(
      harness,
      'assignTicket',
      'AssignTicketInput',
      { ...ref(opened), assigneeId: ids.agentEmployee },
      as.agent,
    );
    expect(assigned).toMatchObject({ status: 'ASSIGNED', version: 3, acknowledgedAt: expect.any(String) });
    const events = await harness.eventsOf(opened.id, 3);
    expect(events.map((event) => `${event.aggregateVersion} ${event.type}`)).toEqual([
      '1 ticket.opened',
      '2 ticket.acknowledged',
      '3 ticket.assigned',
    ]);
    expect(events[2].data).toMatchObject({ previousAssigneeId: null, assigneeId: ids.agentEmployee });
  });

  it('rejects a stale expectedVersion with CONFLICT and writes nothing', async () => {
    const opened = await openTicket(harness);
    const acknowledged = await change(harness, 'acknowledgeTicket', 'AcknowledgeTicketInput', ref(opened));
    const outboxBefore = await count('outbox');
    const response = await harness.gql(
      mutation('escalateTicket', 'EscalateTicketInput'),
      { input: { ticketId: opened.id, expectedVersion: 1, reason: 'Too slow' } },
      as.manager,
    );
    expect(response.errors?.[0].extensions).toMatchObject({
      code: 'CONFLICT',
      expectedVersion: 1,
      actualVersion: 2,
    });
    expect(await count('outbox')).toBe(outboxBefore);
    expect(
      await count('tickets', 'id = $1 and version = 2 and escalation_level = 0', [acknowledged.id]),
    ).toBe(1);
  });

  it('rejects an illegal transition with INVALID_TRANSITION naming the current state, and writes nothing', async () => {
    const opened = await openTicket(harness);
    const outboxBefore = await count('outbox');
    const response = await harness.gql(
      mutation('resolveTicket', 'ResolveTicketInput'),
      { input: { ...ref(opened), resolutionSummary: 'Done' } },
      as.manager,
    );
    expect(response.errors?.[0]).toMatchObject({
      message: 'RESOLVE is not allowed while the ticket is NEW',
      extensions: { code: 'INVALID_TRANSITION', currentState: 'NEW' },
    });
    expect(await count('outbox')).toBe(outboxBefore);
    expect(await count('audit_log', `aggregate_type = 'ticket' and aggregate_id = $1`, [opened.id])).toBe(1);
  });

  it('maps lifecycle rejections caused by the input to BAD_USER_INPUT on that field', async () => {
    const opened = await openTicket(harness, { departmentId: null });
    const response = await harness.gql(
      mutation('assignTicket', 'AssignTicketInput'),
      { input: { ...ref(opened), assigneeId: ids.agentEmployee } },
      as.manager,
    );
    expect(response.errors?.[0].extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'input.departmentId' });
  });
});

describe('rejected input', () => {
  it.each([
    ['a blank subject', { subject: '   ' }, 'input.subject'],
    ['a malformed customer id', { customerId: 'customer-1' }, 'input.customerId'],
    ['a FAULT without category', { category: null }, 'input.category'],
    ['a category on a non-fault', { kind: 'SUGGESTION' }, 'input.category'],
    ['a malformed email', { contact: { email: 'not-an-email' } }, 'input.contact.email'],
  ])(
    'openTicket with %s is BAD_USER_INPUT and leaves no ticket and no event',
    async (_, overrides, field) => {
      const [tickets, outbox] = [await count('tickets'), await count('outbox')];
      const response = await harness.gql(OPEN_TICKET, { input: openInput(overrides) }, as.agent);
      expect(response.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
      expect(response.data).toBeNull();
      expect([await count('tickets'), await count('outbox')]).toEqual([tickets, outbox]);
    },
  );

  it('a change with invalid input leaves the ticket, its history and the topic untouched', async () => {
    const opened = await openTicket(harness);
    await harness.eventsOf(opened.id, 1);
    const response = await harness.gql(
      mutation('submitTicketSurvey', 'SubmitTicketSurveyInput'),
      { input: { ...ref(opened), overall: 6, quality: 5, efficiency: 5, communication: 0 } },
      as.manager,
    );
    expect(response.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.overall' });
    expect((response.errors?.[0].extensions.violations as { field: string }[]).map((v) => v.field)).toEqual([
      'input.overall',
      'input.communication',
    ]);
    expect(await count('tickets', 'id = $1 and version = 1', [opened.id])).toBe(1);
    expect(await count('outbox', 'aggregate_id = $1', [opened.id])).toBe(1);
    expect(await count('ticket_surveys', 'ticket_id = $1', [opened.id])).toBe(0);
    // A later event of the same ticket arrives with version 2: nothing was published in between.
    await change(harness, 'acknowledgeTicket', 'AcknowledgeTicketInput', ref(opened));
    const events = await harness.eventsOf(opened.id, 2);
    expect(events.map((event) => event.type)).toEqual(['ticket.opened', 'ticket.acknowledged']);
  });
});

describe('records around a ticket', () => {
  async function inProgress(overrides: Record<string, unknown> = {}): Promise<TicketView> {
    const opened = await openTicket(harness, overrides);
    const assigned = await change(harness, 'assignTicket', 'AssignTicketInput', {
      ...ref(opened),
      assigneeId: ids.agentEmployee,
    });
    return change(harness, 'startTicketWork', 'StartTicketWorkInput', ref(assigned));
  }

  it('adds PUBLIC and INTERNAL progress; the customer never sees the internal note', async () => {
    let ticket = await inProgress();
    const updates = [
      { visibility: 'INTERNAL', body: 'Suspect the load balancer', by: as.agent },
      { visibility: 'PUBLIC', body: 'We are on it', by: as.agent },
      { visibility: 'PUBLIC', body: 'Thanks!', by: as.customerA },
    ];
    for (const { visibility, body, by } of updates) {
      const input = { ...ref(ticket), visibility, body };
      ticket = await change(harness, 'addTicketProgress', 'AddTicketProgressInput', input, by);
    }

    const read = `query($id: ID!) { ticket(id: $id) { progress { visibility body authorRole } } }`;
    const staffView = await harness.data<{ ticket: { progress: { body: string }[] } }>(
      read,
      { id: ticket.id },
      as.agent,
    );
    expect(staffView.ticket.progress.map((p) => p.body)).toEqual([
      'Suspect the load balancer',
      'We are on it',
      'Thanks!',
    ]);
    const customerView = await harness.data<{ ticket: { progress: { body: string; authorRole: string }[] } }>(
      read,
      { id: ticket.id },
      as.customerA,
    );
    expect(customerView.ticket.progress).toEqual([
      { visibility: 'PUBLIC', body: 'We are on it', authorRole: 'AGENT' },
      { visibility: 'PUBLIC', body: 'Thanks!', authorRole: 'CUSTOMER' },
    ]);

    const events = await harness.eventsOf(ticket.id, 7);
    const progress = events
      .filter((event) => event.type === 'ticket.progress_added')
      .map((event) => event.data);
    expect(progress).toMatchObject([
      { visibility: 'INTERNAL', body: 'Suspect the load balancer' },
      { visibility: 'PUBLIC', body: 'We are on it' },
      { visibility: 'PUBLIC', body: 'Thanks!' },
    ]);

    const internal = await harness.gql(
      mutation('addTicketProgress', 'AddTicketProgressInput'),
      { input: { ...ref(ticket), visibility: 'INTERNAL', body: 'psst' } },
      as.customerA,
    );
    expect(internal.errors?.[0].extensions.code).toBe('FORBIDDEN');
  });

  it('plans execution steps and completes them: versioned, audited and published', async () => {
    let ticket = await inProgress();
    const due = new Date(Date.now() + 86_400_000).toISOString();
    ticket = await change(harness, 'planTicketSteps', 'PlanTicketStepsInput', {
      ...ref(ticket),
      steps: [
        { title: 'Check logs', ownerId: ids.agentEmployee, dueAt: due },
        { title: 'Restart service' },
        { title: 'Confirm with customer' },
      ],
    });
    const read = `query($id: ID!) { ticket(id: $id) { plan { id position title owner { id } dueAt doneAt } } }`;
    const planned = await harness.data<{
      ticket: {
        plan: {
          id: string;
          position: number;
          title: string;
          owner: { id: string } | null;
          doneAt: string | null;
        }[];
      };
    }>(read, { id: ticket.id }, as.agent);
    expect(planned.ticket.plan.map((s) => [s.position, s.title, s.owner?.id ?? null])).toEqual([
      [1, 'Check logs', ids.agentEmployee],
      [2, 'Restart service', null],
      [3, 'Confirm with customer', null],
    ]);

    ticket = await change(harness, 'completeTicketStep', 'CompleteTicketStepInput', {
      ...ref(ticket),
      stepId: planned.ticket.plan[0].id,
    });
    ticket = await change(harness, 'planTicketSteps', 'PlanTicketStepsInput', {
      ...ref(ticket),
      steps: [{ title: 'Replace disk' }],
    });
    const replanned = await harness.data<typeof planned>(read, { id: ticket.id }, as.agent);
    expect(replanned.ticket.plan.map((s) => [s.position, s.title, s.doneAt !== null])).toEqual([
      [1, 'Check logs', true],
      [2, 'Replace disk', false],
    ]);
    expect(ticket.version).toBe(7);
    const planEvents = (await harness.eventsOf(ticket.id, 7)).slice(4);
    expect(planEvents.map((event) => [event.type, event.aggregateVersion])).toEqual([
      ['ticket.plan_updated', 5],
      ['ticket.plan_step_completed', 6],
      ['ticket.plan_updated', 7],
    ]);
    expect(planEvents[0].data).toMatchObject({
      doneStepCount: 0,
      openSteps: [
        { position: 1, title: 'Check logs', ownerId: ids.agentEmployee, dueAt: due },
        { position: 2, title: 'Restart service', ownerId: null, dueAt: null },
        { position: 3, title: 'Confirm with customer', ownerId: null, dueAt: null },
      ],
    });
    expect(planEvents[1].data).toMatchObject({ stepId: planned.ticket.plan[0].id, position: 1 });
    expect(planEvents[2].data).toMatchObject({
      doneStepCount: 1,
      openSteps: [{ position: 2, title: 'Replace disk' }],
    });
    expect(
      await count('audit_log', "aggregate_id = $1 and action in ('PLAN_STEPS', 'COMPLETE_STEP')", [
        ticket.id,
      ]),
    ).toBe(3);

    const again = await harness.gql(
      mutation('completeTicketStep', 'CompleteTicketStepInput'),
      { input: { ...ref(ticket), stepId: planned.ticket.plan[0].id } },
      as.agent,
    );
    expect(again.errors?.[0].extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'input.stepId' });
  });

  it('takes one satisfaction survey per resolved ticket and emits ticket.survey_submitted', async () => {
    let ticket = await inProgress();
    const early = await harness.gql(
      mutation('submitTicketSurvey', 'SubmitTicketSurveyInput'),
      { input: { ...ref(ticket), overall: 5, quality: 5, efficiency: 5, communication: 5 } },
      as.customerA,
    );
    expect(early.errors?.[0].extensions).toEqual({ code: 'INVALID_TRANSITION', currentState: 'IN_PROGRESS' });

    ticket = await change(harness, 'resolveTicket', 'ResolveTicketInput', {
      ...ref(ticket),
      resolutionSummary: 'Fixed',
    });
    ticket = await change(
      harness,
      'submitTicketSurvey',
      'SubmitTicketSurveyInput',
      {
        ...ref(ticket),
        overall: 4,
        quality: 5,
        efficiency: 3,
        communication: 4,
        comment: 'Quick and friendly',
      },
      as.customerA,
    );
    const second = await harness.gql(
      mutation('submitTicketSurvey', 'SubmitTicketSurveyInput'),
      { input: { ...ref(ticket), overall: 1, quality: 1, efficiency: 1, communication: 1 } },
      as.customerA,
    );
    expect(second.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT' });
    expect(await count('ticket_surveys', 'ticket_id = $1', [ticket.id])).toBe(1);

    const { ticket: read } = await harness.data<{ ticket: { survey: Record<string, unknown> } }>(
      `query($id: ID!) { ticket(id: $id) { survey { overall quality efficiency communication comment } } }`,
      { id: ticket.id },
      as.customerA,
    );
    expect(read.survey).toEqual({
      overall: 4,
      quality: 5,
      efficiency: 3,
      communication: 4,
      comment: 'Quick and friendly',
    });
    const events = await harness.eventsOf(ticket.id, 6);
    expect(events[5]).toMatchObject({
      type: 'ticket.survey_submitted',
      actor: { role: 'CUSTOMER' },
      data: {
        overall: 4,
        quality: 5,
        efficiency: 3,
        communication: 4,
        comment: 'Quick and friendly',
        status: 'RESOLVED',
      },
    });
  });

  it('records a complaint’s investigation and follow-up visit', async () => {
    let ticket = await openTicket(harness, { kind: 'COMPLAINT', category: null, subject: 'Rude technician' });
    const early = await harness.gql(
      mutation('recordComplaintFollowUp', 'RecordComplaintFollowUpInput'),
      {
        input: {
          ...ref(ticket),
          followUpAt: new Date().toISOString(),
          result: 'Called back',
          satisfied: true,
        },
      },
      as.manager,
    );
    expect(early.errors?.[0].extensions).toEqual({ code: 'INVALID_TRANSITION', currentState: 'NEW' });
    const byAgent = await harness.gql(
      mutation('recordComplaintInvestigation', 'RecordComplaintInvestigationInput'),
      {
        input: {
          ...ref(ticket),
          findings: 'x',
          rootCause: 'y',
          responsibleDepartmentId: ids.fieldTech,
          correctiveAction: 'z',
          correctiveActionDueAt: new Date().toISOString(),
        },
      },
      as.agent,
    );
    expect(byAgent.errors?.[0].extensions.code).toBe('FORBIDDEN');

    const dueAt = new Date(Date.now() + 7 * 86_400_000).toISOString();
    ticket = await change(harness, 'recordComplaintInvestigation', 'RecordComplaintInvestigationInput', {
      ...ref(ticket),
      findings: 'The technician skipped the checklist',
      rootCause: 'No refresher training this year',
      responsibleDepartmentId: ids.fieldTech,
      responsibleEmployeeId: ids.techEmployee,
      correctiveAction: 'Refresher training for the field team',
      correctiveActionDueAt: dueAt,
      feedbackToComplainant: 'Apologised by phone',
    });
    const followUpAt = new Date().toISOString();
    ticket = await change(harness, 'recordComplaintFollowUp', 'RecordComplaintFollowUpInput', {
      ...ref(ticket),
      followUpAt,
      result: 'Customer accepted the apology',
      satisfied: true,
    });

    const { ticket: read } = await harness.data<{ ticket: { complaint: Record<string, unknown> } }>(
      `query($id: ID!) { ticket(id: $id) { complaint { rootCause responsibleDepartment { id } responsibleEmployee { id } correctiveActionDueAt followUp { at result satisfied } } } }`,
      { id: ticket.id },
      as.manager,
    );
    expect(read.complaint).toEqual({
      rootCause: 'No refresher training this year',
      responsibleDepartment: { id: ids.fieldTech },
      responsibleEmployee: { id: ids.techEmployee },
      correctiveActionDueAt: dueAt,
      followUp: { at: followUpAt, result: 'Customer accepted the apology', satisfied: true },
    });
    const events = await harness.eventsOf(ticket.id, 3);
    expect(events.map((event) => event.type)).toEqual([
      'ticket.opened',
      'ticket.complaint_investigated',
      'ticket.complaint_follow_up_recorded',
    ]);
    expect(events[1].data).toMatchObject({
      responsibleEmployeeId: ids.techEmployee,
      correctiveActionDueAt: dueAt,
    });

    const hidden = await harness.gql(
      `query($id: ID!) { ticket(id: $id) { number complaint { findings } } }`,
      { id: ticket.id },
      as.customerA,
    );
    expect(hidden.errors?.[0]).toMatchObject({
      path: ['ticket', 'complaint'],
      extensions: { code: 'FORBIDDEN' },
    });
  });

  it('reviews a suggestion once, and only suggestions', async () => {
    let ticket = await openTicket(harness, {
      kind: 'SUGGESTION',
      category: null,
      subject: 'Dark mode for the portal',
    });
    ticket = await change(harness, 'reviewSuggestion', 'ReviewSuggestionInput', {
      ...ref(ticket),
      decision: 'ACCEPTED',
      reason: 'Planned for Q3',
    });
    const again = await harness.gql(
      mutation('reviewSuggestion', 'ReviewSuggestionInput'),
      { input: { ...ref(ticket), decision: 'REJECTED', reason: 'Changed our mind' } },
      as.manager,
    );
    expect(again.errors?.[0].extensions.code).toBe('CONFLICT');
    const fault = await openTicket(harness);
    const notSuggestion = await harness.gql(
      mutation('reviewSuggestion', 'ReviewSuggestionInput'),
      { input: { ...ref(fault), decision: 'REJECTED', reason: 'n/a' } },
      as.manager,
    );
    expect(notSuggestion.errors?.[0].extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'input.ticketId' });
    const [, reviewed] = await harness.eventsOf(ticket.id, 2);
    expect(reviewed).toMatchObject({
      type: 'ticket.suggestion_reviewed',
      data: { decision: 'ACCEPTED', reason: 'Planned for Q3' },
    });
  });
});

describe('access (docs/product.md §9)', () => {
  const READ = `query($id: ID!) { ticket(id: $id) { id } }`;
  const LIST = `{ tickets(first: 100) { edges { node { id customer { id } department { id } status } } } }`;
  type Listed = {
    tickets: {
      edges: {
        node: { id: string; customer: { id: string }; department: { id: string } | null; status: string };
      }[];
    };
  };

  it('a customer opens for itself only, sees only its own tickets and cannot work on them', async () => {
    const own = await openTicket(harness, { customerId: undefined, departmentId: undefined }, as.customerA);
    expect(own.customer.id).toBe(ids.customerA);
    const other = await openTicket(harness, { customerId: ids.customerB });

    const forOther = await harness.gql(
      OPEN_TICKET,
      { input: openInput({ customerId: ids.customerB, departmentId: undefined }) },
      as.customerA,
    );
    expect(forOther.errors?.[0].extensions.code).toBe('FORBIDDEN');
    expect((await harness.data<{ ticket: unknown }>(READ, { id: other.id }, as.customerA)).ticket).toBeNull();
    const listed = await harness.data<Listed>(LIST, {}, as.customerA);
    expect(listed.tickets.edges.every((edge) => edge.node.customer.id === ids.customerA)).toBe(true);
    expect(listed.tickets.edges.map((edge) => edge.node.id)).toContain(own.id);

    const ack = await harness.gql(
      mutation('acknowledgeTicket', 'AcknowledgeTicketInput'),
      { input: ref(own) },
      as.customerA,
    );
    expect(ack.errors?.[0].extensions.code).toBe('FORBIDDEN');
    const notVisible = await harness.gql(
      mutation('addTicketProgress', 'AddTicketProgressInput'),
      { input: { ...ref(other), visibility: 'PUBLIC', body: 'hi' } },
      as.customerA,
    );
    expect(notVisible.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND' });
    const history = await harness.gql(
      `query($id: ID!) { ticket(id: $id) { history { action } } }`,
      { id: own.id },
      as.customerA,
    );
    expect(history.errors?.[0].extensions.code).toBe('FORBIDDEN');
  });

  it('a customer closes a resolved ticket by confirming it, never with another reason', async () => {
    const opened = await openTicket(harness);
    const assigned = await change(harness, 'assignTicket', 'AssignTicketInput', {
      ...ref(opened),
      assigneeId: ids.agentEmployee,
    });
    const resolved = await change(harness, 'resolveTicket', 'ResolveTicketInput', {
      ...ref(assigned),
      resolutionSummary: 'Done',
    });
    const asAgent = await harness.gql(
      mutation('closeTicket', 'CloseTicketInput'),
      { input: { ...ref(resolved), reason: 'AGENT' } },
      as.customerA,
    );
    expect(asAgent.errors?.[0].extensions.code).toBe('FORBIDDEN');
    const auto = await harness.gql(
      mutation('closeTicket', 'CloseTicketInput'),
      { input: { ...ref(resolved), reason: 'AUTO_CLOSED' } },
      as.manager,
    );
    expect(auto.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.reason' });
    const closed = await change(
      harness,
      'closeTicket',
      'CloseTicketInput',
      { ...ref(resolved), reason: 'CUSTOMER_CONFIRMED' },
      as.customerA,
    );
    expect(closed).toMatchObject({ status: 'CLOSED', closeReason: 'CUSTOMER_CONFIRMED' });
  });

  it('agents and technicians act on their department’s tickets; agents also see unrouted NEW tickets', async () => {
    const desk = await openTicket(harness);
    const field = await openTicket(harness, { departmentId: ids.fieldTech });
    const unrouted = await openTicket(harness, { departmentId: null });

    const agentList = (await harness.data<Listed>(LIST, {}, as.agent)).tickets.edges.map(
      (edge) => edge.node.id,
    );
    expect(agentList).toEqual(expect.arrayContaining([desk.id, unrouted.id]));
    expect(agentList).not.toContain(field.id);
    const techList = (await harness.data<Listed>(LIST, {}, as.technician)).tickets.edges.map(
      (edge) => edge.node.id,
    );
    expect(techList).toContain(field.id);
    expect(techList).not.toEqual(expect.arrayContaining([desk.id]));
    expect(techList).not.toContain(unrouted.id);

    const foreign = await harness.gql(
      mutation('acknowledgeTicket', 'AcknowledgeTicketInput'),
      { input: ref(field) },
      as.agent,
    );
    expect(foreign.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND' });
    const intake = await change(
      harness,
      'assignTicket',
      'AssignTicketInput',
      { ...ref(unrouted), assigneeId: ids.agentEmployee, departmentId: ids.serviceDesk },
      as.agent,
    );
    expect(intake).toMatchObject({ status: 'ASSIGNED', department: { id: ids.serviceDesk } });
    const worked = await change(
      harness,
      'startTicketWork',
      'StartTicketWorkInput',
      ref(
        await change(
          harness,
          'assignTicket',
          'AssignTicketInput',
          { ...ref(field), assigneeId: ids.techEmployee },
          as.technician,
        ),
      ),
      as.technician,
    );
    expect(worked.status).toBe('IN_PROGRESS');
  });

  it('analysts read everything with masked contacts and change nothing; HR and anonymous callers are refused', async () => {
    const opened = await openTicket(harness);
    const { ticket } = await harness.data<{ ticket: TicketView }>(
      `query($id: ID!) { ticket(id: $id) { contact { name phone email } } }`,
      { id: opened.id },
      as.analyst,
    );
    // The customer service's masks (@opsgraph/personal-data).
    expect(ticket.contact).toEqual({ name: 'L***', phone: '+861*****5678', email: 'l***@example.com' });
    const change = await harness.gql(
      mutation('acknowledgeTicket', 'AcknowledgeTicketInput'),
      { input: ref(opened) },
      as.analyst,
    );
    expect(change.errors?.[0].extensions.code).toBe('FORBIDDEN');
    expect((await harness.gql(LIST, {}, as.hr)).errors?.[0].extensions.code).toBe('FORBIDDEN');
    expect((await harness.gql(LIST, {}, null)).errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
  });

  it('requires the gateway secret', async () => {
    const response = await fetch(harness.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect(response.status).toBe(401);
  });
});

describe('SLA policies', () => {
  const POLICIES = `{ slaPolicies { priority responseSeconds resolutionSeconds version } }`;
  const UPDATE = `mutation($input: UpdateSlaPolicyInput!) { updateSlaPolicy(input: $input) { priority responseSeconds resolutionSeconds version } }`;

  it('are seeded with the defaults and changed by the director for tickets opened afterwards', async () => {
    const { slaPolicies } = await harness.data<{
      slaPolicies: { priority: string; responseSeconds: number; version: number }[];
    }>(POLICIES, {}, as.agent);
    expect(slaPolicies.map((p) => [p.priority, p.responseSeconds])).toEqual([
      ['P1', 900],
      ['P2', 3600],
      ['P3', 14400],
      ['P4', 28800],
    ]);

    const input = { priority: 'P3', responseSeconds: 1800, resolutionSeconds: 36_000, expectedVersion: 1 };
    expect((await harness.gql(UPDATE, { input }, as.manager)).errors?.[0].extensions.code).toBe('FORBIDDEN');
    const bad = await harness.gql(UPDATE, { input: { ...input, responseSeconds: 40_000 } }, as.director);
    expect(bad.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.responseSeconds',
    });
    const { updateSlaPolicy } = await harness.data<{ updateSlaPolicy: { version: number } }>(
      UPDATE,
      { input },
      as.director,
    );
    expect(updateSlaPolicy).toEqual({
      priority: 'P3',
      responseSeconds: 1800,
      resolutionSeconds: 36_000,
      version: 2,
    });
    expect((await harness.gql(UPDATE, { input }, as.admin)).errors?.[0].extensions).toMatchObject({
      code: 'CONFLICT',
      actualVersion: 2,
    });

    const p3 = await openTicket(harness, { urgency: 'MEDIUM', impact: 'MEDIUM' });
    expect(p3.priority).toBe('P3');
    expect(Date.parse(p3.sla.responseDueAt) - Date.parse(p3.createdAt)).toBe(1800_000);
    expect(Date.parse(p3.sla.resolutionDueAt) - Date.parse(p3.createdAt)).toBe(36_000_000);
  });
});

describe('SLA breach detection in the running service', () => {
  it('emits ticket.sla_breached once when a deadline passes, and flags the ticket', async () => {
    const opened = await openTicket(harness);
    // Move this ticket's response deadline into the past; the scanner (every 200 ms here) finds it.
    await harness.sql(`update tickets set response_due_at = now() - interval '1 minute' where id = $1`, [
      opened.id,
    ]);
    const [, breached] = await harness.eventsOf(opened.id, 2);
    expect(breached).toMatchObject({
      type: 'ticket.sla_breached',
      aggregateVersion: 2,
      actor: { id: null, role: 'system' },
      data: { deadline: 'RESPONSE', status: 'NEW' },
    });
    // Several more scans find nothing new.
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(harness.events.filter((event) => event.aggregateId === opened.id)).toHaveLength(2);

    const { tickets } = await harness.data<{
      tickets: { edges: { node: { id: string; sla: { breached: boolean } } }[] };
    }>(
      `query($filter: TicketFilter) { tickets(filter: $filter, first: 100) { edges { node { id sla { breached } } } } }`,
      { filter: { breached: true } },
      as.manager,
    );
    expect(tickets.edges.map((edge) => edge.node.id)).toContain(opened.id);
    expect(tickets.edges.every((edge) => edge.node.sla.breached)).toBe(true);
    // The client's version moved on with the breach: its next change must carry version 2.
    const ack = await harness.gql(
      mutation('acknowledgeTicket', 'AcknowledgeTicketInput'),
      { input: ref(opened) },
      as.manager,
    );
    expect(ack.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', actualVersion: 2 });
  });
});

describe('reads', () => {
  it('finds a ticket by its number, in any case, and rejects what is not a number', async () => {
    const opened = await openTicket(harness);
    const q = `query($n: String!) { ticketByNumber(number: $n) { id } }`;
    expect(
      (
        await harness.data<{ ticketByNumber: { id: string } }>(
          q,
          { n: opened.number.toLowerCase() },
          as.manager,
        )
      ).ticketByNumber,
    ).toEqual({ id: opened.id });
    expect((await harness.gql(q, { n: 'TICKET-1' }, as.manager)).errors?.[0].extensions).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'number',
    });
    expect(
      (await harness.data<{ ticketByNumber: null }>(q, { n: 'TCK-999999' }, as.manager)).ticketByNumber,
    ).toBeNull();
  });

  it('pages through a filtered list without gaps or repeats and counts it on demand', async () => {
    const customer = randomUUID();
    await harness.know({ customers: [customer] });
    for (let i = 0; i < 5; i++) await openTicket(harness, { customerId: customer });
    const q = `query($after: String, $filter: TicketFilter) { tickets(first: 2, after: $after, filter: $filter) { totalCount edges { node { id } } pageInfo { hasNextPage endCursor } } }`;
    const seen: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 3; page++) {
      const {
        tickets,
      }: {
        tickets: {
          totalCount: number;
          edges: { node: { id: string } }[];
          pageInfo: { hasNextPage: boolean; endCursor: string };
        };
      } = await harness.data(q, { after, filter: { customerId: customer } }, as.manager);
      expect(tickets.totalCount).toBe(5);
      seen.push(...tickets.edges.map((edge) => edge.node.id));
      expect(tickets.pageInfo.hasNextPage).toBe(page < 2);
      after = tickets.pageInfo.endCursor;
    }
    expect(new Set(seen).size).toBe(5);
    const [{ ids: ordered }] = await harness.sql<{ ids: string[] }>(
      'select array_agg(id order by created_at desc, id desc) as ids from tickets where customer_id = $1',
      [customer],
    );
    expect(seen).toEqual(ordered);
    const bad = await harness.gql(q, { after: 'bm9wZQ', filter: null }, as.manager);
    expect(bad.errors?.[0].extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'after' });
    const big = await harness.gql(`{ tickets(first: 101) { edges { cursor } } }`, {}, as.manager);
    expect(big.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
  });

  it('answers a page read from a column projection exactly as from whole tickets', async () => {
    const customer = randomUUID();
    await harness.know({ customers: [customer] });
    const opened = await openTicket(harness, { customerId: customer, kind: 'CONSULTATION', category: null });
    await change(harness, 'assignTicket', 'AssignTicketInput', {
      ...ref(opened),
      assigneeId: ids.agentEmployee,
    });
    await openTicket(harness, { customerId: customer, urgency: 'LOW', impact: 'LOW' });
    // Every field TICKET_LISTING_COLUMNS names (read from a projection), and the same with one it does not (sla:
    // whole rows); each page must equal what `ticket(id)` answers from the whole row.
    const projected = `id number kind category channel subject description urgency impact priority status
      escalationLevel promisedResolutionAt acknowledgedAt resolvedAt closedAt closeReason resolutionSummary
      reopenCount createdAt updatedAt version customer { id } assignee { id } department { id }
      collaboratingDepartments { id } asset { id } incident { id } __typename`;
    for (const fields of [projected, `${projected} sla { responseDueAt paused }`]) {
      const { tickets } = await harness.data<{ tickets: { edges: { node: { id: string } }[] } }>(
        `query($filter: TicketFilter) { tickets(first: 5, filter: $filter) { edges { node { ${fields} } } } }`,
        { filter: { customerId: customer } },
        as.manager,
      );
      expect(tickets.edges).toHaveLength(2);
      for (const { node } of tickets.edges) {
        const whole = await harness.data<{ ticket: unknown }>(
          `query($id: ID!) { ticket(id: $id) { ${fields} } }`,
          { id: node.id },
          as.manager,
        );
        expect(node).toEqual(whole.ticket);
      }
    }
    const [listed] = (
      await harness.data<{ tickets: { edges: { node: { assignee: { id: string } | null } }[] } }>(
        `query($filter: TicketFilter) { tickets(first: 5, filter: $filter) { edges { node { assignee { id } } } } }`,
        { filter: { customerId: customer } },
        as.manager,
      )
    ).tickets.edges.slice(-1);
    expect(listed.node.assignee).toEqual({ id: ids.agentEmployee });
  });
});

describe('the ticket topic', () => {
  it('holds only events that validate against their JSON Schema', async () => {
    await waitFor(
      async () => harness.events.length,
      (n) => n > 50,
      { what: 'the suite’s events' },
    );
    expect(harness.invalidEvents).toEqual([]);
  });
});
