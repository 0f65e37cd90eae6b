// Test support: contract-valid asset-fault, incident, department and customer events (sample data with the fields a test sets).
import { randomUUID } from 'node:crypto';
import {
  AssetFaultRepaired,
  AssetFaultReported,
  createEvent,
  CustomerRegistered,
  CustomerTierChanged,
  type CustomerEvent,
  type CustomerTier,
  DepartmentCreated,
  DepartmentUpdated,
  type DepartmentEvent,
  EmployeeHired,
  EmployeeUpdated,
  type EmployeeEvent,
  IncidentReported,
  IncidentResolved,
  type AssetCategory,
  type AssetEvent,
  type IncidentEvent,
  type IncidentSeverity,
} from '@opsgraph/contracts-events';
import { sampleDataFor } from '@opsgraph/contracts-events/testing';

const actor = { id: '11111111-1111-4111-8111-111111111111', role: 'AGENT' as const };

type Definition =
  typeof AssetFaultReported | typeof AssetFaultRepaired | typeof IncidentReported | typeof IncidentResolved;

/** The definition's sample data with `data` over it, as an event of the aggregate at `version`. */
const eventOf = (
  definition: Definition,
  aggregateId: string,
  version: number,
  occurredAt: string,
  data: object,
) =>
  createEvent(definition, {
    aggregateId,
    aggregateVersion: version,
    producer: definition.aggregateType,
    actor,
    occurredAt,
    data: { ...sampleDataFor(definition), ...data } as never,
  });

/** One fault of a new asset: reported, and repaired when `repairedAt` is given. */
export function faultEvents(
  category: AssetCategory,
  reportedAt: string,
  repairedAt: string | null,
): AssetEvent[] {
  const assetId = randomUUID();
  const data = { assetId, category, faultId: randomUUID(), reportedAt };
  const event = (definition: Definition, version: number, extra = {}) =>
    eventOf(definition, assetId, version, reportedAt, { ...data, ...extra }) as AssetEvent;
  const events = [event(AssetFaultReported, 2)];
  if (repairedAt !== null) events.push(event(AssetFaultRepaired, 3, { repairedAt }));
  return events;
}

/** One incident: reported, and resolved when `resolvedAt` is given. */
export function incidentEvents(
  severity: IncidentSeverity,
  occurredAt: string,
  resolvedAt: string | null,
): IncidentEvent[] {
  const incidentId = randomUUID();
  const event = (definition: Definition, version: number, extra = {}) =>
    eventOf(definition, incidentId, version, occurredAt, {
      incidentId,
      severity,
      occurredAt,
      ...extra,
    }) as IncidentEvent;
  const events = [event(IncidentReported, 1)];
  if (resolvedAt !== null) {
    const durationSeconds = (Date.parse(resolvedAt) - Date.parse(occurredAt)) / 1000;
    events.push(event(IncidentResolved, 2, { resolvedAt, durationSeconds }));
  }
  return events;
}

/** The department after a `department.created` (version 1) or `department.updated` (later versions). */
export function departmentEvent(
  departmentId: string,
  parentId: string | null,
  version = 1,
  managerId: string | null = null,
): DepartmentEvent {
  const data = {
    departmentId,
    code: `D-${departmentId.slice(0, 4)}`,
    name: 'Dept',
    parentId,
    managerId,
  };
  return (
    version === 1
      ? createEvent(DepartmentCreated, {
          aggregateId: departmentId,
          aggregateVersion: 1,
          producer: 'hr',
          actor,
          data,
        })
      : createEvent(DepartmentUpdated, {
          aggregateId: departmentId,
          aggregateVersion: version,
          producer: 'hr',
          actor,
          data: { ...data, changedFields: ['parentId'] },
        })
  ) as DepartmentEvent;
}

/** A customer event of one version carrying `tier` (version 1 registers, later ones change the tier). */
export function customerEvent(customerId: string, tier: CustomerTier, version = 1): CustomerEvent {
  const data = { ...sampleDataFor(CustomerRegistered), customerId, tier } as CustomerEvent['data'];
  return (
    version === 1
      ? createEvent(CustomerRegistered, {
          aggregateId: customerId,
          aggregateVersion: 1,
          producer: 'customer',
          actor,
          data,
        })
      : createEvent(CustomerTierChanged, {
          aggregateId: customerId,
          aggregateVersion: version,
          producer: 'customer',
          actor,
          data: { ...data, fromTier: tier === 'VIP' ? 'STANDARD' : 'VIP', toTier: tier, reason: null },
        })
  ) as CustomerEvent;
}

/** An employee of `departmentId` under line manager `managerId`: hired (version 1) or updated (later versions). */
export function employeeEvent(
  employeeId: string,
  departmentId: string | null,
  managerId: string | null,
  version = 1,
): EmployeeEvent {
  const data = { ...sampleDataFor(EmployeeHired), employeeId, departmentId, managerId };
  return (
    version === 1
      ? createEvent(EmployeeHired, {
          aggregateId: employeeId,
          aggregateVersion: 1,
          producer: 'hr',
          actor,
          data: data as never,
        })
      : createEvent(EmployeeUpdated, {
          aggregateId: employeeId,
          aggregateVersion: version,
          producer: 'hr',
          actor,
          data: { ...data, changedFields: ['managerId'] } as never,
        })
  ) as EmployeeEvent;
}
