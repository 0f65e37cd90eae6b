// Arguments of a ticket list → criteria and keyset; a page of tickets → a Relay connection whose totalCount is
// counted only if the client selects it (TicketConnectionResolver).
import { BadUserInputError, decodeCursor, encodeCursor, isUuid, pageRequest } from '@opsgraph/graphql-kit';
import type { TicketFilter } from './ticket.inputs';
import type { Ticket } from './ticket.model';
import type { Keyset, TicketCriteria } from './ticket.query';

export interface TicketConnectionSource {
  readonly edges: { cursor: string; node: Ticket }[];
  readonly pageInfo: { hasNextPage: boolean; endCursor: string | null };
  readonly count: () => Promise<number>;
}

export function toTicketConnection(
  tickets: readonly Ticket[],
  hasNextPage: boolean,
  count: () => Promise<number>,
): TicketConnectionSource {
  // A cursor is encoded only when the client selects it (most lists ask for the page's endCursor alone).
  const edges = tickets.map((node) => ({
    get cursor() {
      return ticketCursor(node);
    },
    node,
  }));
  const last = tickets.at(-1);
  return { edges, pageInfo: { hasNextPage, endCursor: last ? ticketCursor(last) : null }, count };
}

function ticketCursor(ticket: Ticket): string {
  return encodeCursor([ticket.createdAt.toISOString(), ticket.id]);
}

/** Page size and keyset from `first`/`after`; a cursor that is not one of ours is BAD_USER_INPUT on `after`. */
export function ticketPageRequest(args: { first?: number | null; after?: string | null }): {
  first: number;
  after: Keyset | null;
} {
  const { first } = pageRequest({ first: args.first });
  if (!args.after) return { first, after: null };
  const [createdAt, id, ...rest] = decodeCursor(args.after, 'after');
  const date = typeof createdAt === 'string' ? new Date(createdAt) : null;
  if (
    date === null ||
    Number.isNaN(date.getTime()) ||
    typeof id !== 'string' ||
    !isUuid(id) ||
    rest.length > 0
  ) {
    throw new BadUserInputError('Invalid cursor in "after"', 'after');
  }
  return { first, after: { createdAt: date, id } };
}

export function criteriaOf(filter: TicketFilter | null | undefined): TicketCriteria {
  if (!filter) return {};
  const criteria: { -readonly [K in keyof TicketCriteria]: TicketCriteria[K] } = {};
  if (filter.status) criteria.status = filter.status;
  if (filter.kind) criteria.kind = filter.kind;
  if (filter.category) criteria.category = filter.category;
  if (filter.channel) criteria.channel = filter.channel;
  if (filter.priority) criteria.priority = filter.priority;
  if (filter.customerId) criteria.customerId = filter.customerId;
  if (filter.assigneeId) criteria.assigneeId = filter.assigneeId;
  if (filter.departmentId) criteria.departmentId = filter.departmentId;
  if (filter.createdAt?.from) criteria.createdFrom = filter.createdAt.from;
  if (filter.createdAt?.to) criteria.createdBefore = filter.createdAt.to;
  if (filter.resolvedAt?.from) criteria.resolvedFrom = filter.resolvedAt.from;
  if (filter.resolvedAt?.to) criteria.resolvedBefore = filter.resolvedAt.to;
  if (typeof filter.breached === 'boolean') criteria.breached = filter.breached;
  if (filter.subjectContains) criteria.subjectContains = filter.subjectContains;
  return criteria;
}
