import {
  createEvent,
  TicketComplaintCauseRecurring,
  topicFor,
  topicName,
  validateEvent,
} from '@opsgraph/contracts-events';
import { Role } from '@opsgraph/domain';
import { createServiceHarness, testCaller } from '@opsgraph/service-kit/testing';
import { createEventPublisher, eventsOf, waitForGroupCaughtUp } from '@opsgraph/testing';
import { randomUUID } from 'node:crypto';
import { subgraph } from '../subgraph';
import { complaintCausesProjection } from './complaint-causes.projection';
import { REPORT, reportInput } from '../test-support/incident-fixtures';

const RISK_FIELDS = `id likelihood impact score level residualScore nextReviewOn reviewOverdue version owner { id }
  observed { incidentsLastYear likelihood suggestion { likelihood direction reason } }`;
const REGISTER = `mutation($input: RegisterRiskInput!) { registerRisk(input: $input) { ${RISK_FIELDS} } }`;
const REASSESS = `mutation($input: ReassessRiskInput!) { reassessRisk(input: $input) { ${RISK_FIELDS} } }`;
const REVIEW = `mutation($input: RecordRiskReviewInput!) { recordRiskReview(input: $input) { ${RISK_FIELDS} } }`;

interface RiskView {
  id: string;
  score: number;
  level: string;
  version: number;
  reviewOverdue: boolean;
  nextReviewOn: string;
  observed: {
    incidentsLastYear: number;
    likelihood: number;
    suggestion: { likelihood: number; direction: string } | null;
  };
}

const OWNER = randomUUID();
const riskInput = (overrides: Record<string, unknown> = {}) => ({
  title: 'Power failure at a pumping station',
  category: 'SUPPLIER_FAILURE',
  likelihood: 2,
  impact: 4,
  ownerId: OWNER,
  mitigation: 'Generator on site; contract with a second supplier',
  residualScore: 4,
  nextReviewOn: '2099-01-01',
  ...overrides,
});

describe('the risk register (real PostgreSQL and Kafka)', () => {
  const start = () => createServiceHarness(subgraph, 'incident-risks');
  let harness: Awaited<ReturnType<typeof start>>;
  const register = async (overrides = {}) =>
    (await harness.ok<{ registerRisk: RiskView }>(REGISTER, { input: riskInput(overrides) })).registerRisk;
  const counts = () =>
    Promise.all(
      ['risks', 'outbox', 'audit_log'].map(
        async (table) => (await harness.app.dataSource.query(`select count(*)::int as n from ${table}`))[0].n,
      ),
    );

  beforeAll(async () => {
    harness = await start();
  });
  afterAll(() => harness?.stop());

  it('scores, re-assesses and reviews a risk, publishing valid risk events', async () => {
    const risk = await register();
    expect(risk).toMatchObject({ score: 8, level: 'MEDIUM', reviewOverdue: false, owner: { id: OWNER } });
    const reassessed = (
      await harness.ok<{ reassessRisk: RiskView }>(REASSESS, {
        input: { riskId: risk.id, expectedVersion: 1, likelihood: 4, impact: 5 },
      })
    ).reassessRisk;
    expect(reassessed).toMatchObject({ score: 20, level: 'CRITICAL', version: 2, residualScore: 4 });
    const reviewed = (
      await harness.ok<{ recordRiskReview: RiskView }>(REVIEW, {
        input: {
          riskId: risk.id,
          expectedVersion: 2,
          nextReviewOn: '2099-06-01',
          note: 'Checked the generator',
        },
      })
    ).recordRiskReview;
    expect(reviewed).toMatchObject({ nextReviewOn: '2099-06-01', version: 3 });

    const events = await eventsOf(harness.kafka, 'risk', risk.id, 3);
    expect(events.map((event) => event.type)).toEqual(['risk.registered', 'risk.assessed', 'risk.reviewed']);
    for (const event of events) expect(validateEvent(event)).toMatchObject({ ok: true });
    expect(events[1]!.data).toMatchObject({ score: 20, previousScore: 8, level: 'CRITICAL' });
  });

  it('shows the observed frequency beside the assessed likelihood, with a suggestion when they disagree', async () => {
    const risk = await register({ category: 'SAFETY_ACCIDENT', likelihood: 1 });
    expect(risk.observed).toEqual({ incidentsLastYear: 0, likelihood: 1, suggestion: null });
    const recent = new Date(Date.now() - 10 * 24 * 3600_000).toISOString();
    for (let i = 0; i < 4; i++) {
      await harness.ok(REPORT, { input: reportInput({ category: 'SAFETY_ACCIDENT', occurredAt: recent }) });
    }
    // Two years ago: outside the window.
    await harness.ok(REPORT, {
      input: reportInput({ category: 'SAFETY_ACCIDENT', occurredAt: '2020-01-01T00:00:00.000Z' }),
    });
    const read = await harness.ok<{ risk: RiskView }>(
      `query($id: ID!) { risk(id: $id) { ${RISK_FIELDS} } }`,
      {
        id: risk.id,
      },
    );
    expect(read.risk.observed).toMatchObject({
      incidentsLastYear: 4,
      likelihood: 4,
      suggestion: { likelihood: 4, direction: 'RAISE' },
    });
  });

  it('turns a recurring complaint cause into a suggestion: register, then re-assess, then none', async () => {
    // Through the ticket topic, as the complaints' investigations publish it.
    const topic = topicName(topicFor('ticket'), harness.kafka.namespace);
    const groupId = complaintCausesProjection.groupId('incident', harness.kafka.namespace);
    const publisher = createEventPublisher(harness.kafka.kafka);
    const weigh = async (count: number, windowDays: number) => {
      const complaintId = randomUUID();
      await publisher.publish(topic, [
        createEvent(TicketComplaintCauseRecurring, {
          aggregateId: complaintId,
          aggregateVersion: 4,
          producer: 'ticket',
          actor: { id: randomUUID(), role: 'OPS_MANAGER' },
          correlationId: randomUUID(),
          occurredAt: new Date(),
          data: {
            rootCause: 'Technicians arrive late',
            category: 'OTHER',
            count,
            windowDays,
            ticketIds: [complaintId, randomUUID()],
          },
        }),
      ]);
      await waitForGroupCaughtUp(harness.kafka.kafka, groupId, topic);
    };
    const SUGGESTIONS = `{ riskSuggestions { rootCause complaintCount action suggestedLikelihood risk { id } tickets { id } } }`;
    type Suggestions = {
      riskSuggestions: { action: string; risk: { id: string } | null; complaintCount: number }[];
    };

    await weigh(3, 30);
    const first = await harness.ok<Suggestions>(SUGGESTIONS);
    expect(first.riskSuggestions).toEqual([
      expect.objectContaining({
        rootCause: 'Technicians arrive late',
        action: 'REGISTER',
        suggestedLikelihood: 5,
        risk: null,
      }),
    ]);

    const registered = await register({
      category: 'COMPLAINT_ESCALATION',
      likelihood: 2,
      impact: 3,
      residualScore: null,
    });
    await weigh(4, 30);
    const second = await harness.ok<Suggestions>(SUGGESTIONS);
    expect(second.riskSuggestions).toEqual([
      expect.objectContaining({ action: 'REASSESS', complaintCount: 4, risk: { id: registered.id } }),
    ]);

    await weigh(1, 365);
    expect((await harness.ok<Suggestions>(SUGGESTIONS)).riskSuggestions).toEqual([]);
    await publisher.close();
  });

  it('lists overdue reviews', async () => {
    const overdue = await register({ nextReviewOn: '2020-01-01' });
    const list = await harness.ok<{ overdueRiskReviews: { id: string; reviewOverdue: boolean }[] }>(
      `{ overdueRiskReviews { id reviewOverdue } }`,
    );
    expect(list.overdueRiskReviews).toContainEqual({ id: overdue.id, reviewOverdue: true });
    expect(list.overdueRiskReviews.every((risk) => risk.reviewOverdue)).toBe(true);
  });

  it.each([
    ['a likelihood of 6', { likelihood: 6 }, 'input.likelihood'],
    ['a residual score above the score', { residualScore: 9 }, 'input.residualScore'],
    ['a review day that is no day', { nextReviewOn: 'soon' }, 'input.nextReviewOn'],
    ['an owner id that is no UUID', { ownerId: 'bob' }, 'input.ownerId'],
  ])(
    'answers %s with BAD_USER_INPUT naming the field, and writes nothing',
    async (_what, overrides, field) => {
      const before = await counts();
      const result = await harness.gql(REGISTER, { input: riskInput(overrides) });
      expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
      expect(await counts()).toEqual(before);
    },
  );

  it('lets staff read and only managers write; CUSTOMER reads nothing', async () => {
    const risk = await register();
    const byAnalyst = await harness.gql(REGISTER, { input: riskInput() }, testCaller(Role.ANALYST));
    expect(byAnalyst.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN' });
    const read = await harness.ok<{ risk: { id: string } }>(
      `query($id: ID!) { risk(id: $id) { id } }`,
      { id: risk.id },
      testCaller(Role.ANALYST),
    );
    expect(read.risk.id).toBe(risk.id);
    const customer = await harness.gql(
      `query($id: ID!) { risk(id: $id) { id } }`,
      { id: risk.id },
      testCaller(Role.CUSTOMER),
    );
    expect(customer.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN' });
  });
});
