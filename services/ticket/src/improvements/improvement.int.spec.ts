// The improvement register on real PostgreSQL (docs/product.md §11.9): raised from a complaint, implemented,
// verified from the KPI figure after, revised when ineffective, overdue once; refused input writes nothing.
import { randomUUID } from 'node:crypto';
import { as, ids, openTicket } from '../test-support/fixtures';
import { startTicketHarness, type TicketHarness } from '../test-support/ticket-harness';

let harness: TicketHarness;
beforeAll(async () => {
  harness = await startTicketHarness('ticket-improvements', { consumeTopic: false, env: { RUN_SLA_SCANNER: 'false' } });
});
afterAll(() => harness?.stop());

const DAY = 86_400_000;
const FIELDS = 'id version status measured effect { kpi direction baseline target } owner { id } sourceTicket { id }';
type View = { id: string; version: number; status: string; measured: number | null; sourceTicket: { id: string } | null };

async function run(name: string, inputType: string, input: Record<string, unknown>, claims = as.manager) {
  return harness.gql<Record<string, View>>(
    `mutation($input: ${inputType}!) { result: ${name}(input: $input) { ${FIELDS} } }`,
    { input },
    claims,
  );
}
async function ok(name: string, inputType: string, input: Record<string, unknown>, claims = as.manager) {
  const reply = await run(name, inputType, input, claims);
  if (reply.errors) throw new Error(JSON.stringify(reply.errors));
  return reply.data!.result;
}
const raiseInput = (overrides: Record<string, unknown> = {}) => ({
  title: 'Call-back queue in the hand-over',
  description: 'Missed call-backs keep causing complaints',
  source: 'COMPLAINT',
  ownerId: ids.agentEmployee,
  deadline: new Date(Date.now() + 30 * DAY).toISOString(),
  effect: { kpi: 'Complaints per 100 tickets', direction: 'DECREASE', baseline: 2.4, target: 1 },
  ...overrides,
});
const eventsOf = (id: string) =>
  harness.sql<{ type: string }>(`select event_type as type from outbox where aggregate_id::text = $1 order by id`, [id]);

it('is raised from a complaint, verified ineffective, revised, and verified effective from the figures after', async () => {
  const complaint = await openTicket(harness, { kind: 'COMPLAINT', category: null });
  let improvement = await ok('raiseImprovement', 'RaiseImprovementInput', raiseInput({ sourceTicketId: complaint.id }));
  expect(improvement).toMatchObject({ status: 'OPEN', sourceTicket: { id: complaint.id } });
  const step = async (name: string, inputType: string, input: Record<string, unknown>, claims = as.manager) => {
    improvement = await ok(name, inputType, { improvementId: improvement.id, expectedVersion: improvement.version, ...input }, claims);
    return improvement;
  };
  await step('implementImprovement', 'ImplementImprovementInput', { note: 'Checklist v3' }, as.agent);
  expect(await step('verifyImprovement', 'VerifyImprovementInput', { measured: 2.1, note: 'March' })).toMatchObject({
    status: 'INEFFECTIVE',
    measured: 2.1,
  });
  await step('reviseImprovement', 'ReviseImprovementInput', {
    deadline: new Date(Date.now() + 60 * DAY).toISOString(),
    reason: 'The night shift was not trained',
  });
  await step('implementImprovement', 'ImplementImprovementInput', { note: 'Night shift trained' }, as.agent);
  expect(await step('verifyImprovement', 'VerifyImprovementInput', { measured: 0.9, note: 'May' })).toMatchObject({
    status: 'EFFECTIVE',
  });
  expect((await eventsOf(improvement.id)).map((e) => e.type)).toEqual([
    'improvement.raised',
    'improvement.implemented',
    'improvement.verified',
    'improvement.revised',
    'improvement.implemented',
    'improvement.verified',
  ]);
});

it('refuses a suggestion not accepted, an unknown owner, a target short of the baseline, and non-managers', async () => {
  const suggestion = await openTicket(harness, { kind: 'SUGGESTION', category: null });
  const count = async () => (await harness.sql<{ n: number }>('select count(*)::int as n from improvements'))[0].n;
  const before = await count();
  const error = async (input: Record<string, unknown>, claims = as.manager) =>
    (await run('raiseImprovement', 'RaiseImprovementInput', input, claims)).errors?.[0]?.extensions;
  expect(await error(raiseInput({ source: 'SUGGESTION', sourceTicketId: suggestion.id }))).toMatchObject({
    code: 'BAD_USER_INPUT',
    field: 'input.sourceTicketId',
  });
  expect(await error(raiseInput({ source: 'FINDING', finding: 'Audit', ownerId: randomUUID() }))).toMatchObject({
    code: 'BAD_USER_INPUT',
    field: 'input.ownerId',
  });
  expect(
    await error(
      raiseInput({ source: 'FINDING', finding: 'Audit', effect: { kpi: 'x', direction: 'INCREASE', baseline: 5, target: 4 } }),
    ),
  ).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.effect.target' });
  expect(await error(raiseInput({ source: 'FINDING', finding: 'Audit' }), as.agent)).toMatchObject({ code: 'FORBIDDEN' });
  expect(await count()).toBe(before);
});

it('an improvement not implemented by its deadline is reported overdue once', async () => {
  const raised = await ok('raiseImprovement', 'RaiseImprovementInput', {
    ...raiseInput({ source: 'FINDING', finding: 'Quality audit: hand-over gaps' }),
    deadline: new Date(Date.now() + 60 * 60_000).toISOString(),
  });
  const improvements = harness.app.services.improvements;
  expect(await improvements.reportNextOverdue()).toBe(false);
  harness.clock.advance(2 * 60 * 60_000);
  expect(await improvements.reportNextOverdue()).toBe(true);
  expect(await improvements.reportNextOverdue()).toBe(false);
  expect((await eventsOf(raised.id)).map((e) => e.type)).toEqual(['improvement.raised', 'improvement.overdue']);
});
