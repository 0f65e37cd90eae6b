import { topicFor, topicName, type TicketEvent } from '@opsgraph/contracts-events';
import { TicketStory } from '@opsgraph/contracts-events/testing';
import { OutboxWriter } from '@opsgraph/messaging';
import { createEventPublisher, waitForGroupCaughtUp } from '@opsgraph/testing';
import { randomUUID } from 'node:crypto';
import {
  outboxEvents,
  registerAsset,
  expectRefused,
  rowCounts,
  startAssetHarness,
  typesOf,
  type AssetHarness,
} from '../test-support/asset-harness';
import { faultTicketsProjection } from './fault-tickets.projection';

const REPORT = `mutation($input: ReportFaultInput!) { reportFault(input: $input) { id status reportedAt repairedAt ticketId } }`;

describe('asset faults (real PostgreSQL and Kafka)', () => {
  let harness: AssetHarness;
  beforeAll(async () => {
    harness = await startAssetHarness('asset-faults');
  });
  afterAll(() => harness?.stop());

  const statusOf = async (id: string): Promise<string> =>
    (await harness.ok<{ asset: { status: string } }>(`query($id: ID!) { asset(id: $id) { status } }`, { id }))
      .asset.status;

  it('report → start repair → repaired: the asset goes FAULTY, UNDER_MAINTENANCE, IN_USE, each step published', async () => {
    const asset = await registerAsset(harness, { inServiceSince: '2025-01-01' });
    const fault = (
      await harness.ok<{ reportFault: { id: string; status: string } }>(REPORT, {
        input: { assetId: asset.id, description: 'Fan noise, overheating' },
      })
    ).reportFault;
    expect(fault.status).toBe('REPORTED');
    expect(await statusOf(asset.id)).toBe('FAULTY');

    const started = await harness.ok<{ startRepair: { status: string } }>(
      `mutation($input: StartRepairInput!) { startRepair(input: $input) { status } }`,
      { input: { faultId: fault.id } },
      { role: 'TECHNICIAN' },
    );
    expect(started.startRepair.status).toBe('IN_REPAIR');
    expect(await statusOf(asset.id)).toBe('UNDER_MAINTENANCE');

    const repaired = await harness.ok<{ repairFault: { status: string; repairedAt: string } }>(
      `mutation($input: RepairFaultInput!) { repairFault(input: $input) { status repairedAt } }`,
      { input: { faultId: fault.id, notes: 'fan replaced' } },
      { role: 'TECHNICIAN' },
    );
    expect(repaired.repairFault.status).toBe('REPAIRED');
    expect(await statusOf(asset.id)).toBe('IN_USE');
    expect(typesOf(await outboxEvents(harness, asset.id))).toEqual([
      'asset.registered',
      'asset.status_changed',
      'asset.fault_reported',
      'asset.status_changed',
      'asset.status_changed',
      'asset.fault_repaired',
    ]);
  });

  it('imports back-dated repaired faults (status unchanged) and computes MTBF / MTTR from them', async () => {
    const asset = await registerAsset(harness, {
      inServiceSince: '2025-01-01',
      model: `M-${randomUUID().slice(0, 6)}`,
    });
    for (const [reportedAt, repairedAt] of [
      ['2025-03-01T00:00:00.000Z', '2025-03-01T04:00:00.000Z'],
      ['2025-05-01T00:00:00.000Z', '2025-05-01T08:00:00.000Z'],
    ]) {
      const imported = await harness.ok<{ reportFault: { status: string } }>(REPORT, {
        input: { assetId: asset.id, description: 'PSU failure', reportedAt, repairedAt },
      });
      expect(imported.reportFault.status).toBe('REPAIRED');
    }
    expect(await statusOf(asset.id)).toBe('IN_USE');
    const figures = await harness.ok<{ asset: { reliability: Record<string, number> } }>(
      `query($id: ID!) { asset(id: $id) { reliability(from: "2025-01-01T00:00:00.000Z", to: "2025-07-01T00:00:00.000Z") {
         failures repairs mttrHours mtbfHours availability } } }`,
      { id: asset.id },
    );
    // 181 days = 4,344 h in service, 12 h down: MTBF (4,344 − 12) / 2 = 2,166 h, MTTR 6 h.
    expect(figures.asset.reliability).toEqual({
      failures: 2,
      repairs: 2,
      mttrHours: 6,
      mtbfHours: 2166,
      availability: 0.997238,
    });
  });

  it.each([
    ['a report in the future', { reportedAt: '2999-01-01T00:00:00.000Z' }, 'input.reportedAt'],
    [
      'a repair before the report',
      { reportedAt: '2025-03-01T00:00:00.000Z', repairedAt: '2025-02-01T00:00:00.000Z' },
      'input.repairedAt',
    ],
    ['a blank description', { description: '   ' }, 'input.description'],
  ])('refuses %s, writing nothing', async (_what, input, field) => {
    const asset = await registerAsset(harness);
    const variables = { input: { assetId: asset.id, description: 'x', ...input } };
    await expectRefused(harness, REPORT, variables, { code: 'BAD_USER_INPUT', field });
  });

  it('refuses repairs to an AGENT and to a CUSTOMER', async () => {
    const asset = await registerAsset(harness);
    for (const role of ['AGENT', 'CUSTOMER'] as const) {
      const result = await harness.gql(REPORT, { input: { assetId: asset.id, description: 'x' } }, { role });
      expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN' });
    }
  });

  describe('from FAULT tickets (the ticket topic)', () => {
    const GROUP = () => faultTicketsProjection(new OutboxWriter()).groupId('asset', harness.kafka.namespace);
    const topic = () => topicName(topicFor('ticket'), harness.kafka.namespace);
    const publish = async (events: TicketEvent[]) => {
      const publisher = createEventPublisher(harness.kafka.kafka);
      try {
        await publisher.publish(topic(), events);
      } finally {
        await publisher.close();
      }
      await waitForGroupCaughtUp(harness.kafka.kafka, GROUP(), topic());
    };
    const fingerprint = async (assetId: string) => ({
      asset: await harness.app.dataSource.query('select status, version from assets where id = $1', [
        assetId,
      ]),
      faults: await harness.app.dataSource.query(
        'select ticket_id, status, reported_at, repaired_at from asset_faults where asset_id = $1 order by reported_at',
        [assetId],
      ),
      events: typesOf(await outboxEvents(harness, assetId)),
    });
    /** The asset is back IN_USE with one fault, from the ticket, repaired; its state for later comparisons. */
    const expectRepairedByTicket = async (
      id: string,
      ticketId: string,
      reported: string,
      repaired: string,
    ) => {
      const state = await fingerprint(id);
      expect(state.asset[0].status).toBe('IN_USE');
      expect(state.faults).toEqual([
        {
          ticket_id: ticketId,
          status: 'REPAIRED',
          reported_at: new Date(reported),
          repaired_at: new Date(repaired),
        },
      ]);
      return state;
    };
    let assetId: string;
    let story: TicketStory;

    it('a FAULT ticket with an assetId marks the asset FAULTY; its resolution restores it', async () => {
      assetId = (await registerAsset(harness, { inServiceSince: '2025-01-01' })).id;
      story = new TicketStory({ kind: 'FAULT', openedAt: '2026-03-02T08:00:00.000Z' });
      (story.events[0].data as { assetId: string | null }).assetId = assetId;
      // Other tickets change nothing: a service request about the asset, a fault about no asset.
      const request = new TicketStory({ openedAt: '2026-03-02T08:00:00.000Z' });
      (request.events[0].data as { assetId: string | null }).assetId = assetId;
      await publish([story.events[0], ...request.events, ...new TicketStory({ kind: 'FAULT' }).events]);
      expect(await statusOf(assetId)).toBe('FAULTY');

      story.acknowledge().resolve('2026-03-02T12:00:00.000Z').close();
      await publish(story.events.slice(1));
      const state = await expectRepairedByTicket(
        assetId,
        story.ticketId,
        '2026-03-02T08:00:00.000Z',
        '2026-03-02T12:00:00.000Z',
      );
      expect(state.events).toEqual([
        'asset.registered',
        'asset.status_changed',
        'asset.fault_reported',
        'asset.status_changed',
        'asset.fault_repaired',
      ]);
    });

    it('is idempotent: duplicates, the same events under new ids, and a full replay change nothing', async () => {
      const before = await fingerprint(assetId);
      await publish(story.events);
      expect(await fingerprint(assetId)).toEqual(before);
      await publish(story.events.map((event) => ({ ...event, eventId: randomUUID() }) as TicketEvent));
      expect(await fingerprint(assetId)).toEqual(before);
      await harness.app.replay('fault-tickets');
      await waitForGroupCaughtUp(harness.kafka.kafka, GROUP(), topic());
      expect(await fingerprint(assetId)).toEqual(before);
    });

    describe('about an asset the ledger does not know', () => {
      const LIST = `{ unmatchedFaultTickets(first: 100) { totalCount edges { node {
        ticketId ticketNumber assetId openedAt ticketResolvedAt } } } }`;
      const ATTACH = `mutation($input: AttachFaultTicketInput!) { attachFaultTicket(input: $input) {
        assetId ticketId status reportedAt repairedAt } }`;
      const DISMISS = `mutation($input: DismissFaultTicketInput!) { dismissFaultTicket(input: $input) {
        ticketId dismissedAt dismissReason } }`;
      type Listed = { ticketId: string; assetId: string; ticketResolvedAt: string | null };
      const listed = async (role: 'ADMIN' | 'TECHNICIAN' = 'ADMIN'): Promise<Listed[]> =>
        (
          await harness.ok<{ unmatchedFaultTickets: { edges: { node: Listed }[] } }>(LIST, {}, { role })
        ).unmatchedFaultTickets.edges.map((edge) => edge.node);
      const parked = (ticketId: string) =>
        harness.app.dataSource.query('select * from unmatched_fault_tickets where ticket_id = $1', [
          ticketId,
        ]);
      const faultStory = (assetId: string, openedAt = '2026-03-03T08:00:00.000Z') => {
        const faulty = new TicketStory({ kind: 'FAULT', openedAt });
        (faulty.events[0].data as { assetId: string | null }).assetId = assetId;
        return faulty;
      };
      const replay = async () => {
        await harness.app.replay('fault-tickets');
        await waitForGroupCaughtUp(harness.kafka.kafka, GROUP(), topic());
      };

      it('parks it with its resolution (idempotently), lists it, and attaches it to the right asset as a repaired fault', async () => {
        const unknown = randomUUID();
        const orphan = faultStory(unknown);
        const before = await rowCounts(harness, ['asset_faults', 'outbox']);
        await publish([orphan.events[0]]);
        expect(await listed('TECHNICIAN')).toContainEqual(
          expect.objectContaining({ ticketId: orphan.ticketId, assetId: unknown, ticketResolvedAt: null }),
        );
        orphan.acknowledge().resolve('2026-03-03T10:00:00.000Z').close();
        await publish(orphan.events.slice(1));
        const row = await parked(orphan.ticketId);
        expect(row).toEqual([
          expect.objectContaining({
            asset_id: unknown,
            opened_at: new Date('2026-03-03T08:00:00.000Z'),
            ticket_resolved_at: new Date('2026-03-03T10:00:00.000Z'),
            dismissed_at: null,
          }),
        ]);
        // Nothing else was written, and duplicates and a replay change nothing.
        expect(await rowCounts(harness, ['asset_faults', 'outbox'])).toEqual(before);
        await publish(orphan.events.map((event) => ({ ...event, eventId: randomUUID() }) as TicketEvent));
        await replay();
        expect(await parked(orphan.ticketId)).toEqual(row);

        const target = (await registerAsset(harness, { inServiceSince: '2025-01-01' })).id;
        await expectRefused(
          harness,
          ATTACH,
          { input: { ticketId: orphan.ticketId, assetId: target } },
          { code: 'FORBIDDEN' },
          { role: 'AGENT' },
        );
        await expectRefused(
          harness,
          ATTACH,
          { input: { ticketId: orphan.ticketId, assetId: randomUUID() } },
          { code: 'NOT_FOUND' },
        );
        const attached = await harness.ok<{ attachFaultTicket: Record<string, unknown> }>(
          ATTACH,
          { input: { ticketId: orphan.ticketId, assetId: target } },
          { role: 'TECHNICIAN' },
        );
        expect(attached.attachFaultTicket).toEqual({
          assetId: target,
          ticketId: orphan.ticketId,
          status: 'REPAIRED',
          reportedAt: '2026-03-03T08:00:00.000Z',
          repairedAt: '2026-03-03T10:00:00.000Z',
        });
        expect(await parked(orphan.ticketId)).toEqual([]);
        expect((await listed()).map((t) => t.ticketId)).not.toContain(orphan.ticketId);
        const state = await fingerprint(target);
        expect(state.asset[0].status).toBe('IN_USE');
        expect(state.events).toEqual(['asset.registered', 'asset.fault_reported', 'asset.fault_repaired']);

        // Attached once only; a replay neither parks it again nor adds a fault.
        await expectRefused(
          harness,
          ATTACH,
          { input: { ticketId: orphan.ticketId, assetId: target } },
          { code: 'NOT_FOUND' },
        );
        await replay();
        expect(await parked(orphan.ticketId)).toEqual([]);
        expect(await fingerprint(target)).toEqual(state);
      });

      it('attached while the ticket is open: the asset goes FAULTY, and the resolution of the ticket repairs it', async () => {
        const orphan = faultStory(randomUUID(), '2026-03-04T08:00:00.000Z');
        await publish([orphan.events[0]]);
        const target = (await registerAsset(harness, { inServiceSince: '2025-01-01' })).id;
        await harness.ok(ATTACH, { input: { ticketId: orphan.ticketId, assetId: target } });
        expect(await statusOf(target)).toBe('FAULTY');
        orphan.acknowledge().resolve('2026-03-04T09:30:00.000Z');
        await publish(orphan.events.slice(1));
        await expectRepairedByTicket(
          target,
          orphan.ticketId,
          '2026-03-04T08:00:00.000Z',
          '2026-03-04T09:30:00.000Z',
        );
      });

      it('dismisses one for good, audited; managers only', async () => {
        const orphan = faultStory(randomUUID());
        await publish([orphan.events[0]]);
        const input = { ticketId: orphan.ticketId, reason: 'About a customer-owned printer' };
        await expectRefused(harness, DISMISS, { input }, { code: 'FORBIDDEN' }, { role: 'TECHNICIAN' });
        const dismissed = await harness.ok<{ dismissFaultTicket: Record<string, unknown> }>(DISMISS, {
          input,
        });
        expect(dismissed.dismissFaultTicket).toMatchObject({
          ticketId: orphan.ticketId,
          dismissedAt: expect.any(String),
          dismissReason: 'About a customer-owned printer',
        });
        expect((await listed()).map((t) => t.ticketId)).not.toContain(orphan.ticketId);
        const [audit] = await harness.app.dataSource.query(
          `select action, changes from audit_log where aggregate_type = 'unmatched-fault-ticket' and aggregate_id = $1`,
          [orphan.ticketId],
        );
        expect(audit).toMatchObject({ action: 'DISMISSED', changes: { reason: input.reason } });
        await replay();
        expect((await listed()).map((t) => t.ticketId)).not.toContain(orphan.ticketId);
        await expectRefused(harness, DISMISS, { input }, { code: 'NOT_FOUND' });
      });
    });
  });
});
