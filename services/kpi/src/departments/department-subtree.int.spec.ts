// Department subtree KPIs on real PostgreSQL and Kafka: the tree comes from the department topic, and a subtree's
// figures are the merge of its departments' day cells.
import { randomUUID } from 'node:crypto';
import { TicketStory } from '@opsgraph/contracts-events/testing';
import { Role } from '@opsgraph/domain';
import { departmentEvent } from '../testing/ops-events';
import { startKpiHarness, type KpiHarness } from '../testing/harness';

describe('department subtree KPIs (real PostgreSQL and Kafka)', () => {
  let harness: KpiHarness;
  // root ─┬─ a ── a1
  //       └─ b
  const [root, a, a1, b] = [randomUUID(), randomUUID(), randomUUID(), randomUUID()];
  const tickets = (department: string, count: number) =>
    Array.from({ length: count }, () =>
      new TicketStory({ openedAt: '2025-05-05T09:00:00.000Z' })
        .acknowledge('2025-05-05T09:10:00.000Z', 600)
        .assign('2025-05-05T09:20:00.000Z', randomUUID(), department),
    ).flatMap((story) => story.events);
  const tickets$ = async (department: string, includeSubdepartments?: boolean) => {
    const dimension = { kind: 'DEPARTMENT', value: department, includeSubdepartments };
    const { kpi } = await harness.ok<{ kpi: { tickets: number; includeSubdepartments: boolean } }>(
      `query($p: KpiPeriodInput!, $d: KpiDimensionInput) {
        kpi(period: $p, dimension: $d) { tickets includeSubdepartments } }`,
      { p: { kind: 'MONTH', date: '2025-05-15' }, d: dimension },
    );
    return kpi.tickets;
  };

  beforeAll(async () => {
    harness = await startKpiHarness('kpi-subtree', Role.ANALYST);
    await harness.publish([...tickets(root, 1), ...tickets(a, 2), ...tickets(a1, 4), ...tickets(b, 8)]);
  });
  afterAll(() => harness?.close());

  it('merges the cells of the whole subtree, or of the department alone', async () => {
    const tree = [
      departmentEvent(root, null),
      departmentEvent(a, root),
      departmentEvent(a1, a),
      departmentEvent(b, root),
    ];
    // Children first and twice: the tree doesn't depend on the order, and duplicates change nothing.
    await harness.publishOps([...tree].reverse().concat(tree), 'department');
    expect(await tickets$(root, true)).toBe(15);
    expect(await tickets$(a, true)).toBe(6);
    expect(await tickets$(a)).toBe(2);
    expect(await tickets$(a1, true)).toBe(4);
  });

  it('follows a move; an older event arriving late does not undo it', async () => {
    await harness.publishOps([departmentEvent(a1, b, 2), departmentEvent(a1, a, 1)], 'department');
    expect(await tickets$(a, true)).toBe(2);
    expect(await tickets$(b, true)).toBe(12);
    expect(await tickets$(root, true)).toBe(15);
  });

  it('refuses includeSubdepartments on any other cut with BAD_USER_INPUT naming the field', async () => {
    const refused = await harness.gql(
      `query($p: KpiPeriodInput!, $d: KpiDimensionInput) { kpi(period: $p, dimension: $d) { tickets } }`,
      {
        p: { kind: 'MONTH', date: '2025-05-15' },
        d: { kind: 'CHANNEL', value: 'PHONE', includeSubdepartments: true },
      },
    );
    expect(refused.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'dimension.includeSubdepartments',
    });
  });
});
