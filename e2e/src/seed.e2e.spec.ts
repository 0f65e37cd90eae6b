import { seed } from './seed/seed';
import { graphClient } from './support/graph-client';
import { startStack, type Stack } from './support/stack';
import { signToken } from './support/tokens';

// `npm run seed` against the whole stack, small: every lifecycle goes through, and a second run adds nothing.
let stack: Stack;
beforeAll(async () => {
  stack = await startStack('e2e-seed');
}, 180_000);
afterAll(() => stack?.stop());

const quiet = () => undefined;

it('builds the demo centre through the graph, then finds it there and adds nothing', async () => {
  const first = await seed({ gatewayUrl: stack.gatewayUrl, tickets: 60, customers: 20, log: quiet });
  expect(first).toMatchObject({ departments: 6, employees: 32, customers: 20, ticketsCreated: 60, ticketsFailed: 0, skipped: false });

  const admin = graphClient(stack.gatewayUrl, await signToken({ role: 'ADMIN' }));
  const { tickets, surveyed } = await admin.data<{ tickets: { totalCount: number }; surveyed: { totalCount: number } }>(
    '{ tickets(first: 1) { totalCount } surveyed: tickets(first: 1, filter: { status: [CLOSED] }) { totalCount } }',
  );
  expect(tickets.totalCount).toBe(60);
  expect(surveyed.totalCount).toBeGreaterThan(10);

  const second = await seed({ gatewayUrl: stack.gatewayUrl, tickets: 60, customers: 20, log: quiet });
  expect(second).toMatchObject({ departments: 6, employees: 32, customers: 20, ticketsCreated: 0, skipped: true });
}, 180_000);
