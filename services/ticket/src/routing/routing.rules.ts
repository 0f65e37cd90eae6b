// Routing at intake (docs/product.md §12.3): the first matching rule names the department; round-robin or the
// lightest load picks an ACTIVE employee of it. Pure: the repository supplies rules, candidates and loads, and
// serialises choices per rule so that replicas never hand out the same slot twice.
import { ROUTING_STRATEGIES } from '@opsgraph/contracts-events';
import type {
  AssetCategory,
  CustomerTier,
  EmployeeStatus,
  FaultCategory,
  TicketChannel,
  TicketKind,
} from '@opsgraph/contracts-events';

export { ROUTING_STRATEGIES };
export type RoutingStrategy = (typeof ROUTING_STRATEGIES)[number];

export interface RoutingRule {
  readonly id: string;
  readonly name: string;
  /** Lower first. */
  readonly position: number;
  readonly active: boolean;
  /** Empty: any. */
  readonly kinds: readonly TicketKind[];
  readonly categories: readonly FaultCategory[];
  readonly channels: readonly TicketChannel[];
  readonly tiers: readonly CustomerTier[];
  /** Categories of the ticket's asset (a FAULT ticket about an asset); empty: any, with or without an asset. */
  readonly assetCategories: readonly AssetCategory[];
  readonly departmentId: string;
  readonly strategy: RoutingStrategy;
  /** Employees with this many running tickets or more get no more; null: no cap. */
  readonly maxLoad: number | null;
}

export interface RoutedTicket {
  readonly kind: TicketKind;
  readonly category: FaultCategory | null;
  readonly channel: TicketChannel;
  readonly tier: CustomerTier | null;
  /** The asset the ticket is about, if any. */
  readonly assetId: string | null;
  /**
   * That asset's category from the asset directory; null without an asset, or when the asset is not known yet (its
   * asset.registered not consumed): then the ticket is routed as one without an asset category, and the decision
   * says so.
   */
  readonly assetCategory: AssetCategory | null;
}

export interface Candidate {
  readonly employeeId: string;
  readonly status: EmployeeStatus;
  /** Their tickets whose SLA clock runs (open, not paused). */
  readonly load: number;
}

/** What Ticket.routing shows: which rule, and why this department and person. */
export interface RoutingDecision {
  readonly ruleId: string;
  readonly ruleName: string;
  readonly departmentId: string;
  readonly strategy: RoutingStrategy;
  readonly assigneeId: string | null;
  readonly reason: string;
}

const matches = <T>(allowed: readonly T[], value: T | null) =>
  allowed.length === 0 || (value !== null && allowed.includes(value));

/** The first active rule (by position, then name) whose every criterion admits the ticket. */
export function matchRule(rules: readonly RoutingRule[], ticket: RoutedTicket): RoutingRule | null {
  const ordered = [...rules].sort((a, b) => a.position - b.position || a.name.localeCompare(b.name));
  return (
    ordered.find(
      (rule) =>
        rule.active &&
        matches(rule.kinds, ticket.kind) &&
        matches(rule.categories, ticket.category) &&
        matches(rule.channels, ticket.channel) &&
        matches(rule.tiers, ticket.tier) &&
        matches(rule.assetCategories, ticket.assetCategory),
    ) ?? null
  );
}

function criteriaOf(rule: RoutingRule, ticket: RoutedTicket): string {
  const parts = [
    rule.kinds.length ? `kind ${ticket.kind}` : null,
    rule.categories.length ? `category ${ticket.category}` : null,
    rule.channels.length ? `channel ${ticket.channel}` : null,
    rule.tiers.length ? `tier ${ticket.tier}` : null,
    rule.assetCategories.length ? `asset category ${ticket.assetCategory}` : null,
  ].filter((part) => part !== null);
  return parts.length ? parts.join(', ') : 'any ticket';
}

/**
 * Who gets the ticket. Only ACTIVE employees under the cap are eligible. ROUND_ROBIN takes the next eligible one
 * after `lastAssigneeId` in id order (wrapping); LOAD_BASED the lightest load, ties broken by the same rotation so
 * that equal loads are shared out in turn. null when nobody is eligible (the ticket waits in the department queue).
 */
export function chooseAssignee(
  rule: Pick<RoutingRule, 'strategy' | 'maxLoad'>,
  candidates: readonly Candidate[],
  lastAssigneeId: string | null,
): { assigneeId: string | null; reason: string } {
  const eligible = candidates
    .filter((c) => c.status === 'ACTIVE' && (rule.maxLoad === null || c.load < rule.maxLoad))
    .sort((a, b) => a.employeeId.localeCompare(b.employeeId));
  const skipped = candidates.length - eligible.length;
  const why = rule.maxLoad === null ? 'not ACTIVE' : `not ACTIVE or at the cap of ${rule.maxLoad}`;
  const skippedNote = skipped > 0 ? `; ${skipped} skipped (${why})` : '';
  if (eligible.length === 0) {
    return { assigneeId: null, reason: `nobody eligible in the department${skippedNote}; left in its queue` };
  }
  const next = lastAssigneeId === null ? 0 : eligible.findIndex((c) => c.employeeId > lastAssigneeId);
  const start = Math.max(0, next); // none after the last one: wrap around
  const rotation = [...eligible.slice(start), ...eligible.slice(0, start)];
  if (rule.strategy === 'ROUND_ROBIN') {
    return {
      assigneeId: rotation[0]!.employeeId,
      reason: `next in turn of ${eligible.length}${skippedNote}`,
    };
  }
  const lightest = Math.min(...rotation.map((c) => c.load));
  const chosen = rotation.find((c) => c.load === lightest)!;
  return {
    assigneeId: chosen.employeeId,
    reason: `lightest load (${lightest} running ticket${lightest === 1 ? '' : 's'}) of ${eligible.length}${skippedNote}`,
  };
}

/** The note a decision carries when the ticket's asset could not be placed in a category. */
export function unknownAssetNote(ticket: Pick<RoutedTicket, 'assetId' | 'assetCategory'>): string {
  return ticket.assetId !== null && ticket.assetCategory === null
    ? `; asset ${ticket.assetId} not known to the ticket service yet, so rules by asset category were passed over`
    : '';
}

export function routingDecision(
  rule: RoutingRule,
  ticket: RoutedTicket,
  choice: { assigneeId: string | null; reason: string },
): RoutingDecision {
  return {
    ruleId: rule.id,
    ruleName: rule.name,
    departmentId: rule.departmentId,
    strategy: rule.strategy,
    assigneeId: choice.assigneeId,
    reason:
      `rule "${rule.name}" matched (${criteriaOf(rule, ticket)}); ${rule.strategy}: ${choice.reason}` +
      unknownAssetNote(ticket),
  };
}
