// Every argument kind of the ticket graph refuses a malformed id, a NUL character and a foreign cursor with
// BAD_USER_INPUT naming the field, before anything is read or written; `_entities` answers null for a malformed id.
import { encodeCursor } from '@opsgraph/graphql-kit';
import { randomUUID } from 'node:crypto';
import { as, ids, openInput, openTicket, type TicketView } from './test-support/fixtures';
import { startTicketHarness, type TicketHarness } from './test-support/ticket-harness';

const BAD_ID = 'not-a-uuid';
const NUL = 'before\u0000after';
const TABLES = ['tickets', 'outbox', 'audit_log', 'ticket_progress', 'ticket_plan_steps', 'sla_policies'];

let harness: TicketHarness;
let ticket: TicketView;

beforeAll(async () => {
  harness = await startTicketHarness('ticket-input-hygiene', {
    consumeTopic: false,
    env: { RUN_RELAY: 'false', RUN_SLA_SCANNER: 'false' },
  });
  ticket = await openTicket(harness, {}, as.manager);
});
afterAll(async () => {
  await harness?.stop();
});

/** Row counts of every table a mutation of this service writes (and the SLA policies' versions). */
async function snapshot(): Promise<string> {
  const counts = await Promise.all(
    TABLES.map(async (table) => {
      const [{ n }] = await harness.sql<{ n: number }>(`select count(*)::int as n from ${table}`);
      return `${table}=${n}`;
    }),
  );
  const [{ versions }] = await harness.sql<{ versions: number }>(
    'select sum(version)::int as versions from sla_policies',
  );
  return [...counts, `policy versions=${versions}`].join(' ');
}

async function expectRefused(
  query: string,
  variables: Record<string, unknown>,
  field: string,
): Promise<void> {
  const before = await snapshot();
  const response = await harness.gql(query, variables, as.admin);
  expect(response.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
  expect(await snapshot()).toBe(before);
}

const change = (name: string, inputType: string) =>
  `mutation Probe($input: ${inputType}!) { ${name}(input: $input) { id version } }`;
const refOf = () => ({ ticketId: ticket.id, expectedVersion: ticket.version });

describe('mutations', () => {
  it.each([
    ['a malformed customerId', { customerId: BAD_ID }, 'input.customerId'],
    ['a malformed departmentId', { departmentId: BAD_ID }, 'input.departmentId'],
    ['a malformed assetId', { assetId: BAD_ID }, 'input.assetId'],
    ['a malformed incidentId', { incidentId: BAD_ID }, 'input.incidentId'],
    ['a NUL in the subject', { subject: NUL }, 'input.subject'],
    ['a NUL in the description', { description: NUL }, 'input.description'],
    ['a NUL in a nested input', { contact: { name: NUL } }, 'input.contact.name'],
  ])('openTicket refuses %s', async (_, overrides, field) => {
    await expectRefused(change('openTicket', 'OpenTicketInput'), { input: openInput(overrides) }, field);
  });

  it.each([
    ['acknowledgeTicket', 'input.ticketId', 'AcknowledgeTicketInput', { ticketId: BAD_ID }],
    ['assignTicket', 'input.assigneeId', 'AssignTicketInput', { assigneeId: BAD_ID }],
    [
      'assignTicket',
      'input.collaboratingDepartmentIds.1',
      'AssignTicketInput',
      { assigneeId: randomUUID(), collaboratingDepartmentIds: [randomUUID(), BAD_ID] },
    ],
    ['awaitCustomer', 'input.reason', 'AwaitCustomerInput', { reason: NUL }],
    ['recordCustomerResponse', 'input.note', 'RecordCustomerResponseInput', { note: NUL }],
    ['resolveTicket', 'input.resolutionSummary', 'ResolveTicketInput', { resolutionSummary: NUL }],
    ['reopenTicket', 'input.reason', 'ReopenTicketInput', { reason: NUL }],
    ['transferTicket', 'input.departmentId', 'TransferTicketInput', { departmentId: BAD_ID, reason: 'x' }],
    ['transferTicket', 'input.reason', 'TransferTicketInput', { departmentId: randomUUID(), reason: NUL }],
    ['escalateTicket', 'input.reason', 'EscalateTicketInput', { reason: NUL }],
    ['addTicketProgress', 'input.body', 'AddTicketProgressInput', { visibility: 'PUBLIC', body: NUL }],
    ['planTicketSteps', 'input.steps.0.title', 'PlanTicketStepsInput', { steps: [{ title: NUL }] }],
    [
      'planTicketSteps',
      'input.steps.0.ownerId',
      'PlanTicketStepsInput',
      { steps: [{ title: 'Check', ownerId: BAD_ID }] },
    ],
    ['completeTicketStep', 'input.stepId', 'CompleteTicketStepInput', { stepId: BAD_ID }],
    [
      'submitTicketSurvey',
      'input.comment',
      'SubmitTicketSurveyInput',
      { overall: 5, quality: 5, efficiency: 5, communication: 5, comment: NUL },
    ],
    [
      'recordComplaintInvestigation',
      'input.responsibleDepartmentId',
      'RecordComplaintInvestigationInput',
      {
        findings: 'f',
        rootCause: 'r',
        responsibleDepartmentId: BAD_ID,
        correctiveAction: 'c',
        correctiveActionDueAt: '2030-01-01T00:00:00.000Z',
      },
    ],
    [
      'recordComplaintFollowUp',
      'input.result',
      'RecordComplaintFollowUpInput',
      { followUpAt: '2030-01-01T00:00:00.000Z', result: NUL, satisfied: true },
    ],
    ['reviewSuggestion', 'input.reason', 'ReviewSuggestionInput', { decision: 'ACCEPTED', reason: NUL }],
  ])('%s refuses a bad %s', async (name, field, inputType, fields) => {
    await expectRefused(change(name, inputType), { input: { ...refOf(), ...fields } }, field);
  });

  it('updateSlaPolicy takes no id or text: its ranges are BAD_USER_INPUT and write nothing', async () => {
    await expectRefused(
      `mutation Probe($input: UpdateSlaPolicyInput!) { updateSlaPolicy(input: $input) { version } }`,
      { input: { priority: 'P1', responseSeconds: 1, resolutionSeconds: 3600, expectedVersion: 1 } },
      'input.responseSeconds',
    );
  });
});

describe('queries', () => {
  const LIST = `query Probe($after: String, $filter: TicketFilter) {
    tickets(first: 5, after: $after, filter: $filter) { edges { node { id } } }
  }`;

  it('ticket(id) refuses a malformed id', async () => {
    await expectRefused('query Probe($id: ID!) { ticket(id: $id) { id } }', { id: BAD_ID }, 'id');
  });

  it('ticketByNumber refuses a NUL', async () => {
    await expectRefused(
      'query Probe($number: String!) { ticketByNumber(number: $number) { id } }',
      { number: `TCK-${NUL}` },
      'number',
    );
  });

  it.each([
    ['not base64url', '!!!'],
    ['base64 of garbage', Buffer.from('{not json', 'utf8').toString('base64url')],
    ['a cursor of the wrong shape', encodeCursor([{ createdAt: 'x' }])],
    ['a cursor with a malformed id', encodeCursor([new Date().toISOString(), BAD_ID])],
    ['a cursor with a bad date', encodeCursor(['yesterday', randomUUID()])],
    ['a cursor with a NUL', `abc${NUL}`],
  ])('tickets(after) refuses %s', async (_, after) => {
    await expectRefused(LIST, { after }, 'after');
  });

  it.each([
    ['a malformed id', { customerId: BAD_ID }, 'filter.customerId'],
    ['a malformed assignee id', { assigneeId: BAD_ID }, 'filter.assigneeId'],
    ['a malformed department id', { departmentId: BAD_ID }, 'filter.departmentId'],
    ['a NUL in the subject search', { subjectContains: NUL }, 'filter.subjectContains'],
    ['a nested rule (subject search too short)', { subjectContains: 'ab' }, 'filter.subjectContains'],
    ['a nested rule (empty status list)', { status: [] }, 'filter.status'],
  ])('tickets(filter) refuses %s', async (_, filter, field) => {
    await expectRefused(LIST, { filter }, field);
  });
});

describe('federation', () => {
  const ENTITIES = `query Probe($representations: [_Any!]!) {
    _entities(representations: $representations) {
      ... on Ticket { id }
      ... on Customer { tickets(first: 5, after: "!!!") { edges { node { id } } } }
    }
  }`;

  it('_entities resolves a malformed Ticket id to null, without an error', async () => {
    const response = await harness.gql(
      ENTITIES.replace(/ {6}\.\.\. on Customer.*\n/, ''),
      {
        representations: [
          { __typename: 'Ticket', id: BAD_ID },
          { __typename: 'Ticket', id: ticket.id },
        ],
      },
      as.manager,
    );
    expect(response.errors).toBeUndefined();
    expect(response.data).toEqual({ _entities: [null, { id: ticket.id }] });
  });

  it('a list contributed to another entity refuses a foreign cursor', async () => {
    const response = await harness.gql(
      ENTITIES,
      { representations: [{ __typename: 'Customer', id: ids.customerA }] },
      as.manager,
    );
    expect(response.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
  });
});
