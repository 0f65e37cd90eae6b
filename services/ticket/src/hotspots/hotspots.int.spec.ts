// complaintHotspots on real PostgreSQL (docs/product.md §11.6).
import { as, change, ids, openTicket } from '../test-support/fixtures';
import { startTicketHarness, type TicketHarness } from '../test-support/ticket-harness';

let harness: TicketHarness;
const DAY = 86_400_000;
const now = Date.now();
const period = { from: new Date(now - 30 * DAY).toISOString(), to: new Date(now + DAY).toISOString() };
const QUERY = `query($period: ComplaintPeriodInput!, $by: ComplaintHotspotDimension!) {
  complaintHotspots(period: $period, by: $by) {
    total previousFrom hotspots { key department { id } count previousCount share rate trend } } }`;

beforeAll(async () => {
  harness = await startTicketHarness('ticket-hotspots', { consumeTopic: false, env: { RUN_SLA_SCANNER: 'false' } });
  const complaint = { kind: 'COMPLAINT', category: null };
  // The period before: one web complaint (imported as of 40 days ago).
  await openTicket(harness, { ...complaint, channel: 'WEB', occurredAt: new Date(now - 40 * DAY).toISOString() }, as.admin);
  // This period: two web complaints and a web fault, one phone complaint.
  const web = await openTicket(harness, { ...complaint, channel: 'WEB' });
  await openTicket(harness, { ...complaint, channel: 'WEB' });
  await openTicket(harness, { channel: 'WEB' });
  await openTicket(harness, { ...complaint, channel: 'PHONE' });
  await change(harness, 'recordComplaintInvestigation', 'RecordComplaintInvestigationInput', {
    ticketId: web.id,
    expectedVersion: web.version,
    findings: 'The web form lost the attachment',
    rootCause: 'Upload limit too low',
    responsibleDepartmentId: ids.serviceDesk,
    correctiveAction: 'Raise the limit',
    correctiveActionDueAt: new Date(now + 7 * DAY).toISOString(),
  });
});
afterAll(() => harness?.stop());

const hotspots = async (by: string) =>
  (await harness.data<{ complaintHotspots: Record<string, unknown> }>(QUERY, { period, by }, as.analyst)).complaintHotspots;

it('ranks channels by complaints, with share, complaint rate and trend against the period before', async () => {
  expect(await hotspots('CHANNEL')).toEqual({
    total: 3,
    previousFrom: new Date(now - 61 * DAY).toISOString(),
    hotspots: [
      { key: 'WEB', department: null, count: 2, previousCount: 1, share: 2 / 3, rate: 2 / 3, trend: 'UP' },
      { key: 'PHONE', department: null, count: 1, previousCount: 0, share: 1 / 3, rate: 1, trend: 'NEW' },
    ],
  });
});

it('groups by investigated root cause (not yet investigated: null) and by lead department', async () => {
  const causes = (await hotspots('ROOT_CAUSE')).hotspots as { key: string | null; count: number; rate: number | null }[];
  expect(causes.map(({ key, count, rate }) => ({ key, count, rate }))).toEqual([
    { key: null, count: 2, rate: null },
    { key: 'Upload limit too low', count: 1, rate: null },
  ]);
  const departments = (await hotspots('DEPARTMENT')).hotspots as { department: { id: string }; count: number }[];
  expect(departments.map(({ department, count }) => ({ department, count }))).toEqual([
    { department: { id: ids.serviceDesk }, count: 3 },
  ]);
});

it('is for managers and analysts only, over a real period', async () => {
  const refused = await harness.gql(QUERY, { period, by: 'CHANNEL' }, as.agent);
  expect(refused.errors?.[0].extensions.code).toBe('FORBIDDEN');
  const backwards = await harness.gql(QUERY, { period: { from: period.to, to: period.from }, by: 'CHANNEL' }, as.manager);
  expect(backwards.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'period.to' });
});
