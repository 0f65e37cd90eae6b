// The directory read model on real PostgreSQL and Kafka: it follows the customer, employee and department topics,
// and every reference a ticket change points at is checked against it (docs/product.md §11.1).
import {
  createEvent,
  CustomerRegistered,
  DepartmentCreated,
  EmployeeHired,
  EmployeeLeft,
  SYSTEM_ACTOR,
  topicFor,
  topicName,
  type AggregateType,
  type EventDataOf,
  type EventDefinition,
  type EventEnvelope,
} from '@opsgraph/contracts-events';
import { sampleDataFor } from '@opsgraph/contracts-events/testing';
import { createEventPublisher, waitForGroupCaughtUp } from '@opsgraph/testing';
import { randomUUID } from 'node:crypto';
import { as, change, ids, OPEN_TICKET, openInput, openTicket } from '../test-support/fixtures';
import { startTicketHarness, type TicketHarness } from '../test-support/ticket-harness';
import { directoryProjection } from './directory.projection';

let harness: TicketHarness;
beforeAll(async () => {
  harness = await startTicketHarness('ticket-directory', { consumeTopic: false, env: { RUN_SLA_SCANNER: 'false' } });
});
afterAll(() => harness?.stop());

const envelope = { producer: 'test', actor: SYSTEM_ACTOR };

async function publish(type: AggregateType, events: EventEnvelope<string, unknown>[]): Promise<void> {
  const { kafka, namespace } = harness.kafka;
  const topic = topicName(topicFor(type), namespace);
  const publisher = createEventPublisher(kafka);
  try {
    await publisher.publish(topic, events);
  } finally {
    await publisher.close();
  }
  await waitForGroupCaughtUp(kafka, directoryProjection.groupId('ticket', namespace), topic);
}

/** The sample event of `definition` for aggregate `id` at `version`, with `data` over the sample's. */
const sampleOf = <D extends EventDefinition>(definition: D, id: string, version: number, data: Partial<EventDataOf<D>>) =>
  createEvent(definition, {
    ...envelope,
    aggregateId: id,
    aggregateVersion: version,
    data: { ...sampleDataFor(definition), ...data } as EventDataOf<D>,
  });
const customerRegistered = (id: string) => sampleOf(CustomerRegistered, id, 1, { customerId: id });
const departmentCreated = (id: string) => sampleOf(DepartmentCreated, id, 1, { departmentId: id });
const employeeHired = (id: string, departmentId: string) =>
  sampleOf(EmployeeHired, id, 1, { employeeId: id, departmentId });

/** Counts of what a refused request must not have written. */
async function footprint(): Promise<{ tickets: number; audit: number; outbox: number }> {
  const [row] = await harness.sql<{ tickets: number; audit: number; outbox: number }>(
    `select (select count(*)::int from tickets) as tickets, (select count(*)::int from audit_log) as audit,
            (select count(*)::int from outbox) as outbox`,
  );
  return row;
}

describe('the directory projection', () => {
  it('keeps customers, departments and employees with their status from their topics, newest version wins', async () => {
    const customer = randomUUID();
    const department = randomUUID();
    const employee = randomUUID();
    await publish('customer', [customerRegistered(customer)]);
    await publish('department', [departmentCreated(department)]);
    const left = sampleOf(EmployeeLeft, employee, 2, { employeeId: employee, departmentId: department });
    // The later version first: the replayed hiring (version 1) must not bring the employee back.
    await publish('employee', [left, employeeHired(employee, department)]);

    expect(await harness.sql('select id, version from known_customers where id = $1', [customer])).toEqual([
      { id: customer, version: 1 },
    ]);
    expect(await harness.sql('select id from known_departments where id = $1', [department])).toEqual([
      { id: department },
    ]);
    expect(
      await harness.sql('select status, department_id, version from known_employees where id = $1', [employee]),
    ).toEqual([{ status: 'LEFT', department_id: department, version: 2 }]);
  });

  it('a ticket for a customer just registered is accepted once the event arrives within the wait', async () => {
    const customer = randomUUID();
    const slow = await startTicketHarness('ticket-directory-wait', {
      consumeTopic: false,
      env: { RUN_SLA_SCANNER: 'false', REFERENCE_WAIT_MS: '10000' },
    });
    try {
      const opening = openTicket(slow, { customerId: customer });
      await new Promise((resolve) => setTimeout(resolve, 300));
      await slow.know({ customers: [customer] });
      const ticket = await opening;
      expect(ticket.customer).toEqual({ id: customer });
    } finally {
      await slow.stop();
    }
  });
});

describe('references must exist', () => {
  it.each([
    ['customerId', 'input.customerId'],
    ['departmentId', 'input.departmentId'],
  ])('openTicket with a made-up %s is refused naming %s, and writes nothing', async (key, field) => {
    const before = await footprint();
    const result = await harness.gql(OPEN_TICKET, { input: openInput({ [key]: randomUUID() }) }, as.agent);
    expect(result.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(await footprint()).toEqual(before);
  });

  it('assign and transfer refuse a made-up assignee or department, and an employee who left', async () => {
    const gone = randomUUID();
    const other = randomUUID();
    await harness.know({ employees: [gone], employeeStatuses: { [gone]: 'LEFT' }, departments: [other] });
    const ticket = await openTicket(harness);
    const ref = { ticketId: ticket.id, expectedVersion: ticket.version };
    const before = await footprint();
    const attempts: [string, string, Record<string, unknown>, string][] = [
      ['assignTicket', 'AssignTicketInput', { assigneeId: randomUUID() }, 'input.assigneeId'],
      ['assignTicket', 'AssignTicketInput', { assigneeId: gone }, 'input.assigneeId'],
      [
        'assignTicket',
        'AssignTicketInput',
        { assigneeId: ids.agentEmployee, departmentId: randomUUID() },
        'input.departmentId',
      ],
      [
        'assignTicket',
        'AssignTicketInput',
        { assigneeId: ids.agentEmployee, collaboratingDepartmentIds: [other, randomUUID()] },
        'input.collaboratingDepartmentIds',
      ],
      ['transferTicket', 'TransferTicketInput', { departmentId: randomUUID(), reason: 'Wrong queue' }, 'input.departmentId'],
      [
        'transferTicket',
        'TransferTicketInput',
        { departmentId: other, assigneeId: gone, reason: 'Wrong queue' },
        'input.assigneeId',
      ],
    ];
    for (const [name, inputType, input, field] of attempts) {
      const result = await harness.gql(
        `mutation($input: ${inputType}!) { ${name}(input: $input) { id } }`,
        { input: { ...ref, ...input } },
        as.manager,
      );
      expect([name, result.errors?.[0].extensions]).toEqual([name, expect.objectContaining({ code: 'BAD_USER_INPUT', field })]);
    }
    expect(await footprint()).toEqual(before);

    const assigned = await change(harness, 'assignTicket', 'AssignTicketInput', {
      ...ref,
      assigneeId: ids.agentEmployee,
      collaboratingDepartmentIds: [other],
    });
    expect(assigned.assignee).toEqual({ id: ids.agentEmployee });
  });
});
