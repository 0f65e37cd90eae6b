// Changing routing rules through the graph on real PostgreSQL and Kafka (docs/product.md §12.3): update and delete at
// the version read, refusals that write nothing, the audit trail, and every change published through the outbox.
import { topicFor, topicName } from '@opsgraph/contracts-events';
import { waitFor } from '@opsgraph/testing';
import { randomUUID } from 'node:crypto';
import { as, ids } from '../test-support/fixtures';
import { startTicketHarness, type TicketHarness } from '../test-support/ticket-harness';

const FIELDS = 'id version name position active kinds tiers assetCategories strategy maxLoad department { id }';
const DEFINE = `mutation($input: DefineRoutingRuleInput!) { defineRoutingRule(input: $input) { ${FIELDS} } }`;
const UPDATE = `mutation($input: UpdateRoutingRuleInput!) { updateRoutingRule(input: $input) { ${FIELDS} } }`;
const DELETE = `mutation($input: DeleteRoutingRuleInput!) { deleteRoutingRule(input: $input) { id version name } }`;
const RULES = `query { routingRules { id name } }`;

let harness: TicketHarness;
beforeAll(async () => {
  harness = await startTicketHarness('ticket-routing-rules', { consumeTopic: false, env: { RUN_SLA_SCANNER: 'false' } });
});
afterAll(() => harness?.stop());

const rule = (overrides: Record<string, unknown> = {}) => ({
  name: 'VIP faults',
  position: 10,
  kinds: ['FAULT'],
  tiers: ['VIP'],
  departmentId: ids.serviceDesk,
  strategy: 'ROUND_ROBIN',
  ...overrides,
});
const footprint = async () =>
  (
    await harness.sql<{ rules: number; audit: number; outbox: number }>(
      `select (select count(*)::int from routing_rules) as rules, (select count(*)::int from audit_log) as audit,
              (select count(*)::int from outbox) as outbox`,
    )
  )[0];

describe('updating and deleting routing rules', () => {
  it('updates the whole rule at the version read, and deletes it, each audited and published', async () => {
    const { defineRoutingRule: defined } = await harness.data<{ defineRoutingRule: { id: string } }>(
      DEFINE,
      { input: rule() },
      as.manager,
    );
    const { updateRoutingRule: updated } = await harness.data<{ updateRoutingRule: Record<string, unknown> }>(
      UPDATE,
      {
        input: rule({
          ruleId: defined.id,
          expectedVersion: 1,
          name: 'VIP and key-account network faults',
          tiers: ['VIP', 'KEY_ACCOUNT'],
          assetCategories: ['NETWORK'],
          departmentId: ids.fieldTech,
          strategy: 'LOAD_BASED',
          maxLoad: 5,
          active: false,
        }),
      },
      as.director,
    );
    expect(updated).toEqual({
      id: defined.id,
      version: 2,
      name: 'VIP and key-account network faults',
      position: 10,
      active: false,
      kinds: ['FAULT'],
      tiers: ['VIP', 'KEY_ACCOUNT'],
      assetCategories: ['NETWORK'],
      strategy: 'LOAD_BASED',
      maxLoad: 5,
      department: { id: ids.fieldTech },
    });

    const { deleteRoutingRule: deleted } = await harness.data<{ deleteRoutingRule: Record<string, unknown> }>(
      DELETE,
      { input: { ruleId: defined.id, expectedVersion: 2 } },
      as.admin,
    );
    expect(deleted).toEqual({ id: defined.id, version: 3, name: 'VIP and key-account network faults' });
    const listed = await harness.data<{ routingRules: { id: string }[] }>(RULES, {}, as.agent);
    expect(listed.routingRules.map((r) => r.id)).not.toContain(defined.id);
    expect(
      await harness.sql(
        'select aggregate_version as v, action from audit_log where aggregate_id = $1 order by aggregate_version',
        [defined.id],
      ),
    ).toEqual([
      { v: 1, action: 'DEFINE' },
      { v: 2, action: 'UPDATE' },
      { v: 3, action: 'DELETE' },
    ]);
    const topic = topicName(topicFor('routing-rule'), harness.kafka.namespace);
    const events = await waitFor(
      () =>
        harness.sql<{ type: string; v: number; topic: string; data: Record<string, unknown>; published: boolean }>(
          `select event_type as type, aggregate_version as v, topic, payload->'data' as data,
                  published_at is not null as published
             from outbox where aggregate_id = $1 order by aggregate_version`,
          [defined.id],
        ),
      (rows) => rows.length === 3 && rows.every((row) => row.published),
      { what: 'the rule’s three events published' },
    );
    expect(events.map(({ type, v, topic: t }) => ({ type, v, t }))).toEqual([
      { type: 'routing-rule.defined', v: 1, t: topic },
      { type: 'routing-rule.changed', v: 2, t: topic },
      { type: 'routing-rule.deleted', v: 3, t: topic },
    ]);
    expect(events[1]!.data).toMatchObject({
      ruleId: defined.id,
      assetCategories: ['NETWORK'],
      departmentId: ids.fieldTech,
      maxLoad: 5,
      active: false,
    });
    // The name is free again once the rule is gone
    const again = await harness.gql(DEFINE, { input: rule({ name: 'VIP and key-account network faults' }) }, as.manager);
    expect(again.errors).toBeUndefined();
  });

  it('refuses a stale version, a taken name, a bad tier, an unknown department or rule, and other roles', async () => {
    const { defineRoutingRule: a } = await harness.data<{ defineRoutingRule: { id: string } }>(
      DEFINE,
      { input: rule({ name: 'Rule A' }) },
      as.manager,
    );
    await harness.data(DEFINE, { input: rule({ name: 'Rule B' }) }, as.manager);
    const before = await footprint();
    const attempt = async (query: string, input: Record<string, unknown>, claims = as.manager) =>
      (await harness.gql(query, { input }, claims)).errors?.[0]?.extensions;
    const update = (overrides: Record<string, unknown>) => rule({ ruleId: a.id, expectedVersion: 1, name: 'Rule A', ...overrides });
    expect(await attempt(UPDATE, update({ expectedVersion: 7 }))).toMatchObject({ code: 'CONFLICT' });
    expect(await attempt(UPDATE, update({ name: 'Rule B' }))).toMatchObject({ code: 'CONFLICT', field: 'input.name' });
    expect(await attempt(UPDATE, update({ tiers: ['GOLD'] }))).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.tiers.0',
    });
    expect(await attempt(UPDATE, update({ departmentId: randomUUID() }))).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.departmentId',
    });
    expect(await attempt(UPDATE, update({ ruleId: randomUUID() }))).toMatchObject({ code: 'NOT_FOUND' });
    expect(await attempt(UPDATE, update({}), as.agent)).toMatchObject({ code: 'FORBIDDEN' });
    expect(await attempt(DELETE, { ruleId: a.id, expectedVersion: 1 }, as.agent)).toMatchObject({
      code: 'FORBIDDEN',
    });
    expect(await attempt(DELETE, { ruleId: a.id, expectedVersion: 2 })).toMatchObject({ code: 'CONFLICT' });
    expect(await footprint()).toEqual(before);
  });
});
