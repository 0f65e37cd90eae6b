// Contingency plans (預案, docs/product.md §5 "Plans"): one plan per risk category and severity, revised as a chain
// of immutable versions. Pure rules, unit-tested.
import type { IncidentSeverity, RiskCategory } from '@opsgraph/contracts-events';
import { BadUserInputError } from '@opsgraph/domain';

/** A response step's target: within a week, in minutes. */
export const MAX_TARGET_MINUTES = 7 * 24 * 60;

export interface PlanStep {
  readonly position: number;
  readonly action: string;
  /** One of the version's command roles. */
  readonly ownerRole: string;
  readonly targetMinutes: number;
}

export interface PlanContact {
  readonly name: string;
  readonly role: string;
  readonly phone: string | null;
}

export interface PlanContent {
  readonly title: string;
  readonly commandRoles: readonly string[];
  readonly steps: readonly PlanStep[];
  readonly resources: readonly string[];
  readonly contacts: readonly PlanContact[];
}

export interface PlanRecord {
  readonly id: string;
  readonly category: RiskCategory;
  readonly severity: IncidentSeverity;
  readonly currentVersion: number;
  readonly version: number;
  readonly createdAt: Date;
  readonly updatedAt: Date;
}

export interface PlanVersionRecord extends PlanContent {
  readonly planId: string;
  readonly planVersion: number;
  readonly changeNote: string;
  /** The drill or the incident review that prompted the revision, if one did. */
  readonly sourceDrillId: string | null;
  readonly sourceIncidentId: string | null;
  readonly createdAt: Date;
  readonly createdBy: string;
}

export interface PlanContentInput {
  readonly title: string;
  readonly commandRoles: readonly string[];
  readonly steps: readonly Omit<PlanStep, 'position'>[];
  readonly resources?: readonly string[] | null;
  readonly contacts?: readonly (Omit<PlanContact, 'phone'> & { phone?: string | null })[] | null;
}

/** The content of a version: roles de-duplicated, steps numbered 1..n in the order given, each owned by a role. */
export function planContent(input: PlanContentInput): PlanContent {
  const commandRoles = [...new Set(input.commandRoles.map((role) => role.trim()))];
  if (commandRoles.length === 0)
    throw new BadUserInputError('A plan needs a command role', 'input.commandRoles');
  if (input.steps.length === 0) throw new BadUserInputError('A plan needs a response step', 'input.steps');
  const steps = input.steps.map((step, index) => {
    const ownerRole = step.ownerRole.trim();
    if (!commandRoles.includes(ownerRole)) {
      throw new BadUserInputError(
        `Step ${index + 1} is owned by "${ownerRole}", which is not one of the plan's command roles`,
        `input.steps.${index}.ownerRole`,
      );
    }
    if (
      !Number.isInteger(step.targetMinutes) ||
      step.targetMinutes < 1 ||
      step.targetMinutes > MAX_TARGET_MINUTES
    ) {
      throw new BadUserInputError(
        `targetMinutes must be 1 to ${MAX_TARGET_MINUTES}`,
        `input.steps.${index}.targetMinutes`,
      );
    }
    return { position: index + 1, action: step.action.trim(), ownerRole, targetMinutes: step.targetMinutes };
  });
  return {
    title: input.title.trim(),
    commandRoles,
    steps,
    resources: [...new Set((input.resources ?? []).map((resource) => resource.trim()))],
    contacts: (input.contacts ?? []).map((contact) => ({
      name: contact.name.trim(),
      role: contact.role.trim(),
      phone: contact.phone?.trim() || null,
    })),
  };
}

/** The plan after a revision: the next version number becomes current; the older versions stay as they were. */
export function revise(plan: PlanRecord, now: Date): PlanRecord {
  return { ...plan, currentVersion: plan.currentVersion + 1, updatedAt: now };
}

/** The version an incident or a drill runs: the one asked for (an existing one), or the current one. */
export function versionToRun(plan: PlanRecord, requested: number | null | undefined, field: string): number {
  if (requested === null || requested === undefined) return plan.currentVersion;
  if (!Number.isInteger(requested) || requested < 1 || requested > plan.currentVersion) {
    throw new BadUserInputError(`The plan has versions 1 to ${plan.currentVersion}, not ${requested}`, field);
  }
  return requested;
}

/** A plan runs for incidents of its own category; the people it names must hold the version's command roles. */
export function checkActivation(
  plan: Pick<PlanRecord, 'category'>,
  version: Pick<PlanVersionRecord, 'commandRoles'>,
  incident: { category: RiskCategory },
  roles: readonly { role: string }[],
): void {
  if (plan.category !== incident.category) {
    throw new BadUserInputError(
      `The plan is for ${plan.category} incidents, this one is ${incident.category}`,
      'input.planId',
    );
  }
  const stray = roles.findIndex((role) => !version.commandRoles.includes(role.role));
  if (stray >= 0) {
    throw new BadUserInputError(
      `"${roles[stray].role}" is not a command role of the plan (${version.commandRoles.join(', ')})`,
      `input.roles.${stray}.role`,
    );
  }
}

/** A revision prompted by a drill or an incident names one of the plan's own; BAD_USER_INPUT otherwise. */
export function checkRevisionSource(
  planId: string,
  source: { drillPlanId?: string | null; incidentPlanId?: string | null },
): void {
  if (source.drillPlanId !== undefined && source.drillPlanId !== planId) {
    throw new BadUserInputError('The drill rehearsed another plan', 'input.drillId');
  }
  if (source.incidentPlanId !== undefined && source.incidentPlanId !== planId) {
    throw new BadUserInputError('The incident did not run this plan', 'input.incidentId');
  }
}
