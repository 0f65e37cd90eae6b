// The background jobs on real PostgreSQL, run by two "replicas" (two DataSources, two pools) at the same time:
// every passed SLA deadline is flagged with exactly one ticket.sla_breached, every due ticket auto-closed once.
import { Role, type Clock } from '@opsgraph/domain';
import { OutboxWriter } from '@opsgraph/messaging';
import { runMigrations } from '@opsgraph/persistence';
import { createSubgraphDataSource, UnitOfWork } from '@opsgraph/service-kit';
import { createTestDatabase, type TestDatabase } from '@opsgraph/testing';
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { createTicketServices, type TicketServices } from '../context';
import { subgraph } from '../subgraph';
import { knowReferences } from '../test-support/known-references';
import type { RequestMeta } from '../tickets/ticket.command-runner';
import { DEFAULT_LIFECYCLE_POLICY } from '../tickets/ticket.lifecycle';
import type { Ticket } from '../tickets/ticket.model';
import { overdueCorrectiveActions } from '../complaints/corrective-action-overdue';
import { overduePlanSteps } from '../plan/plan-step-overdue';
import { OverdueScanner } from './overdue.scanner';
import { AutoCloseJob } from './auto-close.job';
import { SlaBreachScanner } from './sla-breach.scanner';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const meta: RequestMeta = {
  caller: { userId: 'manager-1', role: Role.OPS_MANAGER },
  correlationId: 'jobs-test',
};
const department = randomUUID();
const assignee = randomUUID();
const customer = randomUUID();

let database: TestDatabase;
const replicas: { dataSource: DataSource; unitOfWork: UnitOfWork; services: TicketServices }[] = [];
/** What the seeding services believe the time is. */
let seedTime = new Date();
const wallClock = () => new Date();

/** The service's use-cases on `dataSource`, believing the time is `clock()`. */
function servicesOn(dataSource: DataSource, clock: Clock) {
  const outbox = new OutboxWriter({ namespace: 'jobs-test' });
  const unitOfWork = new UnitOfWork({ dataSource, outbox, producer: subgraph.name, clock });
  return { unitOfWork, services: createTicketServices({ dataSource, unitOfWork, config: { referenceWaitMs: 0, complaintRecurrenceThreshold: 3, complaintRecurrenceWindowDays: 30 } }) };
}

beforeAll(async () => {
  database = await createTestDatabase('ticket-jobs');
  for (const name of ['replica-a', 'replica-b']) {
    const dataSource = createSubgraphDataSource(subgraph, database.url, name);
    await dataSource.initialize();
    await runMigrations(dataSource);
    replicas.push({ dataSource, ...servicesOn(dataSource, wallClock) });
  }
  await knowReferences(replicas[0].dataSource.manager, {
    customers: [customer],
    departments: [department],
    employees: [assignee],
  });
});
afterAll(async () => {
  for (const replica of replicas) await replica.dataSource.destroy();
  await database?.drop();
});

const seedingServices = () => servicesOn(replicas[0].dataSource, () => seedTime).services;
const seeding = () => seedingServices().tickets;

async function openAt(at: Date, count: number): Promise<Ticket[]> {
  seedTime = at;
  const opened: Ticket[] = [];
  for (let i = 0; i < count; i++) {
    opened.push(
      await seeding().open(meta, {
        kind: 'SERVICE_REQUEST',
        channel: 'EMAIL',
        subject: `Request ${i}`,
        description: 'Seeded',
        customerId: customer,
        urgency: 'HIGH',
        impact: 'MEDIUM', // P2: response 1 h, resolution 8 h
        departmentId: department,
      }),
    );
  }
  return opened;
}

async function assignAt(at: Date, ticket: Ticket): Promise<Ticket> {
  seedTime = at;
  return seeding().assign(
    meta,
    { ticketId: ticket.id, expectedVersion: ticket.version },
    { assigneeId: assignee },
  );
}

/** One after the other: the seeding clock is shared. */
async function each<T, R>(items: T[], fn: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = [];
  for (const item of items) results.push(await fn(item));
  return results;
}

async function query<T>(sql: string, params: unknown[] = []): Promise<T[]> {
  return replicas[0].dataSource.query(sql, params);
}

async function breachEvents(
  ticketIds: string[],
): Promise<{ ticket: string; deadline: string; version: number }[]> {
  return query(
    `select aggregate_id as ticket, payload->'data'->>'deadline' as deadline, aggregate_version as version
       from outbox where event_type = 'ticket.sla_breached' and aggregate_id = any($1) order by aggregate_id, aggregate_version`,
    [ticketIds],
  );
}

describe('SlaBreachScanner', () => {
  it('two scanners racing flag each passed deadline exactly once, and only passed ones', async () => {
    const now = Date.now();
    const late = await openAt(new Date(now - 10 * HOUR), 60);
    // Answered in time, resolution due in 6 h: nothing passed.
    const onTime = await each(await openAt(new Date(now - 2 * HOUR), 5), (t) =>
      assignAt(new Date(now - 2 * HOUR + 60_000), t),
    );
    // Answered in time, then waiting for the customer since before the resolution deadline: the clock is paused.
    const paused: Ticket[] = [];
    for (const ticket of await openAt(new Date(now - 10 * HOUR), 5)) {
      let next = await assignAt(new Date(now - 10 * HOUR + 60_000), ticket);
      next = await seeding().startWork(meta, { ticketId: next.id, expectedVersion: next.version });
      paused.push(
        await seeding().awaitCustomer(
          meta,
          { ticketId: next.id, expectedVersion: next.version },
          'Need logs',
        ),
      );
    }

    const [a, b] = replicas.map((replica) => new SlaBreachScanner(replica.unitOfWork));
    const flagged = await Promise.all([a.scanOnce(), b.scanOnce()]);
    expect(flagged[0] + flagged[1]).toBe(60);
    expect(Math.min(...flagged)).toBeGreaterThan(0); // both replicas took part
    expect(await Promise.all([a.scanOnce(), b.scanOnce()])).toEqual([0, 0]);

    const lateIds = late.map((t) => t.id);
    const events = await breachEvents(lateIds);
    expect(events).toHaveLength(120);
    expect(new Set(events.map((e) => `${e.ticket}/${e.deadline}`)).size).toBe(120);
    // Both deadlines of a ticket were flagged in one change: versions 2 and 3, response first.
    expect(
      events.every(
        (e, i) =>
          e.version === (i % 2 === 0 ? 2 : 3) && e.deadline === (i % 2 === 0 ? 'RESPONSE' : 'RESOLUTION'),
      ),
    ).toBe(true);

    const [flags] = await query<{ flagged: number; versions: number[] }>(
      `select count(*) filter (where response_breached_at is not null and resolution_breached_at is not null)::int as flagged,
              array_agg(distinct version) as versions
         from tickets where id = any($1)`,
      [lateIds],
    );
    expect(flags).toEqual({ flagged: 60, versions: [3] });
    const audit = await query<{ n: number }>(
      `select count(*)::int as n from audit_log
        where aggregate_type = 'ticket' and action = 'SLA_BREACHED' and actor_role = 'system' and aggregate_id = any($1)`,
      [lateIds],
    );
    expect(audit[0].n).toBe(60);
    expect(await breachEvents([...onTime, ...paused].map((t) => t.id))).toEqual([]);
  });

  it('a deadline found passed by a use-case and by the scanner at the same moment is reported once', async () => {
    const now = Date.now();
    const tickets = await each(await openAt(new Date(now - 10 * HOUR), 20), (t) =>
      assignAt(new Date(now - 10 * HOUR + 60_000), t),
    );
    const resolver = replicas[1].services.tickets;
    const resolve = async (ticket: Ticket): Promise<Ticket> => {
      let expectedVersion = ticket.version;
      for (;;) {
        try {
          return await resolver.resolve(meta, { ticketId: ticket.id, expectedVersion }, 'Done, late');
        } catch (error) {
          // The scanner got there first and moved the version on: reload and retry, as a client would.
          const actual = (error as { extensions?: { code?: string; actualVersion?: number } }).extensions;
          if (actual?.code !== 'CONFLICT' || actual.actualVersion === undefined) throw error;
          expectedVersion = actual.actualVersion;
        }
      }
    };
    const scanner = new SlaBreachScanner(replicas[0].unitOfWork);
    await Promise.all([scanner.scanOnce(), ...tickets.map(resolve)]);

    const ids = tickets.map((t) => t.id);
    const events = await breachEvents(ids);
    expect(events.map((e) => e.deadline)).toEqual(ids.map(() => 'RESOLUTION'));
    expect(new Set(events.map((e) => e.ticket)).size).toBe(20);
    const resolved = await query<{ within: boolean }>(
      `select (payload->'data'->>'withinSla')::boolean as within from outbox where event_type = 'ticket.resolved' and aggregate_id = any($1)`,
      [ids],
    );
    expect(resolved.map((row) => row.within)).toEqual(ids.map(() => false));
  });
});

describe('AutoCloseJob', () => {
  it('closes resolved tickets after the policy’s delay, once, with two jobs racing', async () => {
    const now = Date.now();
    const resolveAt = async (at: Date, ticket: Ticket) => {
      const assigned = await assignAt(at, ticket);
      seedTime = new Date(at.getTime() + 60_000);
      return seeding().resolve(meta, { ticketId: assigned.id, expectedVersion: assigned.version }, 'Fixed');
    };
    const due = await each(await openAt(new Date(now - 9 * DAY), 15), (t) =>
      resolveAt(new Date(now - 9 * DAY + 60_000), t),
    );
    const recent = await each(await openAt(new Date(now - 2 * DAY), 5), (t) =>
      resolveAt(new Date(now - 2 * DAY + 60_000), t),
    );

    const [a, b] = replicas.map((replica) => new AutoCloseJob(replica.unitOfWork, DEFAULT_LIFECYCLE_POLICY));
    const runs = await Promise.all([a.runOnce(), b.runOnce()]);
    expect(runs[0].closed + runs[1].closed).toBe(15);
    expect([...runs[0].skipped, ...runs[1].skipped]).toEqual([]);

    const rows = await query<{ id: string; status: string; close_reason: string | null }>(
      'select id, status, close_reason from tickets where id = any($1) order by id',
      [[...due, ...recent].map((t) => t.id)],
    );
    const byId = new Map(rows.map((row) => [row.id, row]));
    expect(
      due.every((t) => byId.get(t.id)?.status === 'CLOSED' && byId.get(t.id)?.close_reason === 'AUTO_CLOSED'),
    ).toBe(true);
    expect(recent.every((t) => byId.get(t.id)?.status === 'RESOLVED')).toBe(true);
    const events = await query<{ n: number; actors: string[] }>(
      `select count(*)::int as n, array_agg(distinct payload->'actor'->>'role') as actors
         from outbox where event_type = 'ticket.closed' and payload->'data'->>'closedBy' = 'AUTO_CLOSED' and aggregate_id = any($1)`,
      [due.map((t) => t.id)],
    );
    expect(events[0]).toEqual({ n: 15, actors: ['system'] });
  });
});

describe('complaints and the jobs (docs/product.md §11.2)', () => {
  const ref = (ticket: Ticket) => ({ ticketId: ticket.id, expectedVersion: ticket.version });
  const services = seedingServices;

  /** An assigned complaint, investigated, with one corrective action due at `dueAt`, all as of `at`. */
  async function complaintWithAction(at: Date, dueAt: Date): Promise<Ticket> {
    seedTime = at;
    const complaint = await services().tickets.open(meta, {
      kind: 'COMPLAINT',
      channel: 'PHONE',
      subject: 'Nobody called back',
      description: 'Promised a callback that never came',
      customerId: customer,
      urgency: 'MEDIUM',
      impact: 'LOW',
      departmentId: department,
    });
    let ticket = await assignAt(at, complaint);
    ticket = await services().records.recordComplaintInvestigation(meta, ref(ticket), {
      findings: 'The callback queue was not watched at shift change',
      rootCause: 'Callback queue not in the hand-over',
      responsibleDepartmentId: department,
      correctiveAction: 'Hand-over checklist covers the callback queue',
      correctiveActionDueAt: dueAt,
    });
    return services().complaints.addCorrectiveAction(meta, ref(ticket), {
      description: 'Add the callback queue to the hand-over checklist',
      ownerId: assignee,
      dueAt,
    });
  }

  it('two overdue scanners racing report each overdue action once per due date, and never a done one', async () => {
    const now = Date.now();
    const overdue = await each(Array.from({ length: 12 }, (_, i) => i), () =>
      complaintWithAction(new Date(now - 3 * DAY), new Date(now - DAY)),
    );
    const [done] = await each([0], async () => {
      const ticket = await complaintWithAction(new Date(now - 3 * DAY), new Date(now - DAY));
      const [action] = await actionsOf(ticket);
      seedTime = new Date(now - 2 * DAY);
      return services().complaints.completeCorrectiveAction(meta, ref(ticket), {
        actionId: action.id,
        evidence: 'Checklist v3 in use',
      });
    });
    const notYet = await complaintWithAction(new Date(now - 3 * DAY), new Date(now + DAY));

    const [a, b] = replicas.map((replica) => new OverdueScanner(replica.unitOfWork, overdueCorrectiveActions));
    const reported = await Promise.all([a.scanOnce(), b.scanOnce()]);
    expect(reported[0] + reported[1]).toBe(12);
    expect(await Promise.all([a.scanOnce(), b.scanOnce()])).toEqual([0, 0]);

    const events = await query<{ ticket: string; actor: string }>(
      `select aggregate_id as ticket, payload->'actor'->>'role' as actor from outbox
        where event_type = 'ticket.corrective_action_overdue' and aggregate_id = any($1)`,
      [[...overdue, done, notYet].map((t) => t.id)],
    );
    expect(events.map((e) => e.ticket).sort()).toEqual(overdue.map((t) => t.id).sort());
    expect(new Set(events.map((e) => e.actor))).toEqual(new Set(['system']));
  });

  it('auto-close never closes an unsettled complaint; it skips and lists it, and closes a settled one', async () => {
    const now = Date.now();
    // Settled: action verified by someone other than its owner, feedback given, follow-up made, then resolved.
    let settled = await complaintWithAction(new Date(now - 10 * DAY), new Date(now - 9.8 * DAY));
    const [action] = await actionsOf(settled);
    seedTime = new Date(now - 9.9 * DAY);
    const use = services();
    settled = await use.complaints.completeCorrectiveAction(meta, ref(settled), { actionId: action.id, evidence: 'Done' });
    settled = await use.complaints.verifyCorrectiveAction(meta, ref(settled), {
      actionId: action.id,
      verdict: 'VERIFIED',
      note: 'Seen at two hand-overs',
    });
    settled = await use.complaints.giveFeedback(meta, ref(settled), 'We apologised and fixed the hand-over');
    settled = await use.records.recordComplaintFollowUp(meta, ref(settled), {
      followUpAt: seedTime,
      result: 'Satisfied',
      satisfied: true,
    });
    settled = await use.tickets.resolve(meta, ref(settled), 'Handled');

    // Unsettled: resolved before this guard existed (a row migrated from an earlier release), nothing verified.
    const legacy = await complaintWithAction(new Date(now - 10 * DAY), new Date(now + DAY));
    await query(
      `update tickets set status = 'RESOLVED', resolved_at = $2, version = version + 1 where id = $1`,
      [legacy.id, new Date(now - 9 * DAY)],
    );

    const [a, b] = replicas.map((replica) => new AutoCloseJob(replica.unitOfWork, DEFAULT_LIFECYCLE_POLICY));
    const runs = await Promise.all([a.runOnce(), b.runOnce()]);
    expect(runs[0].closed + runs[1].closed).toBe(1);
    const skipped = [...runs[0].skipped, ...runs[1].skipped];
    expect(skipped.length).toBeGreaterThanOrEqual(1);
    expect(skipped.every((entry) => entry.ticketId === legacy.id)).toBe(true);
    expect(skipped[0]).toEqual({
      ticketId: legacy.id,
      number: legacy.number,
      missing: ['ACTIONS_VERIFIED', 'FEEDBACK', 'FOLLOW_UP'],
    });

    const rows = await query<{ id: string; status: string }>('select id, status from tickets where id = any($1)', [
      [settled.id, legacy.id],
    ]);
    expect(Object.fromEntries(rows.map((row) => [row.id, row.status]))).toEqual({
      [settled.id]: 'CLOSED',
      [legacy.id]: 'RESOLVED',
    });
    const legacyEvents = await query(
      `select 1 from outbox where event_type = 'ticket.closed' and aggregate_id = $1`,
      [legacy.id],
    );
    expect(legacyEvents).toEqual([]);
  });
});

async function actionsOf(ticket: Ticket): Promise<{ id: string }[]> {
  return query('select id from corrective_actions where ticket_id = $1 order by position', [ticket.id]);
}

describe('execution-plan steps (docs/product.md §11.8)', () => {
  it('two scanners racing report each overdue step once, not done or future ones', async () => {
    const now = Date.now();
    const plan = async (ticket: Ticket, steps: { title: string; dueAt: Date }[]) => {
      seedTime = new Date(now - 3 * DAY + 120_000);
      return seedingServices().records.planSteps(meta, { ticketId: ticket.id, expectedVersion: ticket.version }, steps);
    };
    const assigned = await each(await openAt(new Date(now - 3 * DAY), 11), (t) =>
      assignAt(new Date(now - 3 * DAY + 60_000), t),
    );
    const planned = await each(assigned, (t) =>
      plan(t, [
        { title: 'Collect the logs', dueAt: new Date(now - DAY) },
        { title: 'Restore the replica', dueAt: new Date(now + DAY) },
      ]),
    );
    // One ticket's late step was done in time.
    const [doneEarly, ...late] = planned;
    const [first] = await query<{ id: string }>(
      'select id from ticket_plan_steps where ticket_id = $1 and position = 1',
      [doneEarly.id],
    );
    seedTime = new Date(now - 2 * DAY);
    await seedingServices().records.completeStep(meta, { ticketId: doneEarly.id, expectedVersion: doneEarly.version }, first.id);

    const [a, b] = replicas.map((replica) => new OverdueScanner(replica.unitOfWork, overduePlanSteps));
    const reported = await Promise.all([a.scanOnce(), b.scanOnce()]);
    expect(reported[0] + reported[1]).toBe(10);
    expect(await Promise.all([a.scanOnce(), b.scanOnce()])).toEqual([0, 0]);
    const events = await query<{ ticket: string; position: number }>(
      `select aggregate_id as ticket, (payload->'data'->>'position')::int as position from outbox
        where event_type = 'ticket.plan_step_overdue' and aggregate_id = any($1)`,
      [planned.map((t) => t.id)],
    );
    expect(events.map((e) => e.ticket).sort()).toEqual(late.map((t) => t.id).sort());
    expect(new Set(events.map((e) => e.position))).toEqual(new Set([1]));
  });
});
