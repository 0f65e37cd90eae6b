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
);
export const IncidentSeverityEnum = graphqlEnumOf(
  INCIDENT_SEVERITIES,
  'IncidentSeverity',
  'SEV1 is the worst',
);
export const IncidentStatusEnum = graphqlEnumOf(INCIDENT_STATUSES, 'IncidentStatus');
export const RiskLevelEnum = graphqlEnumOf(
  RISK_LEVELS,
  'RiskLevel',
  'From the score: 1–4 LOW, 5–9 MEDIUM, 10–16 HIGH, 17–25 CRITICAL',
);
