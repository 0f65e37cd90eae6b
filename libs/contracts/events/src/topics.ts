import { eventKey, type EventDefinition } from './define-event';
import { customerEventDefinitions, type CustomerEvent } from './customer/customer.events';
import { appraisalEventDefinitions, type AppraisalEvent } from './hr/appraisal.events';
import { awardEventDefinitions, type AwardEvent } from './hr/award.events';
import { departmentEventDefinitions, employeeEventDefinitions, type HrEvent } from './hr/hr.events';
import { trainingEventDefinitions, type TrainingEvent } from './hr/training.events';
import { ticketEventDefinitions, type TicketEvent } from './ticket/ticket.events';
import { complaintEventDefinitions, type ComplaintEvent } from './ticket/complaint.events';
import { reassessmentEventDefinitions, type ReassessmentEvent } from './ticket/reassessment.events';
import { praiseEventDefinitions, type PraiseEvent } from './ticket/praise.events';
import { planEventDefinitions, type PlanEvent } from './ticket/plan.events';
import { timeEntryEventDefinitions, type TimeEntryEvent } from './ticket/time-entry.events';
import { assetEventDefinitions, type AssetEvent } from './asset/asset.events';
import { incidentEventDefinitions, type IncidentEvent } from './incident/incident.events';
import { riskEventDefinitions, type RiskEvent } from './risk/risk.events';
import { kpiEventDefinitions, type KpiEvent } from './kpi/kpi.events';
import { kpiSnapshotEventDefinitions, type KpiSnapshotEvent } from './kpi/kpi-snapshot.events';
import { improvementEventDefinitions, type ImprovementEvent } from './improvement/improvement.events';
import { slaCalendarEventDefinitions, type SlaCalendarEvent } from './sla-calendar/sla-calendar.events';
import { knowledgeEventDefinitions, type KnowledgeEvent } from './knowledge/knowledge.events';
import { routingRuleEventDefinitions, type RoutingRuleEvent } from './routing-rule/routing-rule.events';
import { cannedReplyEventDefinitions, type CannedReplyEvent } from './canned-reply/canned-reply.events';

/** Every event any opsgraph service publishes. */
export type DomainEvent =
  | TicketEvent
  | ComplaintEvent
  | ReassessmentEvent
  | PraiseEvent
  | PlanEvent
  | TimeEntryEvent
  | ImprovementEvent
  | SlaCalendarEvent
  | KnowledgeEvent
  | RoutingRuleEvent
  | CannedReplyEvent
  | CustomerEvent
  | HrEvent
  | AppraisalEvent
  | TrainingEvent
  | AwardEvent
  | AssetEvent
  | IncidentEvent
  | RiskEvent
  | KpiEvent
  | KpiSnapshotEvent;
export type DomainEventType = DomainEvent['type'];

export const AGGREGATE_TYPES = [
  'ticket',
  'customer',
  'employee',
  'department',
  'appraisal',
  'training',
  'award',
  'asset',
  'incident',
  'risk',
  'kpi',
  'kpi-snapshot',
  'improvement',
  'calendar',
  'knowledge',
  'routing-rule',
  'canned-reply',
] as const;
export type AggregateType = (typeof AGGREGATE_TYPES)[number];

export interface TopicEntry {
  readonly name: string;
  readonly aggregateType: AggregateType;
  readonly partitions: number;
  /** 1 for the local single-broker cluster; deployments override it via `allTopics(ns, { replicationFactor })`. */
  readonly replicationFactor: number;
  readonly cleanupPolicy: 'delete';
  readonly retentionMs: number;
  /** Message key: the aggregate id, so one aggregate's events stay ordered in one partition. */
  readonly key: 'aggregateId';
  readonly description: string;
  /** The one service that publishes to the topic (services/<producer>). */
  readonly producer: string;
  readonly events: readonly EventDefinition[];
}

/**
 * Retention is infinite (-1) on every topic: read models must be rebuildable by replaying the topics from the
 * start and come out identical (docs/architecture.md, "Replay"), and analytics consumers backfill their warehouses
 * from them. Compaction would not do: it keeps only the last event per aggregate, and KPIs need every event.
 * Events hold no contact data, but customer and employee names: erasure requests need a policy (e.g. crypto-
 * shredding) before production data flows here.
 */
const RETAIN_FOREVER = -1;

const topic = (
  aggregateType: AggregateType,
  partitions: number,
  producer: string,
  description: string,
  events: readonly EventDefinition[],
  name = `opsgraph.${aggregateType}.events.v1`,
): TopicEntry =>
  Object.freeze({
    name,
    aggregateType,
    partitions,
    replicationFactor: 1,
    cleanupPolicy: 'delete',
    retentionMs: RETAIN_FOREVER,
    key: 'aggregateId',
    description,
    producer,
    events,
  });

export const TOPICS: readonly TopicEntry[] = Object.freeze([
  topic(
    'ticket',
    6,
    'ticket',
    'Ticket lifecycle events, each with a snapshot of the ticket after the event.',
    [
      ...ticketEventDefinitions,
      ...complaintEventDefinitions,
      ...reassessmentEventDefinitions,
      ...praiseEventDefinitions,
      ...planEventDefinitions,
      ...timeEntryEventDefinitions,
    ],
  ),
  topic(
    'customer',
    3,
    'customer',
    'Customer master-data events (no contact personal data).',
    customerEventDefinitions,
  ),
  topic('employee', 3, 'hr-performance', 'Employee events from the HR service.', employeeEventDefinitions),
  topic(
    'department',
    3,
    'hr-performance',
    'Department (organisation) events from the HR service.',
    departmentEventDefinitions,
  ),
  topic(
    'appraisal',
    3,
    'hr-performance',
    'Appraisal workflow and results from the HR service (HR-confidential: scores and grades, no review texts).',
    appraisalEventDefinitions,
  ),
  topic(
    'training',
    3,
    'hr-performance',
    'Training sessions, enrolment, attendance, assessment and certificates from the HR service.',
    trainingEventDefinitions,
  ),
  topic(
    'award',
    3,
    'hr-performance',
    'Award nominations and decisions from the HR service.',
    awardEventDefinitions,
  ),
  topic('asset', 3, 'asset', 'Asset events from the asset service.', assetEventDefinitions),
  topic(
    'incident',
    3,
    'incident',
    'Incident lifecycle events, each with a snapshot of the incident after the event.',
    incidentEventDefinitions,
  ),
  topic('risk', 3, 'incident', 'Risk register events from the incident service.', riskEventDefinitions),
  topic(
    'kpi',
    3,
    'kpi',
    'Monitoring alerts (fired, resolved) of the KPI service, keyed by alert.',
    kpiEventDefinitions,
    'opsgraph.kpi.alerts.v1',
  ),
  topic(
    'kpi-snapshot',
    3,
    'kpi',
    'KPI figures per period and dimension: period-close snapshots and live updates of the day cells (at most ' +
      'once per minute per cell), keyed by period and dimension.',
    kpiSnapshotEventDefinitions,
    'opsgraph.kpi.snapshots.v1',
  ),
  topic(
    'improvement',
    3,
    'ticket',
    'The improvement register (raised from complaints, suggestions, findings) from the ticket service.',
    improvementEventDefinitions,
  ),
  topic(
    'calendar',
    3,
    'ticket',
    'Business-hours calendars for SLA clocks (hours, holidays, assignments) from the ticket service.',
    slaCalendarEventDefinitions,
  ),
  topic(
    'knowledge',
    3,
    'ticket',
    'The knowledge base (articles, their review and publication, tickets they solved) from the ticket service.',
    knowledgeEventDefinitions,
  ),
  // Desk configuration the ticket service owns, each its own aggregate (its id is the key) and so its own topic, like
  // the calendars: the ticket topic is keyed by ticket and carries ticket snapshots only.
  topic(
    'routing-rule',
    3,
    'ticket',
    'Routing rules for tickets opened without a department (defined, changed, deleted) from the ticket service.',
    routingRuleEventDefinitions,
  ),
  topic(
    'canned-reply',
    3,
    'ticket',
    'Canned reply templates (written, changed, deleted; metadata only, never the text) from the ticket service.',
    cannedReplyEventDefinitions,
  ),
]);

const KAFKA_TOPIC_NAME = /^[a-zA-Z0-9._-]{1,249}$/;

function checkTopicName(name: string): string {
  if (!KAFKA_TOPIC_NAME.test(name)) throw new Error(`invalid Kafka topic name: "${name}"`);
  return name;
}

/** `namespace` prefixes the name; tests use one per suite to isolate their topics. */
export function topicName(entry: Pick<TopicEntry, 'name'>, namespace?: string): string {
  return checkTopicName(namespace ? `${namespace}.${entry.name}` : entry.name);
}

export function dlqTopicName(topic: string, consumer: string): string {
  return checkTopicName(`${topic}.dlq.${consumer}`);
}

export function topicFor(aggregateType: AggregateType): TopicEntry {
  const entry = TOPICS.find((t) => t.aggregateType === aggregateType);
  if (!entry) throw new Error(`no topic for aggregate type "${aggregateType}"`);
  return entry;
}

/** The shape kafkajs `admin.createTopics({ topics })` takes. */
export interface TopicConfig {
  topic: string;
  numPartitions: number;
  replicationFactor: number;
  configEntries: { name: string; value: string }[];
}

export function allTopics(namespace?: string, options: { replicationFactor?: number } = {}): TopicConfig[] {
  return TOPICS.map((entry) => ({
    topic: topicName(entry, namespace),
    numPartitions: entry.partitions,
    replicationFactor: options.replicationFactor ?? entry.replicationFactor,
    configEntries: [
      { name: 'cleanup.policy', value: entry.cleanupPolicy },
      { name: 'retention.ms', value: String(entry.retentionMs) },
    ],
  }));
}

export const allEventDefinitions: readonly EventDefinition[] = Object.freeze(TOPICS.flatMap((t) => t.events));

const definitionsByKey = new Map(allEventDefinitions.map((d) => [eventKey(d.type, d.version), d]));

export function findDefinition(type: string, version: number): EventDefinition | undefined {
  return definitionsByKey.get(eventKey(type, version));
}
