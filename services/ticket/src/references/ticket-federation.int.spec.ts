// Federation on real PostgreSQL: `_entities` for Ticket, and the ticket lists contributed to Customer, Employee,
// Asset and Incident resolve many parents with one query per request (counted at TypeORM's query runner).
import { randomUUID } from 'node:crypto';
import { PostgresQueryRunner } from 'typeorm/driver/postgres/PostgresQueryRunner';
import { as, change, ids, openTicket, type TicketView } from '../test-support/fixtures';
import { startTicketHarness, type TicketHarness } from '../test-support/ticket-harness';

let harness: TicketHarness;
const customers = Array.from({ length: 12 }, () => randomUUID());
const employees = Array.from({ length: 4 }, () => randomUUID());
const assets = Array.from({ length: 6 }, () => randomUUID());
const incidents = Array.from({ length: 3 }, () => randomUUID());
/** Per customer, its tickets newest first. */
const ticketsOf = new Map<string, TicketView[]>();

beforeAll(async () => {
  harness = await startTicketHarness('ticket-federation', {
    consumeTopic: false,
    env: { RUN_RELAY: 'false', RUN_SLA_SCANNER: 'false' },
  });
  await harness.know({ customers, employees });
  for (const [index, customerId] of customers.entries()) {
    const own: TicketView[] = [];
    for (let n = 0; n < 3; n++) {
      let ticket = await openTicket(harness, {
        customerId,
        assetId: assets[index % assets.length],
        incidentId: incidents[index % incidents.length],
      });
      if (n === 0) {
        ticket = await change(harness, 'assignTicket', 'AssignTicketInput', {
          ticketId: ticket.id,
          expectedVersion: ticket.version,
          assigneeId: employees[index % employees.length],
        });
      }
      own.push(ticket);
    }
    // The listing order: newest first, ties (same millisecond) by id, descending.
    own.sort((a, b) =>
      a.createdAt === b.createdAt ? (a.id < b.id ? 1 : -1) : a.createdAt < b.createdAt ? 1 : -1,
    );
    ticketsOf.set(customerId, own);
  }
});
afterAll(async () => {
  await harness?.stop();
});

/** Runs `work` and returns the SQL statements it sent that read the tickets table. */
async function ticketQueriesDuring(work: () => Promise<unknown>): Promise<string[]> {
  const spy = jest.spyOn(PostgresQueryRunner.prototype, 'query');
  try {
    await work();
    return spy.mock.calls.map(([sql]) => String(sql)).filter((sql) => /\btickets\b/i.test(sql));
  } finally {
    spy.mockRestore();
  }
}

const ENTITIES = `query($representations: [_Any!]!) { _entities(representations: $representations) {
  ... on Ticket { id number status customer { id } }
  ... on Customer { id tickets(first: 2) { edges { node { id customer { id } } } pageInfo { hasNextPage } } }
  ... on Employee { id assignedTickets(first: 5) { edges { node { id assignee { id } } } } }
  ... on Asset { id tickets(first: 10) { edges { node { id asset { id } } } } }
  ... on Incident { id tickets(first: 100, filter: { status: [ASSIGNED] }) { edges { node { id incident { id } status } } } }
} }`;

type EntityResult = {
  _entities: (
    | (Record<string, unknown> & {
        id: string;
        tickets?: { edges: { node: { id: string } }[]; pageInfo?: { hasNextPage: boolean } };
        assignedTickets?: { edges: { node: { id: string; assignee: { id: string } } }[] };
      })
    | null
  )[];
};

describe('_entities', () => {
  it('resolves Ticket representations in one query, in order, null for unknown or invisible ones', async () => {
    const wanted = [...ticketsOf.values()].flat().slice(0, 10);
    const unknown = randomUUID();
    const representations = [
      ...wanted.map((t) => ({ __typename: 'Ticket', id: t.id })),
      { __typename: 'Ticket', id: unknown },
    ];
    let result: EntityResult | undefined;
    const queries = await ticketQueriesDuring(async () => {
      result = await harness.data<EntityResult>(ENTITIES, { representations }, as.manager);
    });
    expect(queries).toHaveLength(1);
    expect(result?._entities.map((entity) => entity?.id ?? null)).toEqual([...wanted.map((t) => t.id), null]);
    expect(result?._entities[0]).toMatchObject({
      number: wanted[0].number,
      customer: { id: wanted[0].customer.id },
    });

    const [first] = wanted;
    const asOtherCustomer = await harness.data<EntityResult>(
      ENTITIES,
      { representations: [{ __typename: 'Ticket', id: first.id }] },
      { role: 'CUSTOMER', customerId: randomUUID() },
    );
    expect(asOtherCustomer._entities).toEqual([null]);
  });

  it('is answered for the key in the subgraph SDL', async () => {
    const { _service } = await harness.data<{ _service: { sdl: string } }>(
      '{ _service { sdl } }',
      {},
      as.manager,
    );
    expect(_service.sdl).toMatch(/type Ticket\s+@key\(fields: "id"\)/);
    expect(_service.sdl).toMatch(/type Customer\s+@key\(fields: "id"\)/);
    expect(_service.sdl).toMatch(/type Department\s+@key\(fields: "id", resolvable: false\)/);
  });
});

describe('ticket lists on other subgraphs’ entities', () => {
  it('Customer.tickets for 12 customers: one query, each customer’s newest tickets first', async () => {
    let result: EntityResult | undefined;
    const queries = await ticketQueriesDuring(async () => {
      result = await harness.data<EntityResult>(
        ENTITIES,
        { representations: customers.map((id) => ({ __typename: 'Customer', id })) },
        as.manager,
      );
    });
    expect(queries).toHaveLength(1);
    expect(queries[0]).toMatch(/cross join lateral/);
    for (const [index, customerId] of customers.entries()) {
      const entity = result?._entities[index];
      expect(entity?.id).toBe(customerId);
      expect(entity?.tickets?.edges.map((edge) => edge.node.id)).toEqual(
        ticketsOf
          .get(customerId)
          ?.slice(0, 2)
          .map((t) => t.id),
      );
      expect(entity?.tickets?.pageInfo?.hasNextPage).toBe(true);
    }
  });

  it('Employee.assignedTickets, Asset.tickets and Incident.tickets together: one query per field', async () => {
    const representations = [
      ...employees.map((id) => ({ __typename: 'Employee', id })),
      ...assets.map((id) => ({ __typename: 'Asset', id })),
      ...incidents.map((id) => ({ __typename: 'Incident', id })),
    ];
    let result: EntityResult | undefined;
    const queries = await ticketQueriesDuring(async () => {
      result = await harness.data<EntityResult>(ENTITIES, { representations }, as.manager);
    });
    expect(queries).toHaveLength(3);

    const entities = result?._entities ?? [];
    const byEmployee = entities.slice(0, employees.length);
    for (const [index, entity] of byEmployee.entries()) {
      expect(entity?.assignedTickets?.edges).toHaveLength(3);
      expect(entity?.assignedTickets?.edges.every((edge) => edge.node.assignee.id === employees[index])).toBe(
        true,
      );
    }
    const byAsset = entities.slice(employees.length, employees.length + assets.length);
    expect(byAsset.map((entity) => entity?.tickets?.edges.length)).toEqual(assets.map(() => 6));
    const byIncident = entities.slice(employees.length + assets.length);
    // Filters apply per parent: 4 customers per incident, one ASSIGNED ticket each.
    expect(byIncident.map((entity) => entity?.tickets?.edges.length)).toEqual([4, 4, 4]);
  });

  it('totalCount costs one more (grouped) query, not one per parent', async () => {
    const query = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Customer { tickets(first: 1) { totalCount } } } }`;
    let result: { _entities: { tickets: { totalCount: number } }[] } | undefined;
    const queries = await ticketQueriesDuring(async () => {
      result = await harness.data(
        query,
        { r: customers.map((id) => ({ __typename: 'Customer', id })) },
        as.manager,
      );
    });
    expect(queries).toHaveLength(2);
    expect(result?._entities.map((entity) => entity.tickets.totalCount)).toEqual(customers.map(() => 3));
  });

  it('applies the caller’s scope: a customer sees its own list only, an agent its department’s', async () => {
    const [mine, theirs] = customers;
    const asCustomer = await harness.data<EntityResult>(
      ENTITIES,
      { representations: [mine, theirs].map((id) => ({ __typename: 'Customer', id })) },
      { role: 'CUSTOMER', customerId: mine },
    );
    expect(asCustomer._entities.map((entity) => entity?.tickets?.edges.length)).toEqual([2, 0]);
    const asTechnician = await harness.data<EntityResult>(
      ENTITIES,
      { representations: [{ __typename: 'Customer', id: mine }] },
      { role: 'TECHNICIAN', departmentId: randomUUID() },
    );
    expect(asTechnician._entities[0]?.tickets?.edges).toEqual([]);
    const hr = await harness.gql(
      ENTITIES,
      { representations: [{ __typename: 'Customer', id: mine }] },
      as.hr,
    );
    expect(hr.errors?.[0].extensions.code).toBe('FORBIDDEN');
  });

  it('a listing that reaches each ticket’s customer and that customer’s tickets stays at two queries', async () => {
    const query = `{ tickets(first: 30, filter: { departmentId: "${ids.serviceDesk}" }) { edges { node { id customer { tickets(first: 1) { edges { node { id } } } } } } } }`;
    let result:
      { tickets: { edges: { node: { customer: { tickets: { edges: unknown[] } } } }[] } } | undefined;
    const queries = await ticketQueriesDuring(async () => {
      result = await harness.data(query, {}, as.manager);
    });
    expect(result?.tickets.edges).toHaveLength(30);
    expect(result?.tickets.edges.every((edge) => edge.node.customer.tickets.edges.length === 1)).toBe(true);
    expect(queries).toHaveLength(2);
  });
});
