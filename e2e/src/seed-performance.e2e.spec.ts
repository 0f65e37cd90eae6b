import { seed } from './seed/seed';
import { graphClient } from './support/graph-client';
import { startStack, type Stack } from './support/stack';
import { signToken } from './support/tokens';

// The performance part of the demo seed (e2e/src/seed/appraisals.ts): last month's published cycle, this month's
// open one, and a training session with its measured effect — all through the gateway.
let stack: Stack;
beforeAll(async () => {
  stack = await startStack('e2e-seed-performance');
}, 180_000);
afterAll(() => stack?.stop());

const monthOf = (date: Date) => date.toISOString().slice(0, 7);

it('seeds a published cycle, one in progress and a measured training session', async () => {
  const now = new Date();
  await seed({ gatewayUrl: stack.gatewayUrl, tickets: 60, customers: 20, now, log: () => undefined });
  const hr = graphClient(stack.gatewayUrl, await signToken({ role: 'HR' }));
  const { departments } = await hr.data<{ departments: { children: { id: string; code: string }[] }[] }>(
    '{ departments { children { id code } } }',
  );
  const cs = departments.flatMap((d) => d.children).find((d) => d.code === 'CS')!;
  const current = monthOf(now);
  const [year, month] = current.split('-').map(Number);
  const last = month === 1 ? `${year - 1}-12` : `${year}-${String(month - 1).padStart(2, '0')}`;

  type Cycle = {
    cycle: {
      period: string;
      department: { code: string } | null;
      appraisals: { status: string; grade: string | null }[];
    };
    gradeDistribution: { counts: { grade: string; count: number }[]; ungraded: number; total: number };
  };
  const cycleOf = async (period: string) =>
    (
      await hr.data<{ department: { appraisalCycle: Cycle } }>(
        `query ($id: ID!, $p: String!) { department(id: $id) { appraisalCycle(period: $p) {
           cycle { period department { code } appraisals { status grade } }
           gradeDistribution { counts { grade count } ungraded total } } } }`,
        { id: cs.id, p: period },
      )
    ).department.appraisalCycle;

  // Customer Service: its manager and ten specialists, all published with a grade, 10/20/40/20/10 % forced
  const published = await cycleOf(last);
  expect(published.cycle.department?.code).toBe('CS');
  expect(published.cycle.appraisals).toHaveLength(11);
  expect(new Set(published.cycle.appraisals.map((a) => a.status))).toEqual(new Set(['PUBLISHED']));
  expect(published.gradeDistribution.total).toBe(11);
  expect(published.gradeDistribution.ungraded).toBe(0);
  const counts = Object.fromEntries(published.gradeDistribution.counts.map((c) => [c.grade, c.count]));
  expect(counts.S + counts.A + counts.B + counts.C + counts.D).toBe(11);
  // The bottom 30 % (cumulative quota 8 of 11) fall in C or D; which of the two depends on ties among the lowest
  // totals (a tie takes the better grade), and so on the seeded tickets.
  expect(counts.C + counts.D).toBeGreaterThanOrEqual(1);

  // this month: the centre-wide cycle, three self reviews started in CS
  const open = await cycleOf(current);
  expect(open.cycle.department).toBeNull();
  expect(open.cycle.appraisals.filter((a) => a.status === 'SELF_REVIEW')).toHaveLength(3);
  expect(open.cycle.appraisals.every((a) => a.grade === null)).toBe(true);

  const { trainingPlans } = await hr.data<{
    trainingPlans: {
      sessions: {
        enrolled: number;
        attendees: { attended: boolean; examScore: number | null; certificateNumber: string | null }[];
        effect: { measured: number; averageChange: number | null; attendees: { change: number | null }[] };
      }[];
    }[];
  }>(
    `query ($id: ID!) { trainingPlans(departmentId: $id) { sessions { enrolled
       attendees { attended examScore certificateNumber }
       effect(windowMonths: 1) { measured averageChange attendees { change } } } } }`,
    { id: cs.id },
  );
  const [session] = trainingPlans[0].sessions;
  expect(session.enrolled).toBe(8);
  expect(session.attendees.filter((a) => a.attended)).toHaveLength(7);
  for (const attendee of session.attendees) {
    expect(attendee.certificateNumber !== null).toBe(attendee.attended && (attendee.examScore ?? 0) >= 60);
  }
  // the effect covers the seven attendees; those with tickets in both windows are measured
  expect(session.effect.attendees).toHaveLength(7);
  expect(session.effect.measured).toBe(session.effect.attendees.filter((a) => a.change !== null).length);
  expect(session.effect.measured).toBeGreaterThan(0);
  expect(session.effect.averageChange).toEqual(expect.any(Number));
}, 300_000);
