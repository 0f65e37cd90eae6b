// KPI snapshots on real PostgreSQL and Kafka: live events queue their day cells, which are published on
// opsgraph.kpi.snapshots.v1 at most once per minute per cell; a period that ended is closed once, with one
// snapshot per dimension, however many replicas try. The jobs are off: the test drives the publisher's clock.
import { randomUUID } from 'node:crypto';
import type { EventEnvelope } from '@opsgraph/contracts-events';
import { TicketStory } from '@opsgraph/contracts-events/testing';
import { Role } from '@opsgraph/domain';
import { eventsOf } from '@opsgraph/testing';
import type { Dimension } from '../engine/cell.rules';
import { dayOf, periodContaining } from '../engine/period.rules';
import { startKpiHarness, type KpiHarness } from '../testing/harness';
import { SnapshotPublisher } from './snapshot.publisher';
import { snapshotIdOf } from './snapshot.rules';

type SnapshotEvent = EventEnvelope<string, { periodKind: string; figures: Record<string, unknown> }>;

describe('KPI snapshots (real PostgreSQL and Kafka)', () => {
  let harness: KpiHarness;
  const department = randomUUID();
  const dimension = { kind: 'DEPARTMENT' as const, value: department };
  const start = Date.now();
  const day = dayOf(new Date(start - 60_000), 'UTC');
  const publisherAt = (offsetMs: number) =>
    new SnapshotPublisher(harness.app.dataSource, {
      namespace: harness.kafka.namespace,
      timeZone: 'UTC',
      clock: () => new Date(start + offsetMs),
    });
  /** A ticket of the department opened a minute ago and resolved now. */
  const resolvedTicket = () =>
    new TicketStory({ openedAt: new Date(start - 60_000).toISOString(), departmentId: department }).resolve(
      new Date(start - 30_000).toISOString(),
      { withinSla: true },
    ).events;
  const pending = async () =>
    (
      await harness.app.dataSource.query(
        `select count(*)::int as n from kpi_snapshot_pending where dimension_value = $1`,
        [department],
      )
    )[0].n as number;
  const snapshotEvents = (kind: 'DAY', count: number) =>
    eventsOf(harness.kafka, 'kpi-snapshot', snapshotIdOf(kind, day, dimension), count) as Promise<
      SnapshotEvent[]
    >;

  beforeAll(async () => {
    harness = await startKpiHarness('kpi-snapshots', Role.ADMIN, { RUN_JOBS: 'false' });
  });
  afterAll(() => harness?.close());

  it('publishes a changed day cell live, at most once per minute, then closes the day once', async () => {
    await harness.publish(resolvedTicket());
    expect(await pending()).toBe(1);
    const first = await publisherAt(0).runOnce();
    expect(first.liveUpdates).toBeGreaterThanOrEqual(1);
    expect(await pending()).toBe(0);
    const [live] = await snapshotEvents('DAY', 1);
    expect(live).toMatchObject({
      type: 'kpi-snapshot.live_updated',
      aggregateVersion: 1,
      data: { periodKind: 'DAY', periodStart: day, periodEnd: day, dimensionValue: department },
    });
    expect(live.data.figures).toMatchObject({
      tickets: 1,
      ticketsResolved: 1,
      slaBreachRate: 0,
      backlogAtEnd: 0,
    });

    // A second change within the minute waits: the cell stays pending until a minute after its last update.
    await harness.publish(resolvedTicket());
    await publisherAt(30_000).runOnce();
    expect(await pending()).toBe(1);
    await publisherAt(61_000).publishLive();
    expect(await pending()).toBe(0);

    // The next day the day closes: one period_closed for the department's day, on the same aggregate.
    const closing = publisherAt(24 * 3600_000);
    const closed = await closing.closeEndedPeriods();
    expect(closed.closedPeriods).toBeGreaterThanOrEqual(1);
    expect(await closing.closeEndedPeriods()).toEqual({ closedPeriods: 0, closeSnapshots: 0 });
    // (the reader's group has read the first update already)
    const events = await snapshotEvents('DAY', 2);
    expect(events.map((event) => [event.type, event.aggregateVersion])).toEqual([
      ['kpi-snapshot.live_updated', 2],
      ['kpi-snapshot.period_closed', 3],
    ]);
    expect(events[0].data.figures).toMatchObject({ tickets: 2, ticketsResolved: 2 });
    expect(events[1].data.figures).toMatchObject({ tickets: 2, ticketsResolved: 2 });
  });

  it('closes each ended period once when two replicas close at the same time', async () => {
    const [a, b] = await Promise.all([
      publisherAt(3 * 24 * 3600_000).closeEndedPeriods(),
      publisherAt(3 * 24 * 3600_000).closeEndedPeriods(),
    ]);
    const rows: Array<{ kind: string; start: string; n: number }> = await harness.app.dataSource.query(
      `select period_kind as kind, period_start::text as start, count(*)::int as n from kpi_period_closes
       group by 1, 2 order by 1, 2`,
    );
    expect(rows.every((row) => row.n === 1)).toBe(true);
    // the day before the first run (closed by it), the test's day, and the two days after it, each closed by
    // exactly one of the replicas
    const days = rows.filter((row) => row.kind === 'DAY').map((row) => row.start);
    expect(days).toEqual([
      dayOf(new Date(start - 24 * 3600_000), 'UTC'),
      day,
      dayOf(new Date(start + 24 * 3600_000), 'UTC'),
      dayOf(new Date(start + 2 * 24 * 3600_000), 'UTC'),
    ]);
    expect(a.closedPeriods + b.closedPeriods).toBeGreaterThanOrEqual(2);
  });

  it('publishes the running month of a changed department and employee at most once per minute', async () => {
    // (handled in a department of its own: the first test's department was published live at +61 s)
    const [handler, handling, blamedDepartment, blamedEmployee] = [
      randomUUID(),
      randomUUID(),
      randomUUID(),
      randomUUID(),
    ];
    const month = periodContaining('MONTH', dayOf(new Date(start), 'UTC'));
    const monthEvents = (dimension: Dimension, count: number) =>
      eventsOf(
        harness.kafka,
        'kpi-snapshot',
        snapshotIdOf('MONTH', month.start, dimension),
        count,
      ) as Promise<SnapshotEvent[]>;
    const blamedAt = (offsetMs: number) =>
      new TicketStory({ openedAt: new Date(start - 60_000).toISOString(), kind: 'COMPLAINT' })
        .assign(undefined, handler, handling)
        .investigate(new Date(start - 30_000 + offsetMs).toISOString(), blamedDepartment, blamedEmployee)
        .events;
    await harness.publish(blamedAt(0));
    const first = await publisherAt(0).runOnce();
    expect(first.monthUpdates).toBeGreaterThanOrEqual(3);
    const [employee] = await monthEvents({ kind: 'EMPLOYEE', value: blamedEmployee }, 1);
    expect(employee).toMatchObject({
      type: 'kpi-snapshot.month_updated',
      aggregateVersion: 1,
      data: {
        periodKind: 'MONTH',
        periodStart: month.start,
        periodEnd: month.end,
        dimensionKind: 'EMPLOYEE',
      },
    });
    expect(employee.data.figures).toMatchObject({ tickets: 0, complaintsAgainst: 1 });
    const [handled] = await monthEvents({ kind: 'EMPLOYEE', value: handler }, 1);
    expect(handled.data.figures).toMatchObject({ tickets: 1, complaints: 1, complaintsAgainst: 0 });

    // Two more complaints within the minute wait for the minute; then one update carries all three.
    await harness.publish(blamedAt(1000));
    await harness.publish(
      new TicketStory({ openedAt: new Date(start - 50_000).toISOString(), kind: 'COMPLAINT' })
        .assign(undefined, handler, handling)
        .investigate(new Date(start - 20_000).toISOString(), blamedDepartment, blamedEmployee).events,
    );
    expect((await publisherAt(30_000).runOnce()).monthUpdates).toBe(0);
    expect((await publisherAt(61_000).runOnce()).monthUpdates).toBeGreaterThanOrEqual(3);
    const updates = await monthEvents({ kind: 'DEPARTMENT', value: blamedDepartment }, 2);
    expect(updates.map((event) => [event.type, event.aggregateVersion])).toEqual([
      ['kpi-snapshot.month_updated', 1],
      ['kpi-snapshot.month_updated', 2],
    ]);
    expect(updates[1].data.figures).toMatchObject({ tickets: 0, complaintsAgainst: 3 });
  });

  it('replayed old history queues no live update', async () => {
    const old = new TicketStory({ openedAt: '2025-01-06T09:00:00.000Z', departmentId: department }).resolve(
      '2025-01-06T10:00:00.000Z',
      { withinSla: false },
    ).events;
    await harness.publish(old);
    expect(await pending()).toBe(0);
  });
});
