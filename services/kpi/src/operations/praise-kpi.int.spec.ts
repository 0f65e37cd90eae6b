// Praise counts on real PostgreSQL and Kafka: `ticket.praise_credited` on this suite's ticket topic is folded by the
// ops-kpi consumer into the EMPLOYEE cells of the letter's first-credit day.
import { randomUUID } from 'node:crypto';
import type { DomainEvent } from '@opsgraph/contracts-events';
import { TicketStory } from '@opsgraph/contracts-events/testing';
import { Role } from '@opsgraph/domain';
import { startKpiHarness, type KpiHarness } from '../testing/harness';

describe('praise counts (real PostgreSQL and Kafka)', () => {
  let harness: KpiHarness;
  const [e1, e2, e3] = [randomUUID(), randomUUID(), randomUUID()];
  const praises = async (employee: string, date = '2025-06-15', kind = 'MONTH') =>
    (
      await harness.ok<{ kpi: { praises: number } }>(
        `query($p: KpiPeriodInput!, $d: KpiDimensionInput) { kpi(period: $p, dimension: $d) { praises } }`,
        { p: { kind, date }, d: { kind: 'EMPLOYEE', value: employee } },
      )
    ).kpi.praises;
  const letter = (day: string) =>
    new TicketStory({ kind: 'PRAISE', openedAt: `2025-06-${day}T08:00:00.000Z` });
  const publish = (events: readonly unknown[]) => harness.publishOps(events as DomainEvent[], 'ticket');

  beforeAll(async () => {
    harness = await startKpiHarness('kpi-praise', Role.ANALYST);
  });
  afterAll(() => harness?.close());

  it('counts each letter once per credited employee, on the first-credit day', async () => {
    // Letter 1 credits e1 and e2 on 06-02; letter 2 credits e1 on 06-03.
    await publish([
      ...letter('02').praise('2025-06-02T09:00:00.000Z', [e1, e2]).events,
      ...letter('03').praise('2025-06-03T09:00:00.000Z', [e1]).events,
    ]);
    expect([await praises(e1), await praises(e2), await praises(e3)]).toEqual([2, 1, 0]);
    expect(await praises(e1, '2025-06-02', 'DAY')).toBe(1);
  });

  it('moves the count on a correction, delivered twice and out of order, and keeps the first-credit day', async () => {
    const story = letter('10')
      .praise('2025-06-10T09:00:00.000Z', [e2])
      .praise('2025-07-01T09:00:00.000Z', [e3], [e2]);
    const events = story.events.filter((event) => event.type !== 'ticket.opened');
    await publish([...events].reverse());
    await publish(events.map((event) => ({ ...event, eventId: randomUUID() })));
    // e2: letter 1 only (letter 3 moved to e3); e3: letter 3 in June, its first-credit month, not July.
    expect([await praises(e1), await praises(e2), await praises(e3)]).toEqual([2, 1, 1]);
    expect(await praises(e3, '2025-07-15')).toBe(0);
  });
});
