import { eventKey } from './define-event';
import {
  AGGREGATE_TYPES,
  allEventDefinitions,
  allTopics,
  dlqTopicName,
  findDefinition,
  topicFor,
  topicName,
  TOPICS,
} from './topics';
import { ticketEventDefinitions } from './ticket/ticket.events';
import { complaintEventDefinitions } from './ticket/complaint.events';
import { reassessmentEventDefinitions } from './ticket/reassessment.events';
import { praiseEventDefinitions } from './ticket/praise.events';
import { planEventDefinitions } from './ticket/plan.events';
import { timeEntryEventDefinitions } from './ticket/time-entry.events';

const FIRST_SLICE: ReadonlySet<string> = new Set(['ticket', 'customer', 'employee', 'department']);

describe('topic naming', () => {
  it('prefixes a namespace and names DLQs per consumer', () => {
    const ticket = topicFor('ticket');
    expect(topicName(ticket)).toBe('opsgraph.ticket.events.v1');
    expect(topicName(ticket, 'it-3f2a')).toBe('it-3f2a.opsgraph.ticket.events.v1');
    expect(dlqTopicName(topicName(ticket), 'customer-service-history')).toBe(
      'opsgraph.ticket.events.v1.dlq.customer-service-history',
    );
  });

  it('rejects names Kafka would refuse', () => {
    expect(() => topicName(topicFor('ticket'), 'bad namespace')).toThrow(/invalid Kafka topic name/);
    expect(() => dlqTopicName('opsgraph.ticket.events.v1', 'kpi/consumer')).toThrow(
      /invalid Kafka topic name/,
    );
  });
});

describe('topic catalogue', () => {
  it('has one topic per aggregate type, keyed by aggregateId', () => {
    expect(TOPICS.map((t) => t.aggregateType).sort()).toEqual([...AGGREGATE_TYPES].sort());
    for (const topic of TOPICS) {
      // The KPI service's topics are named for what they carry (alerts, snapshots), the others for their aggregate.
      const named: Record<string, string> = {
        kpi: 'opsgraph.kpi.alerts.v1',
        'kpi-snapshot': 'opsgraph.kpi.snapshots.v1',
      };
      const name = named[topic.aggregateType] ?? `opsgraph.${topic.aggregateType}.events.v1`;
      expect(topic.name).toBe(name);
      expect(topic.key).toBe('aggregateId');
      expect(topic.partitions).toBe(topic.aggregateType === 'ticket' ? 6 : 3);
    }
  });

  it('holds every event exactly once, in the topic of its aggregate type', () => {
    const keys = allEventDefinitions.map((d) => eventKey(d.type, d.version));
    expect(new Set(keys).size).toBe(keys.length);
    for (const definition of allEventDefinitions) {
      const holders = TOPICS.filter((t) => t.events.includes(definition));
      expect(holders).toHaveLength(1);
      expect(holders[0]!.aggregateType).toBe(definition.aggregateType);
    }
    // The first slice's 26 events, employee.updated, employee.career_moved, complaint handling's 5,
    // reassessment, praise, plan steps overdue, ticket.merged, ticket.linked, ticket.unlinked and time tracking's 3;
    // a generated subgraph adds its own.
    expect(allEventDefinitions.filter((d) => FIRST_SLICE.has(d.aggregateType))).toHaveLength(42);
    expect(topicFor('ticket').events).toEqual([
      ...ticketEventDefinitions,
      ...complaintEventDefinitions,
      ...reassessmentEventDefinitions,
      ...praiseEventDefinitions,
      ...planEventDefinitions,
      ...timeEntryEventDefinitions,
    ]);
  });

  it('finds definitions by type and version', () => {
    expect(findDefinition('ticket.resolved', 1)?.type).toBe('ticket.resolved');
    expect(findDefinition('ticket.resolved', 2)).toBeUndefined();
    expect(findDefinition('complaint.investigated', 1)).toBeUndefined();
  });

  it('gives kafkajs createTopics configs, namespaced and with an overridable replication factor', () => {
    expect(allTopics('suite-1')).toContainEqual({
      topic: 'suite-1.opsgraph.ticket.events.v1',
      numPartitions: 6,
      replicationFactor: 1,
      configEntries: [
        { name: 'cleanup.policy', value: 'delete' },
        { name: 'retention.ms', value: '-1' },
      ],
    });
    const replicated = allTopics(undefined, { replicationFactor: 3 }).map((t) => [
      t.topic,
      t.replicationFactor,
    ]);
    expect(replicated.slice(0, 4)).toEqual([
      ['opsgraph.ticket.events.v1', 3],
      ['opsgraph.customer.events.v1', 3],
      ['opsgraph.employee.events.v1', 3],
      ['opsgraph.department.events.v1', 3],
    ]);
    expect(replicated).toEqual(TOPICS.map((t) => [t.name, 3]));
  });
});
