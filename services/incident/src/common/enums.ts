// The GraphQL enums the incident subgraph's types share, registered once from the event contract's value lists.
import {
  INCIDENT_SEVERITIES,
  INCIDENT_STATUSES,
  RISK_CATEGORIES,
  RISK_LEVELS,
} from '@opsgraph/contracts-events';
import { graphqlEnumOf } from '@opsgraph/graphql-kit';

export const RiskCategoryEnum = graphqlEnumOf(
  RISK_CATEGORIES,
  'RiskCategory',
  'What can go wrong (P0 §六(一)1)',
  {
    NATURAL_DISASTER: 'Typhoon, earthquake, flood, fire',
    TECHNICAL_FAILURE: 'Systems, equipment or utilities failing',
    COMPLAINT_ESCALATION: 'Complaints piling up or escalating beyond the centre',
    SECURITY_INCIDENT: 'Intrusion, malware, physical security breach',
    DATA_BREACH: 'Personal or confidential data exposed',
    SAFETY_ACCIDENT: 'Injury or danger to people',
    SUPPLIER_FAILURE: 'A supplier or contractor failing to deliver',
    OTHER: 'Anything else',
  },
);
export const IncidentSeverityEnum = graphqlEnumOf(
  INCIDENT_SEVERITIES,
  'IncidentSeverity',
  'SEV1 is the worst',
  {
    SEV1: 'Critical: widespread outage or danger; all hands',
    SEV2: 'Major: a key service down or many customers affected',
    SEV3: 'Moderate: a service degraded or some customers affected',
    SEV4: 'Minor: little impact',
  },
);
export const IncidentStatusEnum = graphqlEnumOf(
  INCIDENT_STATUSES,
  'IncidentStatus',
  'REPORTED → ACTIVATED → CONTAINED → RECOVERING → RESOLVED → REVIEWED',
  {
    REPORTED: 'Reported, no contingency plan activated yet',
    ACTIVATED: 'A contingency plan is running under a commander',
    CONTAINED: 'The damage has stopped spreading',
    RECOVERING: 'Services are being restored',
    RESOLVED: 'Normal operation is back',
    REVIEWED: 'The post-incident review is done',
  },
);
export const RiskLevelEnum = graphqlEnumOf(
  RISK_LEVELS,
  'RiskLevel',
  'From the score: 1–4 LOW, 5–9 MEDIUM, 10–16 HIGH, 17–25 CRITICAL',
  {
    LOW: 'Score 1–4',
    MEDIUM: 'Score 5–9',
    HIGH: 'Score 10–16',
    CRITICAL: 'Score 17–25',
  },
);
