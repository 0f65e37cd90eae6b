// The asset directory on real PostgreSQL and Kafka: it follows the asset topic, and intake routes a FAULT ticket by
// its asset's category, explained in Ticket.routing (docs/product.md §12.3).
import {
  AssetRegistered,
  AssetStatusChanged,
  createEvent,
  SYSTEM_ACTOR,
  topicFor,
  topicName,
  type EventDataOf,
  type EventDefinition,
} from '@opsgraph/contracts-events';
import { sampleDataFor } from '@opsgraph/contracts-events/testing';
import { createEventPublisher, waitForGroupCaughtUp } from '@opsgraph/testing';
import { randomUUID } from 'node:crypto';
import { as, ids, OPEN_TICKET, openInput } from '../test-support/fixtures';
import { startTicketHarness, type TicketHarness } from '../test-support/ticket-harness';
import { assetDirectoryProjection } from './asset-directory.projection';

let harness: TicketHarness;
beforeAll(async () => {
  harness = await startTicketHarness('ticket-asset-directory', {
    consumeTopic: false,
    env: { RUN_SLA_SCANNER: 'false' },
  });
});
afterAll(() => harness?.stop());

const sampleOf = <D extends EventDefinition>(
  definition: D,
  id: string,
  version: number,
  data: Partial<EventDataOf<D>>,
) =>
  createEvent(definition, {
    producer: 'test',
    actor: SYSTEM_ACTOR,
    aggregateId: id,
    aggregateVersion: version,
    data: { ...sampleDataFor(definition), assetId: id, ...data } as EventDataOf<D>,
  });

async function publishAssetEvents(events: ReturnType<typeof sampleOf>[]): Promise<void> {
  const { kafka, namespace } = harness.kafka;
  const topic = topicName(topicFor('asset'), namespace);
  const publisher = createEventPublisher(kafka);
  try {
    await publisher.publish(topic, events);
  } finally {
    await publisher.close();
  }
  await waitForGroupCaughtUp(kafka, assetDirectoryProjection.groupId('ticket', namespace), topic);
}

describe('the asset directory projection', () => {
  it('keeps each asset’s tag and category from the asset topic, newest version wins', async () => {
    const asset = randomUUID();
    const changed = sampleOf(AssetStatusChanged, asset, 2, { tag: 'AST-000202', category: 'SERVER' });
    // The later version first: the replayed registration (version 1) must not overwrite it.
    await publishAssetEvents([
      changed,
      sampleOf(AssetRegistered, asset, 1, { tag: 'AST-000201', category: 'SERVER' }),
    ]);
    expect(await harness.sql('select tag, category, version from known_assets where id = $1', [asset])).toEqual([
      { tag: 'AST-000202', category: 'SERVER', version: 2 },
    ]);
  });

  it('routes a FAULT ticket by its asset’s category through the graph, and explains it', async () => {
    const hvac = randomUUID();
    await publishAssetEvents([sampleOf(AssetRegistered, hvac, 1, { tag: 'AST-000300', category: 'HVAC' })]);
    const defined = await harness.gql<{ defineRoutingRule: { assetCategories: string[] } }>(
      `mutation ($input: DefineRoutingRuleInput!) { defineRoutingRule(input: $input) { assetCategories } }`,
      {
        input: {
          name: 'Air conditioning faults',
          position: 0,
          kinds: ['FAULT'],
          assetCategories: ['HVAC'],
          departmentId: ids.fieldTech,
          strategy: 'ROUND_ROBIN',
        },
      },
      as.manager,
    );
    expect(defined.errors).toBeUndefined();
    expect(defined.data?.defineRoutingRule.assetCategories).toEqual(['HVAC']);

    const routed = await harness.gql<{
      openTicket: { id: string; department: { id: string }; routing: { ruleName: string; reason: string } };
    }>(
      `mutation ($input: OpenTicketInput!) {
         openTicket(input: $input) { id department { id } routing { ruleName reason } } }`,
      { input: openInput({ departmentId: null, assetId: hvac }) },
      as.agent,
    );
    expect(routed.errors).toBeUndefined();
    expect(routed.data?.openTicket.department.id).toBe(ids.fieldTech);
    expect(routed.data?.openTicket.routing).toEqual({
      ruleName: 'Air conditioning faults',
      reason: expect.stringContaining('matched (kind FAULT, asset category HVAC)'),
    });
    // A ticket about an asset not known yet is not routed by the asset rule (no other rule here: unrouted)
    const unknown = await harness.gql<{ openTicket: { department: null; routing: null } }>(OPEN_TICKET, {
      input: openInput({ departmentId: null, assetId: randomUUID() }),
    }, as.agent);
    expect(unknown.data?.openTicket).toMatchObject({ department: null });
  });
});
