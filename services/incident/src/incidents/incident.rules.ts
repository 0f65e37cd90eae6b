// The incident's rules: pure functions of plain records (no GraphQL, no database), unit-tested.
import type { IncidentSeverity, IncidentStatus, RiskCategory } from '@opsgraph/contracts-events';
import { BadUserInputError, readableNumber } from '@opsgraph/domain';

export const incidentNumber = readableNumber('INC', 'incident');

export interface CommandRole {
  readonly role: string;
  readonly employeeId: string;
}

export interface IncidentRecord {
  readonly id: string;
  readonly number: string;
  readonly title: string;
  readonly nature: string;
  readonly location: string | null;
  readonly category: RiskCategory;
  readonly severity: IncidentSeverity;
  readonly status: IncidentStatus;
  readonly reporterId: string | null;
  readonly reportedBy: string;
  readonly occurredAt: Date;
  readonly detectedAt: Date;
  readonly affectedCustomerIds: readonly string[];
  /** The affected customers that are key accounts (a subset of affectedCustomerIds). */
  readonly keyAccountIds: readonly string[];
  readonly affectedAssetIds: readonly string[];
  readonly affectedServices: readonly string[];
  readonly planId: string | null;
  readonly planVersion: number | null;
  readonly commanderId: string | null;
  readonly roles: readonly CommandRole[];
  readonly activatedAt: Date | null;
  readonly containedAt: Date | null;
  readonly recoveringAt: Date | null;
  readonly resolvedAt: Date | null;
  readonly reviewedAt: Date | null;
  readonly rootCause: string | null;
  readonly lessons: string | null;
  readonly reviewRecordedAt: Date | null;
  /** The KPI alert that opened it, if one did (one incident per alert). */
  readonly sourceAlertId: string | null;
  readonly version: number;
  readonly createdAt: Date;
  readonly updatedAt: Date;
}

export interface NewIncident {
  readonly title: string;
  readonly nature: string;
  readonly location?: string | null;
  readonly category: RiskCategory;
  readonly severity: IncidentSeverity;
  readonly occurredAt: Date;
  readonly detectedAt?: Date | null;
  readonly affectedCustomerIds?: readonly string[] | null;
  readonly keyAccountIds?: readonly string[] | null;
  readonly affectedAssetIds?: readonly string[] | null;
  readonly affectedServices?: readonly string[] | null;
}

/** A reported time may run a little ahead of the server clock (the reporter's clock drifts), not more. */
export const CLOCK_SKEW_MS = 5 * 60_000;

const unique = (values: readonly string[] | null | undefined): string[] => [...new Set(values ?? [])];

/** A newly reported incident (version 0 until the unit of work saves it). */
export function reportIncident(
  identity: { id: string; number: string },
  input: NewIncident,
  reporter: { userId: string; employeeId: string | null },
  now: Date,
): IncidentRecord {
  const detectedAt = input.detectedAt ?? now;
  if (input.occurredAt.getTime() > now.getTime() + CLOCK_SKEW_MS) {
    throw new BadUserInputError('occurredAt is in the future', 'input.occurredAt');
  }
  if (detectedAt.getTime() > now.getTime() + CLOCK_SKEW_MS) {
    throw new BadUserInputError('detectedAt is in the future', 'input.detectedAt');
  }
  if (detectedAt < input.occurredAt) {
    throw new BadUserInputError('detectedAt is before occurredAt', 'input.detectedAt');
  }
  const affectedCustomerIds = unique(input.affectedCustomerIds);
  const keyAccountIds = unique(input.keyAccountIds);
  const stray = keyAccountIds.findIndex((id) => !affectedCustomerIds.includes(id));
  if (stray >= 0) {
    throw new BadUserInputError(
      'A key account must also be one of the affected customers',
      `input.keyAccountIds.${stray}`,
    );
  }
  return {
    ...identity,
    title: input.title.trim(),
    nature: input.nature.trim(),
    location: input.location?.trim() || null,
    category: input.category,
    severity: input.severity,
    status: 'REPORTED',
    reporterId: reporter.employeeId,
    reportedBy: reporter.userId,
    occurredAt: input.occurredAt,
    detectedAt,
    affectedCustomerIds,
    keyAccountIds,
    affectedAssetIds: unique(input.affectedAssetIds),
    affectedServices: unique(input.affectedServices?.map((service) => service.trim())),
    planId: null,
    planVersion: null,
    commanderId: null,
    roles: [],
    activatedAt: null,
    containedAt: null,
    recoveringAt: null,
    resolvedAt: null,
    reviewedAt: null,
    rootCause: null,
    lessons: null,
    reviewRecordedAt: null,
    sourceAlertId: null,
    version: 0,
    createdAt: now,
    updatedAt: now,
  };
}

/** The time column each status stamps when the incident enters it. */
export const STAMP_OF: Readonly<Partial<Record<IncidentStatus, keyof IncidentRecord>>> = {
  ACTIVATED: 'activatedAt',
  CONTAINED: 'containedAt',
  RECOVERING: 'recoveringAt',
  RESOLVED: 'resolvedAt',
  REVIEWED: 'reviewedAt',
};

/** The incident in its next status, the status's time stamped. */
export function enter(incident: IncidentRecord, status: IncidentStatus, now: Date): IncidentRecord {
  const stamp = STAMP_OF[status];
  return { ...incident, status, ...(stamp ? { [stamp]: now } : {}), updatedAt: now };
}

/** Command roles: each employee once per role name, role names trimmed; the commander is implied. */
export function commandRoles(roles: readonly CommandRole[]): CommandRole[] {
  const seen = new Set<string>();
  return roles
    .map((role) => ({ role: role.role.trim(), employeeId: role.employeeId }))
    .filter((role) => {
      const key = `${role.role}\u0000${role.employeeId}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
}

export const ACTION_ITEM_STATUSES = ['OPEN', 'IN_PROGRESS', 'DONE'] as const;
export type ActionItemStatus = (typeof ACTION_ITEM_STATUSES)[number];

export interface ActionItem {
  readonly id: string;
  readonly incidentId: string;
  readonly position: number;
  readonly description: string;
  readonly ownerId: string;
  /** YYYY-MM-DD. */
  readonly dueOn: string;
  readonly status: ActionItemStatus;
  readonly doneAt: Date | null;
}

/** An action item is overdue when it is not done and its due day is before `today` (YYYY-MM-DD, UTC). */
export function isActionOverdue(item: Pick<ActionItem, 'status' | 'dueOn'>, today: string): boolean {
  return item.status !== 'DONE' && item.dueOn < today;
}

export const utcDay = (at: Date): string => at.toISOString().slice(0, 10);

/** Seconds from occurrence to resolution (never negative). */
export function durationSeconds(incident: Pick<IncidentRecord, 'occurredAt'>, resolvedAt: Date): number {
  return Math.max(0, Math.round((resolvedAt.getTime() - incident.occurredAt.getTime()) / 1000));
}
