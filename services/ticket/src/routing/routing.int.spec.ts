// Routing at intake on real PostgreSQL, by two "replicas" (two DataSources, two pools) opening tickets at the same
// time: every slot is handed out once, so the distribution is exactly fair (docs/product.md §12.3).
import { Role } from '@opsgraph/domain';
import { OutboxWriter } from '@opsgraph/messaging';
import { runMigrations } from '@opsgraph/persistence';
import { createSubgraphDataSource, UnitOfWork } from '@opsgraph/service-kit';
import { createTestDatabase, type TestDatabase } from '@opsgraph/testing';
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { AssetDirectoryRepository } from '../asset-directory/asset-directory.repository';
import { createTicketServices, type TicketServices } from '../context';
import { subgraph } from '../subgraph';
import { knowReferences } from '../test-support/known-references';
import type { RequestMeta } from '../tickets/ticket.command-runner';
import type { Ticket } from '../tickets/ticket.model';

const meta: RequestMeta = {
  caller: { userId: 'manager-1', role: Role.OPS_MANAGER },
  correlationId: 'routing-test',
};
const customer = randomUUID();
const serviceDesk = randomUUID();
const fieldTeam = randomUUID();
const smallTeam = randomUUID();
const desk = [randomUUID(), randomUUID(), randomUUID()];
const onLeave = randomUUID();
const field = [randomUUID(), randomUUID()];
const small = [randomUUID(), randomUUID()];
const switchAsset = randomUUID();
const printerAsset = randomUUID();

let database: TestDatabase;
const replicas: { dataSource: DataSource; services: TicketServices }[] = [];

beforeAll(async () => {
  database = await createTestDatabase('ticket-routing');
  for (const name of ['replica-a', 'replica-b']) {
    const dataSource = createSubgraphDataSource(subgraph, database.url, name);
    await dataSource.initialize();
    await runMigrations(dataSource);
    const outbox = new OutboxWriter({ namespace: 'routing-test' });
    const unitOfWork = new UnitOfWork({
      dataSource,
      outbox,
      producer: subgraph.name,
      clock: () => new Date(),
    });
    const config = { referenceWaitMs: 0, complaintRecurrenceThreshold: 3, complaintRecurrenceWindowDays: 30 };
    replicas.push({ dataSource, services: createTicketServices({ dataSource, unitOfWork, config }) });
  }
  const departmentOf = (team: string[], department: string) =>
    Object.fromEntries(team.map((id) => [id, department]));
  await knowReferences(replicas[0]!.dataSource.manager, {
    customers: [customer],
    departments: [serviceDesk, fieldTeam, smallTeam],
    employees: [...desk, onLeave, ...field, ...small],
    employeeStatuses: { [onLeave]: 'ON_LEAVE' },
    employeeDepartments: {
      ...departmentOf([...desk, onLeave], serviceDesk),
      ...departmentOf(field, fieldTeam),
      ...departmentOf(small, smallTeam),
    },
  });
  const rules = replicas[0]!.services.routing;
  await rules.define(meta, {
    name: 'Everything else: service desk by load',
    position: 100,
    active: true,
    kinds: [],
    categories: [],
    channels: [],
    tiers: [],
    assetCategories: [],
    departmentId: serviceDesk,
    strategy: 'LOAD_BASED',
    maxLoad: null,
  });
  await rules.define(meta, {
    name: 'Data faults: field team in turn',
    position: 1,
    active: true,
    kinds: ['FAULT'],
    categories: ['DATA_ISSUE'],
    channels: [],
    tiers: [],
    assetCategories: [],
    departmentId: fieldTeam,
    strategy: 'ROUND_ROBIN',
    maxLoad: null,
  });
  await rules.define(meta, {
    name: 'Walk-ins: small team, at most two each',
    position: 2,
    active: true,
    kinds: [],
    categories: [],
    channels: ['WALK_IN'],
    tiers: [],
    assetCategories: [],
    departmentId: smallTeam,
    strategy: 'LOAD_BASED',
    maxLoad: 2,
  });
  await rules.define(meta, {
    name: 'Network gear faults: field team in turn',
    position: 0,
    active: true,
    kinds: ['FAULT'],
    categories: [],
    channels: [],
    tiers: [],
    assetCategories: ['NETWORK', 'SERVER'],
    departmentId: fieldTeam,
    strategy: 'ROUND_ROBIN',
    maxLoad: null,
  });
  await new AssetDirectoryRepository(replicas[0]!.dataSource.manager).save({
    id: switchAsset,
    tag: 'AST-000101',
    category: 'NETWORK',
    version: 1,
  });
  await new AssetDirectoryRepository(replicas[0]!.dataSource.manager).save({
    id: printerAsset,
    tag: 'AST-000102',
    category: 'PRINTER',
    version: 1,
  });
});
afterAll(async () => {
  for (const replica of replicas) await replica.dataSource.destroy();
  await database?.drop();
});

/** `count` tickets opened at once, alternating between the replicas. */
function openConcurrently(count: number, overrides: Record<string, unknown> = {}): Promise<Ticket[]> {
  return Promise.all(
    Array.from({ length: count }, (_, i) =>
      replicas[i % 2]!.services.tickets.open(meta, {
        kind: 'SERVICE_REQUEST',
        channel: 'EMAIL',
        subject: `Request ${i}`,
        description: 'Routed at intake',
        customerId: customer,
        urgency: 'MEDIUM',
        impact: 'MEDIUM',
        ...overrides,
      } as never),
    ),
  );
}

const tally = (tickets: Ticket[]) =>
  tickets.reduce<Record<string, number>>((counts, t) => {
    const key = t.assigneeId ?? 'queue';
    counts[key] = (counts[key] ?? 0) + 1;
    return counts;
  }, {});

describe('routing at intake with two replicas', () => {
  it('load-based: 30 concurrent openings share out exactly evenly among the ACTIVE employees', async () => {
    const tickets = await openConcurrently(30);
    expect(new Set(tickets.map((t) => t.departmentId))).toEqual(new Set([serviceDesk]));
    expect(tally(tickets)).toEqual(Object.fromEntries(desk.map((id) => [id, 10])));
    expect(tickets[0]!.routing).toMatchObject({
      ruleName: 'Everything else: service desk by load',
      strategy: 'LOAD_BASED',
      reason: expect.stringMatching(
        /^rule "Everything else: service desk by load" matched \(any ticket\); LOAD_BASED: lightest load \(\d+ running tickets?\) of 3; 1 skipped \(not ACTIVE\)$/,
      ),
    });
    const [stored] = await replicas[1]!.dataSource.query('select routing from tickets where id = $1', [
      tickets[0]!.id,
    ]);
    expect(stored.routing).toEqual(tickets[0]!.routing);
  });

  it('only tickets whose SLA clock runs count as load', async () => {
    const before = await openConcurrently(3);
    const waiting = before.find((t) => t.assigneeId === desk[0])!;
    // Paused (waiting for the customer): no longer load for desk[0], who then gets the next two tickets.
    await replicas[0]!.dataSource.query(
      "update tickets set sla_paused_since = now(), sla_pause_reasons = '{STATUS}' where assignee_id = $1",
      [desk[0]],
    );
    expect(waiting).toBeDefined();
    const next = await openConcurrently(2);
    expect(next.map((t) => t.assigneeId)).toEqual([desk[0], desk[0]]);
  });

  it('round-robin: a matching rule with a lower position wins, and turns alternate across replicas', async () => {
    const tickets = await openConcurrently(10, { kind: 'FAULT', category: 'DATA_ISSUE' });
    expect(new Set(tickets.map((t) => t.departmentId))).toEqual(new Set([fieldTeam]));
    expect(tally(tickets)).toEqual({ [field[0]!]: 5, [field[1]!]: 5 });
  });

  it('a cap leaves the ticket in the department queue, explained, once everyone is full', async () => {
    const tickets = await openConcurrently(5, { channel: 'WALK_IN' });
    expect(tally(tickets)).toEqual({ [small[0]!]: 2, [small[1]!]: 2, queue: 1 });
    const queued = tickets.find((t) => t.assigneeId === null)!;
    expect(queued.departmentId).toBe(smallTeam);
    expect(queued.routing?.reason).toContain(
      'nobody eligible in the department; 2 skipped (not ACTIVE or at the cap of 2)',
    );
  });

  it('a ticket opened with a department is not routed', async () => {
    const [ticket] = await openConcurrently(1, { departmentId: fieldTeam });
    expect(ticket).toMatchObject({ departmentId: fieldTeam, assigneeId: null, routing: null });
  });

  it('routes a fault by its asset’s category, and passes asset rules over when the asset is not known yet', async () => {
    const fault = { kind: 'FAULT', category: 'SYSTEM_FAULT' };
    const [onSwitch] = await openConcurrently(1, { ...fault, assetId: switchAsset });
    expect(onSwitch).toMatchObject({ departmentId: fieldTeam });
    expect(onSwitch!.routing?.reason).toMatch(
      /^rule "Network gear faults: field team in turn" matched \(kind FAULT, asset category NETWORK\); ROUND_ROBIN: /,
    );
    const [onPrinter] = await openConcurrently(1, { ...fault, assetId: printerAsset });
    expect(onPrinter!.routing?.ruleName).toBe('Everything else: service desk by load');
    const unknown = randomUUID();
    const [onUnknown] = await openConcurrently(1, { ...fault, assetId: unknown });
    expect(onUnknown).toMatchObject({ departmentId: serviceDesk, assetId: unknown });
    expect(onUnknown!.routing?.reason).toContain(
      `; asset ${unknown} not known to the ticket service yet, so rules by asset category were passed over`,
    );
  });
});
