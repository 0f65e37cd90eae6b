// 10,000 tickets on real PostgreSQL: every documented listing filter returns the right page, and its query — the
// repository's own SQL, first page and a later one — is index-backed (EXPLAIN shows no sequential scan on tickets).
import { runMigrations } from '@opsgraph/persistence';
import { createTestDatabase, type TestDatabase } from '@opsgraph/testing';
import type { DataSource } from 'typeorm';
import { createSubgraphDataSource } from '@opsgraph/service-kit';
import { subgraph } from '../subgraph';
import type { TicketScope } from './ticket.access';
import type { Keyset, TicketCriteria } from './ticket.query';
import { TicketRepository } from './ticket.repository';

const TICKETS = 10_000;
const PAGE = 20;

let database: TestDatabase;
let dataSource: DataSource;
let repository: TicketRepository;
const sample: Record<string, string> = {};

// Distributions: 500 customers, 10 departments, 50 assignees, a year of creation dates, every enum value.
const SEED = `
  insert into tickets (
    id, number, kind, category, channel, subject, description, customer_id, urgency, impact, priority, status,
    department_id, assignee_id, acknowledged_at, resolved_at, closed_at, close_reason,
    sla_started_at, response_due_at, resolution_due_at, response_breached_at, resolution_breached_at,
    created_at, updated_at, version)
  select
    md5('ticket' || i)::uuid, 'TCK-' || lpad(i::text, 6, '0'), v.kind,
    case when v.kind = 'FAULT' then (array['SYSTEM_FAULT', 'FUNCTION_ANOMALY', 'DATA_ISSUE', 'OTHER'])[1 + i / 5 % 4] end,
    (array['PHONE', 'EMAIL', 'WEB', 'APP', 'ONLINE_CHAT', 'SOCIAL_MEDIA', 'HOTLINE', 'WALK_IN'])[1 + i % 8],
    (array['Printer', 'Invoice', 'Login', 'Portal', 'Network', 'Payment', 'Report', 'Mailbox'])[1 + i / 3 % 8]
      || ' problem #' || i,
    'Seeded ticket', md5('customer' || i % 500)::uuid,
    v.urgency, v.impact,
    case when v.urgency = 'HIGH' and v.impact = 'HIGH' then 'P1'
         when (v.urgency, v.impact) in (('HIGH', 'MEDIUM'), ('MEDIUM', 'HIGH')) then 'P2'
         when (v.urgency, v.impact) in (('HIGH', 'LOW'), ('MEDIUM', 'MEDIUM'), ('LOW', 'HIGH')) then 'P3'
         else 'P4' end,
    v.status,
    case when v.status = 'NEW' and i % 2 = 0 then null else md5('department' || i % 10)::uuid end,
    case when v.status in ('NEW', 'ACKNOWLEDGED') then null else md5('employee' || i % 50)::uuid end,
    case when v.status <> 'NEW' then v.created_at + interval '10 minutes' end,
    case when v.status in ('RESOLVED', 'CLOSED') then v.created_at + (i % 48) * interval '1 hour' end,
    case when v.status = 'CLOSED' then v.created_at + interval '3 days' end,
    case when v.status = 'CLOSED' then 'AGENT' end,
    v.created_at, v.created_at + interval '1 hour', v.created_at + interval '8 hours',
    case when i % 20 = 0 then v.created_at + interval '61 minutes' end,
    case when i % 33 = 0 then v.created_at + interval '9 hours' end,
    v.created_at, v.created_at, 1
  from generate_series(1, ${TICKETS}) as i,
  lateral (select
    (array['SERVICE_REQUEST', 'FAULT', 'CONSULTATION', 'COMPLAINT', 'SUGGESTION'])[1 + i % 5] as kind,
    (array['NEW', 'ACKNOWLEDGED', 'ASSIGNED', 'IN_PROGRESS', 'PENDING_CUSTOMER', 'RESOLVED', 'CLOSED', 'REOPENED'])[1 + i / 7 % 8] as status,
    (array['HIGH', 'MEDIUM', 'LOW'])[1 + i % 3] as urgency,
    (array['HIGH', 'MEDIUM', 'LOW'])[1 + i / 3 % 3] as impact,
    date_trunc('milliseconds', timestamptz '2025-01-01T00:00:00Z' + i * interval '3153.6 seconds') as created_at
  ) as v`;

beforeAll(async () => {
  database = await createTestDatabase('ticket-listing');
  dataSource = createSubgraphDataSource(subgraph, database.url, 'ticket-listing-test');
  await dataSource.initialize();
  await runMigrations(dataSource);
  await dataSource.transaction(async (manager) => {
    // A bulk load, not a request: the services' 15 s statement timeout is not meant for it (a busy CI machine).
    await manager.query('set local statement_timeout = 0');
    await manager.query(SEED);
  });
  // What autovacuum does after a bulk load: statistics for the planner, and (VACUUM) the GIN index's own statistics
  // and pending list, without which the planner cannot cost the trigram index.
  await dataSource.query('vacuum analyze tickets');
  repository = new TicketRepository(dataSource.manager);
  const [row] = await dataSource.query(`
    select customer_id, assignee_id, department_id from tickets where assignee_id is not null order by number limit 1`);
  Object.assign(sample, row);
});
afterAll(async () => {
  await dataSource?.destroy();
  await database?.drop();
});

const ALL: TicketScope = { kind: 'ALL' };

interface Case {
  name: string;
  criteria: TicketCriteria;
  /** The same filter written by hand, to check the rows. */
  where: () => string;
  scope?: () => TicketScope;
}

const CASES: Case[] = [
  { name: 'no filter', criteria: {}, where: () => 'true' },
  { name: 'status', criteria: { status: ['IN_PROGRESS'] }, where: () => `status = 'IN_PROGRESS'` },
  {
    name: 'several statuses',
    criteria: { status: ['NEW', 'REOPENED'] },
    where: () => `status in ('NEW', 'REOPENED')`,
  },
  { name: 'kind', criteria: { kind: ['COMPLAINT'] }, where: () => `kind = 'COMPLAINT'` },
  { name: 'category', criteria: { category: ['DATA_ISSUE'] }, where: () => `category = 'DATA_ISSUE'` },
  { name: 'channel', criteria: { channel: ['HOTLINE'] }, where: () => `channel = 'HOTLINE'` },
  { name: 'priority', criteria: { priority: ['P1'] }, where: () => `priority = 'P1'` },
  {
    name: 'several priorities',
    criteria: { priority: ['P1', 'P2'] },
    where: () => `priority in ('P1', 'P2')`,
  },
  {
    name: 'customer',
    criteria: {},
    where: () => `customer_id = '${sample.customer_id}'`,
  },
  { name: 'assignee', criteria: {}, where: () => `assignee_id = '${sample.assignee_id}'` },
  { name: 'department', criteria: {}, where: () => `department_id = '${sample.department_id}'` },
  {
    name: 'created range',
    criteria: {
      createdFrom: new Date('2025-03-01T00:00:00Z'),
      createdBefore: new Date('2025-04-01T00:00:00Z'),
    },
    where: () => `created_at >= '2025-03-01T00:00:00Z' and created_at < '2025-04-01T00:00:00Z'`,
  },
  {
    name: 'resolved range',
    criteria: {
      resolvedFrom: new Date('2025-06-01T00:00:00Z'),
      resolvedBefore: new Date('2025-06-15T00:00:00Z'),
    },
    where: () => `resolved_at >= '2025-06-01T00:00:00Z' and resolved_at < '2025-06-15T00:00:00Z'`,
  },
  {
    name: 'breached',
    criteria: { breached: true },
    where: () => 'response_breached_at is not null or resolution_breached_at is not null',
  },
  {
    name: 'not breached',
    criteria: { breached: false },
    where: () => 'response_breached_at is null and resolution_breached_at is null',
  },
  {
    name: 'subject text',
    criteria: { subjectContains: 'printer' },
    where: () => `subject ilike '%printer%'`,
  },
  {
    name: 'rare subject text',
    criteria: { subjectContains: '#4242' },
    where: () => `subject ilike '%#4242%'`,
  },
  {
    name: 'status, priority and department together',
    criteria: { status: ['ASSIGNED', 'IN_PROGRESS'], priority: ['P3'] },
    where: () =>
      `status in ('ASSIGNED', 'IN_PROGRESS') and priority = 'P3' and department_id = '${sample.department_id}'`,
  },
  {
    name: 'a customer’s own tickets (CUSTOMER scope)',
    criteria: { status: ['RESOLVED'] },
    where: () => `status = 'RESOLVED' and customer_id = '${sample.customer_id}'`,
    scope: () => ({ kind: 'CUSTOMER', customerId: sample.customer_id }),
  },
  {
    name: 'an agent’s department and intake (DEPARTMENT scope)',
    criteria: {},
    where: () => `(department_id = '${sample.department_id}' or (status = 'NEW' and department_id is null))`,
    scope: () => ({ kind: 'DEPARTMENT', departmentId: sample.department_id, intake: true }),
  },
];

/** The id filters take their value from the seeded sample, known only after seeding. */
function criteriaOf(testCase: Case): TicketCriteria {
  const byName: Record<string, TicketCriteria> = {
    customer: { customerId: sample.customer_id },
    assignee: { assigneeId: sample.assignee_id },
    department: { departmentId: sample.department_id },
    'status, priority and department together': { ...testCase.criteria, departmentId: sample.department_id },
  };
  return byName[testCase.name] ?? testCase.criteria;
}

async function explain(sql: string, params: unknown[]): Promise<string> {
  const rows: { 'QUERY PLAN': string }[] = await dataSource.query(`explain ${sql}`, params);
  return rows.map((row) => row['QUERY PLAN']).join('\n');
}

async function expected(where: string, after: Keyset | null): Promise<string[]> {
  const keyset = after ? `and (created_at, id) < ('${after.createdAt.toISOString()}', '${after.id}')` : '';
  const rows: { id: string }[] = await dataSource.query(
    `select id from tickets where (${where}) ${keyset} order by created_at desc, id desc limit ${PAGE}`,
  );
  return rows.map((row) => row.id);
}

describe(`listing ${TICKETS} tickets`, () => {
  it('seeded them all', async () => {
    const [{ n }] = await dataSource.query('select count(*)::int as n from tickets');
    expect(n).toBe(TICKETS);
  });

  it.each(CASES.map((testCase) => [testCase.name, testCase] as const))(
    'by %s: the right rows, from an index, on the first and a later page',
    async (_, testCase) => {
      const criteria = criteriaOf(testCase);
      const scope = testCase.scope?.() ?? ALL;

      const first = await repository.page(criteria, scope, PAGE, null);
      expect(first.map((ticket) => ticket.id)).toEqual(await expected(testCase.where(), null));
      expect(first.length).toBeGreaterThan(0);
      const middle = first[Math.floor(first.length / 2)];
      const after = { createdAt: middle.createdAt, id: middle.id };
      const later = await repository.page(criteria, scope, PAGE, after);
      expect(later.map((ticket) => ticket.id)).toEqual(await expected(testCase.where(), after));

      for (const keyset of [null, after]) {
        const [sql, params] = repository.pageQuery(criteria, scope, PAGE + 1, keyset).getQueryAndParameters();
        const plan = await explain(sql, params);
        expect(plan).not.toMatch(/Seq Scan on tickets/);
        expect(plan).toMatch(/Index (Only )?Scan|Bitmap Index Scan/);
      }
    },
  );

  it('the per-parent page query (Customer.tickets for 50 customers) is index-backed too', async () => {
    const parents: { customer_id: string }[] = await dataSource.query(
      'select distinct customer_id from tickets order by customer_id limit 50',
    );
    const query = repository.pagesByParentQuery({
      parent: 'customer',
      parentIds: parents.map((row) => row.customer_id),
      criteria: { status: ['CLOSED'] },
      scope: ALL,
      limit: PAGE + 1,
      after: null,
    });
    const [sql, params] = query.getQueryAndParameters();
    const plan = await explain(sql, params);
    expect(plan).not.toMatch(/Seq Scan on tickets/);
    expect(plan).toMatch(/tickets_status_listing_idx|tickets_customer_listing_idx/);
  });

  it('the SLA breach scanner’s candidate queries use their partial indexes', async () => {
    for (const deadline of ['RESPONSE', 'RESOLUTION'] as const) {
      const [sql, params] = repository
        .breachCandidateQuery(deadline, new Date('2025-06-01T00:00:00Z'))
        .getQueryAndParameters();
      const plan = await explain(sql, params);
      expect(plan).not.toMatch(/Seq Scan on tickets/);
      expect(plan).toMatch(
        deadline === 'RESPONSE' ? /tickets_response_due_idx/ : /tickets_resolution_due_idx/,
      );
    }
  });
});
