// Merge, related links and parent/child between tickets (docs/product.md §12.4). Pure: the rules that say whether a
// link or a merge is allowed, how a merge carries the duplicate's relations over to the survivor, and the guard
// that keeps a parent from resolving while a child is open.
import { isOpen, type TicketStatus } from '../tickets/ticket.lifecycle';

export const RELATION_KINDS = ['RELATED', 'PARENT_OF'] as const;
export type RelationKind = (typeof RELATION_KINDS)[number];

/** What the other ticket of a link is to this one. */
export const LINK_ROLES = ['PARENT', 'CHILD', 'RELATED'] as const;
export type LinkRole = (typeof LINK_ROLES)[number];

/** The links of `ticketId` as it sees them. */
export function linksOf(
  ticketId: string,
  relations: readonly TicketRelation[],
): { role: LinkRole; ticketId: string }[] {
  return relations
    .filter((r) => r.fromId === ticketId || r.toId === ticketId)
    .map((r) => {
      const outgoing = r.fromId === ticketId;
      const role: LinkRole = r.kind === 'RELATED' ? 'RELATED' : outgoing ? 'CHILD' : 'PARENT';
      return { role, ticketId: outgoing ? r.toId : r.fromId };
    });
}

/** RELATED is symmetric (stored once); PARENT_OF points from the parent to the child. */
export interface TicketRelation {
  readonly fromId: string;
  readonly toId: string;
  readonly kind: RelationKind;
}

export interface RelatedTicket {
  readonly id: string;
  readonly number: string;
  readonly status: TicketStatus;
  readonly customerId: string;
  /** Set once the ticket was merged into another (it is then closed and points to the survivor). */
  readonly mergedIntoId: string | null;
}

const same = (a: TicketRelation, b: TicketRelation) =>
  a.kind === b.kind &&
  ((a.fromId === b.fromId && a.toId === b.toId) ||
    (a.kind === 'RELATED' && a.fromId === b.toId && a.toId === b.fromId));

/** The link between the two tickets, if any, and what the other ticket is to `ticketId`. */
export function linkBetween(
  ticketId: string,
  otherTicketId: string,
  relations: readonly TicketRelation[],
): { relation: TicketRelation; role: LinkRole } | null {
  const relation = relations.find(
    (r) => (r.fromId === ticketId && r.toId === otherTicketId) || (r.fromId === otherTicketId && r.toId === ticketId),
  );
  if (relation === undefined) return null;
  const role: LinkRole = relation.kind === 'RELATED' ? 'RELATED' : relation.fromId === ticketId ? 'CHILD' : 'PARENT';
  return { relation, role };
}

/** The parent of `childId`, or null. */
export function parentOf(childId: string, relations: readonly TicketRelation[]): string | null {
  return relations.find((r) => r.kind === 'PARENT_OF' && r.toId === childId)?.fromId ?? null;
}

/** Why `from` cannot be linked to `to` as `kind`, or null when it can. */
export function linkProblem(
  from: RelatedTicket,
  to: RelatedTicket,
  kind: RelationKind,
  relations: readonly TicketRelation[],
): string | null {
  if (from.id === to.id) return 'A ticket cannot be linked to itself';
  const merged = [from, to].find((t) => t.mergedIntoId !== null);
  if (merged) return `${merged.number} was merged into another ticket; link the survivor instead`;
  if (relations.some((r) => same(r, { fromId: from.id, toId: to.id, kind }))) {
    return `${from.number} and ${to.number} are already linked as ${kind}`;
  }
  if (kind === 'PARENT_OF') {
    const currentParent = parentOf(to.id, relations);
    if (currentParent !== null) return `${to.number} already has a parent`;
    // Walking up from the new parent must not reach the new child.
    for (let at: string | null = from.id; at !== null; at = parentOf(at, relations)) {
      if (at === to.id) return `${to.number} is an ancestor of ${from.number}: that would make a cycle`;
    }
  }
  return null;
}

/** Why the parent cannot be resolved (it has open children), or null. */
export function parentResolveProblem(
  parentId: string,
  relations: readonly TicketRelation[],
  tickets: readonly RelatedTicket[],
): string | null {
  const children = new Set(
    relations.filter((r) => r.kind === 'PARENT_OF' && r.fromId === parentId).map((r) => r.toId),
  );
  const open = tickets.filter((t) => children.has(t.id) && isOpen(t.status)).map((t) => t.number);
  return open.length === 0 ? null : `Resolve its open child tickets first: ${open.sort().join(', ')}`;
}

/** Why `duplicate` cannot be merged into `survivor`, or null. */
export function mergeProblem(duplicate: RelatedTicket, survivor: RelatedTicket): string | null {
  if (duplicate.id === survivor.id) return 'A ticket cannot be merged into itself';
  if (duplicate.mergedIntoId !== null) return `${duplicate.number} was already merged`;
  if (survivor.mergedIntoId !== null)
    return `${survivor.number} was merged into another ticket; merge into that one`;
  if (duplicate.customerId !== survivor.customerId) return 'Only tickets of the same customer are merged';
  if (!isOpen(duplicate.status))
    return `${duplicate.number} is ${duplicate.status}; only open tickets are merged`;
  if (!isOpen(survivor.status)) return `${survivor.number} is ${survivor.status}; merge into an open ticket`;
  return null;
}

/** The duplicate after merging: closed as MERGED at `now`, pointing to the survivor. */
export function mergedDuplicate<
  T extends {
    status: TicketStatus;
    closedAt: Date | null;
    closeReason: string | null;
    mergedIntoId: string | null;
  },
>(duplicate: T, survivorId: string, now: Date): T {
  return { ...duplicate, status: 'CLOSED', closedAt: now, closeReason: 'MERGED', mergedIntoId: survivorId };
}

/**
 * The relations after merging: the duplicate's links and children move to the survivor, links between the two
 * disappear, and nothing is duplicated. A duplicate's parent becomes the survivor's parent only if it has none.
 */
export function relationsAfterMerge(
  duplicateId: string,
  survivorId: string,
  relations: readonly TicketRelation[],
): TicketRelation[] {
  const moved = relations.map((r) => ({
    ...r,
    fromId: r.fromId === duplicateId ? survivorId : r.fromId,
    toId: r.toId === duplicateId ? survivorId : r.toId,
  }));
  const survivorHasParent = relations.some((r) => r.kind === 'PARENT_OF' && r.toId === survivorId);
  return moved.reduce<TicketRelation[]>((kept, relation, index) => {
    if (relation.fromId === relation.toId) return kept;
    const wasDuplicatesParent =
      relations[index]!.kind === 'PARENT_OF' && relations[index]!.toId === duplicateId;
    if (wasDuplicatesParent && survivorHasParent) return kept;
    if (kept.some((k) => same(k, relation))) return kept;
    return [...kept, relation];
  }, []);
}
