import {
  createEvent,
  IncidentActivated,
  IncidentResolved,
  topicFor,
  topicName,
  type EventEnvelope,
} from '@opsgraph/contracts-events';
import { createServiceHarness } from '@opsgraph/service-kit/testing';
import { createEventPublisher, waitFor, waitForGroupCaughtUp } from '@opsgraph/testing';
import { randomUUID } from 'node:crypto';
import { subgraph } from '../subgraph';
import { as, ids, openInput, OPEN_TICKET, type TicketView } from '../test-support/fixtures';
import { knowReferences } from '../test-support/known-references';
import { incidentFanout } from './incident-fanout.projection';

const TICKET = `query($id: ID!) { ticket(id: $id) {
  id status incident { id } resolutionSummary
  sla { resolutionDueAt paused pausedSeconds } slaHold { reason incident { id } }
  history { action details } progress { visibility body } } }`;

interface Fanned {
  id: string;
  status: string;
  incident: { id: string } | null;
  resolutionSummary: string | null;
  sla: { resolutionDueAt: string; paused: boolean; pausedSeconds: number };
  slaHold: { reason: string; incident: { id: string } } | null;
  history: { action: string; details: Record<string, unknown> }[];
  progress: { visibility: string; body: string }[];
}

function incidentEvents(scope: { assetId: string; customerId: string; keyAccountId: string }) {
  const incidentId = randomUUID();
  const snapshot = {
    incidentId,
    number: 'INC-000042',
    title: 'North station power failure',
    category: 'TECHNICAL_FAILURE' as const,
    severity: 'SEV1' as const,
    occurredAt: new Date(Date.now() - 3600_000).toISOString(),
    affectedCustomerIds: [scope.customerId, scope.keyAccountId],
    affectedAssetIds: [scope.assetId],
    affectedServices: ['Water supply'],
    commanderId: randomUUID(),
  };
  const base = { aggregateId: incidentId, producer: 'incident', actor: { id: 'u1', role: 'OPS_MANAGER' } };
  const activated = createEvent(IncidentActivated, {
    ...base,
    aggregateVersion: 2,
    correlationId: randomUUID(),
    occurredAt: new Date(),
    data: {
      ...snapshot,
      status: 'ACTIVATED',
      planId: randomUUID(),
      planVersion: 1,
      roles: [],
      affectedKeyAccountIds: [scope.keyAccountId],
    },
  });
  const resolved = () =>
    createEvent(IncidentResolved, {
      ...base,
      aggregateVersion: 5,
      correlationId: randomUUID(),
      occurredAt: new Date(),
      data: { ...snapshot, status: 'RESOLVED', resolvedAt: new Date().toISOString(), durationSeconds: 3600 },
    });
  return { incidentId, activated, resolved };
}

/** The ticket service with the fan-out; `crashAfterFirstTicket` makes the first attempt fail after one ticket. */
async function startService(label: string, crashAfterFirstTicket = false) {
  let crashed = false;
  const definition = {
    ...subgraph,
    projections: (config: Parameters<typeof incidentFanout>[0]) => [
      incidentFanout(config, {
        afterTicket: () => {
          if (crashAfterFirstTicket && !crashed) {
            crashed = true;
            throw new Error('consumer killed mid-way');
          }
        },
      }),
    ],
  };
  const harness = await createServiceHarness(definition, label, {
    env: { RUN_JOBS: 'false' },
  });
  const topic = topicName(topicFor('incident'), harness.kafka.namespace);
  const publisher = createEventPublisher(harness.kafka.kafka);
  const groupId = incidentFanout(harness.app.config).groupId('ticket', harness.kafka.namespace);
  const manager = harness.app.dataSource.manager;
  await knowReferences(manager, {
    customers: [ids.customerA, ids.customerB],
    departments: [ids.serviceDesk, ids.fieldTech],
    employees: [ids.agentEmployee, ids.techEmployee],
  });
  const open = async (overrides: Record<string, unknown>) => {
    await knowReferences(manager, { customers: [overrides.customerId as string] });
    return (
      await harness.ok<{ openTicket: TicketView }>(OPEN_TICKET, { input: openInput(overrides) }, as.agent)
    ).openTicket;
  };
  const read = async (id: string) =>
    (await harness.ok<{ ticket: Fanned }>(TICKET, { id }, as.manager)).ticket;
  const publish = async (events: EventEnvelope[]) => {
    await publisher.publish(topic, events);
    await waitForGroupCaughtUp(harness.kafka.kafka, groupId, topic);
  };
  const count = async (sql: string, params: unknown[] = []) =>
    (await harness.app.dataSource.query(sql, params))[0].n as number;
  const footprint = (incidentId: string) =>
    Promise.all([
      count('select count(*)::int as n from tickets where incident_id = $1', [incidentId]),
      count('select count(*)::int as n from ticket_progress'),
      count(`select count(*)::int as n from audit_log where aggregate_type = 'ticket'`),
      count('select count(*)::int as n from outbox'),
      count('select count(*)::int as n from incident_fanout_holds where released_at is null'),
    ]);
  const keyAccountTickets = (incidentId: string, customerId: string) =>
    harness.app.dataSource.query(
      'select id from tickets where incident_id = $1 and customer_id = $2 order by created_at',
      [incidentId, customerId],
    ) as Promise<{ id: string }[]>;
  return {
    harness,
    open,
    read,
    publish,
    footprint,
    keyAccountTickets,
    crashed: () => crashed,
    async stop() {
      await publisher.close();
      await harness.stop();
    },
  };
}

describe('incident fan-out in the ticket service (real PostgreSQL and Kafka)', () => {
  let service: Awaited<ReturnType<typeof startService>>;
  beforeAll(async () => {
    service = await startService('ticket-fanout');
  });
  afterAll(() => service?.stop());

  it('holds the affected open tickets, opens one per key account, exactly once, and releases them on resolution', async () => {
    const scope = { assetId: randomUUID(), customerId: ids.customerA, keyAccountId: randomUUID() };
    const byAsset = await service.open({ assetId: scope.assetId, customerId: ids.customerB });
    const byCustomer = await service.open({ customerId: scope.customerId });
    const { incidentId, activated, resolved } = incidentEvents(scope);

    await service.publish([activated]);
    for (const ticket of [byAsset, byCustomer]) {
      const held = await service.read(ticket.id);
      expect(held).toMatchObject({
        incident: { id: incidentId },
        sla: { paused: true },
        slaHold: { reason: 'INCIDENT', incident: { id: incidentId } },
      });
      expect(held.history.at(-1)).toEqual({
        action: 'INCIDENT_HOLD',
        details: { reason: 'INCIDENT', incidentId, incidentNumber: 'INC-000042' },
      });
      expect(held.progress).toEqual([{ visibility: 'PUBLIC', body: expect.stringContaining('INC-000042') }]);
    }
    const [opened, ...more] = await service.keyAccountTickets(incidentId, scope.keyAccountId);
    expect(more).toEqual([]);
    expect(await service.read(opened!.id)).toMatchObject({ status: 'NEW', sla: { paused: true } });

    // A duplicate delivery (same event id) and a replay (the same activation under a new event id): no effect.
    const before = await service.footprint(incidentId);
    expect(before[0]).toBe(3);
    const replayed = { ...activated, eventId: randomUUID() };
    await service.publish([activated, replayed]);
    expect(await service.footprint(incidentId)).toEqual(before);

    await new Promise((resolve) => setTimeout(resolve, 1100));
    const resolvedEvent = resolved();
    await service.publish([resolvedEvent, { ...resolvedEvent, eventId: randomUUID() }]);
    const released = await service.read(byAsset.id);
    const held = before;
    expect(released.sla.paused).toBe(false);
    expect(released.slaHold).toBeNull();
    expect(released.sla.pausedSeconds).toBeGreaterThanOrEqual(1);
    expect(new Date(released.sla.resolutionDueAt).getTime()).toBeGreaterThan(
      new Date(byAsset.sla.resolutionDueAt).getTime(),
    );
    expect(released.history.at(-1)).toMatchObject({ action: 'INCIDENT_RELEASE' });
    expect(released.progress.map((update) => update.body)).toEqual([
      expect.stringContaining('paused'),
      expect.stringContaining('is resolved'),
    ]);
    expect(await service.read(opened!.id)).toMatchObject({
      status: 'RESOLVED',
      resolutionSummary: 'Resolved with incident INC-000042',
    });
    expect((await service.read(byCustomer.id)).status).toBe('NEW');
    // Two tickets released once each, one resolved: the replayed resolution changed nothing more.
    const after = await service.footprint(incidentId);
    expect(after[4]).toBe(0);
    expect(after[1] - held[1]).toBe(3);
  });

  it('keeps the clock held by the incident while an agent waits for the customer and back (pauses nest)', async () => {
    const scope = { assetId: randomUUID(), customerId: randomUUID(), keyAccountId: randomUUID() };
    const ticket = await service.open({ assetId: scope.assetId, customerId: scope.customerId });
    const step = async (name: string, input: Record<string, unknown>) => {
      const current = await service.harness.ok<{ ticket: { version: number } }>(
        'query($id: ID!) { ticket(id: $id) { version } }',
        { id: ticket.id },
        as.manager,
      );
      const ref = { ticketId: ticket.id, expectedVersion: current.ticket.version };
      const type = `${name[0]!.toUpperCase()}${name.slice(1)}Input`;
      await service.harness.ok(
        `mutation($input: ${type}!) { ${name}(input: $input) { id } }`,
        {
          input: { ...ref, ...input },
        },
        as.manager,
      );
    };
    await step('assignTicket', { assigneeId: ids.agentEmployee });
    await step('startTicketWork', {});
    const { incidentId, activated, resolved } = incidentEvents(scope);
    await service.publish([activated]);
    expect((await service.read(ticket.id)).sla.paused).toBe(true);

    await step('awaitCustomer', {});
    await step('recordCustomerResponse', {});
    const stillHeld = await service.read(ticket.id);
    expect(stillHeld).toMatchObject({
      status: 'IN_PROGRESS',
      sla: { paused: true },
      slaHold: { reason: 'INCIDENT', incident: { id: incidentId } },
    });
    const [row] = await service.harness.app.dataSource.query(
      'select sla_pause_reasons as reasons, sla_paused_since is not null as paused from tickets where id = $1',
      [ticket.id],
    );
    expect(row).toEqual({ reasons: ['INCIDENT'], paused: true });

    await service.publish([resolved()]);
    const released = await service.read(ticket.id);
    expect(released.sla.paused).toBe(false);
    const [after] = await service.harness.app.dataSource.query(
      'select sla_pause_reasons as reasons from tickets where id = $1',
      [ticket.id],
    );
    expect(after.reasons).toEqual([]);
  });

  it('leaves resolved tickets and another incident’s tickets alone', async () => {
    const scope = { assetId: randomUUID(), customerId: randomUUID(), keyAccountId: randomUUID() };
    const other = incidentEvents(scope);
    const first = await service.open({ assetId: scope.assetId, customerId: scope.customerId });
    await service.publish([other.activated]);
    const second = incidentEvents(scope);
    await service.publish([second.activated]);
    expect((await service.read(first.id)).incident).toEqual({ id: other.incidentId });
    // The second incident opens its own ticket for the key account, nothing else.
    expect(await service.keyAccountTickets(second.incidentId, scope.keyAccountId)).toHaveLength(1);
    expect((await service.footprint(second.incidentId))[0]).toBe(1);
  });
});

describe('incident fan-out with a consumer killed mid-way', () => {
  let service: Awaited<ReturnType<typeof startService>>;
  beforeAll(async () => {
    service = await startService('ticket-fanout-crash', true);
  });
  afterAll(() => service?.stop());

  it('rolls the half-done event back and applies it once on redelivery', async () => {
    const scope = { assetId: randomUUID(), customerId: randomUUID(), keyAccountId: randomUUID() };
    const a = await service.open({ assetId: scope.assetId, customerId: scope.customerId });
    const b = await service.open({ customerId: scope.customerId });
    const { incidentId, activated } = incidentEvents(scope);
    await service.publish([activated]);
    await waitFor(async () => service.crashed(), Boolean, { what: 'the crash' });
    const [tickets, progress, , , holds] = await service.footprint(incidentId);
    expect(tickets).toBe(3);
    expect(holds).toBe(3);
    expect(progress).toBe(3);
    for (const ticket of [a, b]) {
      const held = await service.read(ticket.id);
      expect(held.history.filter((entry) => entry.action === 'INCIDENT_HOLD')).toHaveLength(1);
    }
    expect(await service.keyAccountTickets(incidentId, scope.keyAccountId)).toHaveLength(1);
  });
});
