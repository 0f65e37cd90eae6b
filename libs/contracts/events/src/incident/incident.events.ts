import { Type } from '@sinclair/typebox';
import { snapshotEvents, type EventOf } from '../define-event';
import { DateTime, Nullable, StringEnum, Text, Uuid } from '../schema';

/** What can go wrong (P0 §六(一)1): the risk register's categories, which incidents and plans share. */
export const RISK_CATEGORIES = [
  'NATURAL_DISASTER',
  'TECHNICAL_FAILURE',
  'COMPLAINT_ESCALATION',
  'SECURITY_INCIDENT',
  'DATA_BREACH',
  'SAFETY_ACCIDENT',
  'SUPPLIER_FAILURE',
  'OTHER',
] as const;
export const INCIDENT_SEVERITIES = ['SEV1', 'SEV2', 'SEV3', 'SEV4'] as const;
export const INCIDENT_STATUSES = [
  'REPORTED',
  'ACTIVATED',
  'CONTAINED',
  'RECOVERING',
  'RESOLVED',
  'REVIEWED',
] as const;

export type RiskCategory = (typeof RISK_CATEGORIES)[number];
export type IncidentSeverity = (typeof INCIDENT_SEVERITIES)[number];
export type IncidentStatus = (typeof INCIDENT_STATUSES)[number];

/** State of the incident after the event, carried by every incident event (consumers never call back). */
export const incidentSnapshotProperties = {
  incidentId: Uuid(),
  number: Type.String({ pattern: '^INC-[0-9]{6,}$', examples: ['INC-000042'] }),
  title: Text(),
  category: StringEnum(RISK_CATEGORIES),
  severity: StringEnum(INCIDENT_SEVERITIES),
  status: StringEnum(INCIDENT_STATUSES),
  occurredAt: DateTime(),
  affectedCustomerIds: Type.Array(Uuid()),
  affectedAssetIds: Type.Array(Uuid()),
  affectedServices: Type.Array(Text()),
  commanderId: Nullable(Uuid({ description: 'The employee in command, from activation on.' })),
};

const incidentEvent = snapshotEvents('incident', incidentSnapshotProperties);

export const IncidentReported = incidentEvent(
  'incident.reported',
  'An incident was reported (P0 §六(二)1).',
  {
    reporterId: Nullable(Uuid({ description: 'The reporting employee, when the reporter is one.' })),
    detectedAt: DateTime(),
    location: Nullable(Text()),
  },
);

export const IncidentActivated = incidentEvent(
  'incident.activated',
  'A contingency plan version was activated for the incident, with a commander and command roles.',
  {
    planId: Uuid(),
    planVersion: Type.Integer({ minimum: 1 }),
    roles: Type.Array(Type.Object({ role: Text(), employeeId: Uuid() }, { additionalProperties: false })),
    affectedKeyAccountIds: Type.Array(Uuid(), {
      description: 'The affected customers the reporter marked as key accounts (a ticket each in fan-out).',
    }),
  },
);

export const IncidentContained = incidentEvent('incident.contained', 'The incident stopped spreading.', {});

export const IncidentRecoveryStarted = incidentEvent(
  'incident.recovery_started',
  'Normal service is being restored.',
  {},
);

export const IncidentResolved = incidentEvent('incident.resolved', 'Normal service is restored.', {
  resolvedAt: DateTime(),
  durationSeconds: Type.Integer({ minimum: 0, description: 'From occurredAt to resolution.' }),
});

export const IncidentReviewed = incidentEvent(
  'incident.reviewed',
  'The post-incident review was completed (root cause, lessons, action items).',
  {
    rootCause: Text(),
    actionItemCount: Type.Integer({ minimum: 0 }),
  },
);

export const incidentEventDefinitions = [
  IncidentReported,
  IncidentActivated,
  IncidentContained,
  IncidentRecoveryStarted,
  IncidentResolved,
  IncidentReviewed,
] as const;

export type IncidentEvent = EventOf<(typeof incidentEventDefinitions)[number]>;
export type IncidentEventType = IncidentEvent['type'];
