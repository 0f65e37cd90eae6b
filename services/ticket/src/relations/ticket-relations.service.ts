// Linking tickets (docs/product.md §12.4): on the ticket runner (permission, scope, version, audit line), the pure
// rules deciding; and the guard that keeps a parent from resolving while a child is open.
import { TicketLinked, TicketUnlinked } from '@opsgraph/contracts-events';
import { BadUserInputError, InvalidTransitionError } from '@opsgraph/domain';
import { draft } from '@opsgraph/service-kit';
import type {
  RequestMeta,
  TicketCommandRunner,
  TicketRef,
  TicketTransaction,
} from '../tickets/ticket.command-runner';
import { scopeOf } from '../tickets/ticket.access';
import { snapshotOf } from '../tickets/ticket.events';
import type { Ticket } from '../tickets/ticket.model';
import type { EntityManager } from 'typeorm';
import { TicketRelationsRepository } from './ticket-relations.repository';
import {
  linkBetween,
  linkProblem,
  linksOf,
  parentResolveProblem,
  type LinkRole,
  type RelationKind,
} from './ticket-relations.rules';

export async function requireChildrenResolved(
  ticket: Pick<Ticket, 'id' | 'status'>,
  tx: Pick<TicketTransaction, 'relations'>,
): Promise<void> {
  const relations = await tx.relations.around([ticket.id]);
  const children = relations
    .filter((r) => r.kind === 'PARENT_OF' && r.fromId === ticket.id)
    .map((r) => r.toId);
  const problem = parentResolveProblem(ticket.id, relations, await tx.relations.tickets(children));
  if (problem !== null) throw new InvalidTransitionError(problem, ticket.status);
}

export class TicketRelationsService {
  constructor(
    private readonly runner: TicketCommandRunner,
    private readonly manager: EntityManager,
  ) {}

  async linksOf(ticketId: string): Promise<{ role: LinkRole; ticketId: string; number: string }[]> {
    const repository = new TicketRelationsRepository(this.manager);
    const links = linksOf(ticketId, await repository.around([ticketId]));
    const numbers = new Map(
      (await repository.tickets(links.map((l) => l.ticketId))).map((t) => [t.id, t.number]),
    );
    return links.map((link) => ({ ...link, number: numbers.get(link.ticketId) ?? '' }));
  }

  /** Links the ticket to `otherTicketId`: RELATED, or PARENT_OF (this ticket becomes the other's parent). */
  link(meta: RequestMeta, ref: TicketRef, otherTicketId: string, kind: RelationKind): Promise<Ticket> {
    return this.runner.change(meta, 'LINK', ref, async (ticket, { now, caller, tx }) => {
      const visible = await tx.tickets.findByIds([otherTicketId], scopeOf(caller));
      if (visible.length === 0)
        throw new BadUserInputError(`No ticket ${otherTicketId}`, 'input.otherTicketId');
      const [self, other] = await Promise.all([
        tx.relations.tickets([ticket.id]),
        tx.relations.tickets([otherTicketId]),
      ]);
      const relations = await tx.relations.around([ticket.id, otherTicketId]);
      const problem = linkProblem(self[0]!, other[0]!, kind, relations);
      if (problem !== null) throw new BadUserInputError(problem, 'input.otherTicketId');
      await tx.relations.insert({ fromId: ticket.id, toId: otherTicketId, kind }, now);
      const after = { ...ticket, updatedAt: now };
      const otherNumber = other[0]!.number;
      return {
        ticket: after,
        action: 'LINK',
        events: [
          draft(TicketLinked, {
            ...snapshotOf(after),
            role: kind === 'RELATED' ? 'RELATED' : 'CHILD',
            otherTicketId,
            otherNumber,
          }),
        ],
        details: { kind, otherTicketId, otherNumber },
      };
    });
  }

  /** Removes the link between the ticket and `otherTicketId`, whichever of the two made it. */
  unlink(meta: RequestMeta, ref: TicketRef, otherTicketId: string): Promise<Ticket> {
    return this.runner.change(meta, 'LINK', ref, async (ticket, { now, caller, tx }) => {
      const visible = await tx.tickets.findByIds([otherTicketId], scopeOf(caller));
      if (visible.length === 0)
        throw new BadUserInputError(`No ticket ${otherTicketId}`, 'input.otherTicketId');
      const link = linkBetween(ticket.id, otherTicketId, await tx.relations.around([ticket.id]));
      const otherNumber = visible[0]!.number;
      if (link === null) {
        throw new BadUserInputError(`${ticket.number} is not linked to ${otherNumber}`, 'input.otherTicketId');
      }
      await tx.relations.remove(link.relation);
      const after = { ...ticket, updatedAt: now };
      return {
        ticket: after,
        action: 'UNLINK',
        events: [draft(TicketUnlinked, { ...snapshotOf(after), role: link.role, otherTicketId, otherNumber })],
        details: { kind: link.relation.kind, role: link.role, otherTicketId, otherNumber },
      };
    });
  }
}
