// Merging duplicates (docs/product.md §12.4): one unit of work locks the survivor and its duplicates (in id order, so
// two merges never deadlock), checks each pair with the pure rules, carries the duplicates' notes, links and
// knowledge solutions over to the survivor, closes each duplicate as MERGED pointing to it (ticket.merged), and
// records the merge in both audit trails.
import { TicketMerged } from '@opsgraph/contracts-events';
import { BadUserInputError, checkVersion, NotFoundError } from '@opsgraph/domain';
import { draft, type UnitOfWork } from '@opsgraph/service-kit';
import { canSee, requireAction, scopeOf } from '../tickets/ticket.access';
import {
  repositoriesOf,
  saveTicket,
  type RequestMeta,
  type TicketRef,
} from '../tickets/ticket.command-runner';
import { snapshotOf } from '../tickets/ticket.events';
import type { Ticket } from '../tickets/ticket.model';
import { TICKET } from '../tickets/ticket.repository';
import {
  mergedDuplicate,
  mergeProblem,
  relationsAfterMerge,
  type RelatedTicket,
} from './ticket-relations.rules';

export const MAX_DUPLICATES = 20;

const related = (t: Ticket): RelatedTicket => ({
  id: t.id,
  number: t.number,
  status: t.status,
  customerId: t.customerId,
  mergedIntoId: t.mergedIntoId,
});

export class TicketMergeService {
  constructor(private readonly unitOfWork: UnitOfWork) {}

  /** Merges `duplicates` into `survivor`; returns the survivor. */
  merge(meta: RequestMeta, survivor: TicketRef, duplicates: readonly TicketRef[]): Promise<Ticket> {
    const caller = requireAction(meta.caller, 'MERGE');
    const scope = scopeOf(caller);
    if (duplicates.length === 0 || duplicates.length > MAX_DUPLICATES) {
      throw new BadUserInputError(`Merge 1 to ${MAX_DUPLICATES} duplicates`, 'input.duplicates');
    }
    const ids = [survivor.ticketId, ...duplicates.map((d) => d.ticketId)];
    const repeated = ids.findIndex((id, index) => ids.indexOf(id) !== index);
    if (repeated >= 0) {
      throw new BadUserInputError('Each ticket appears once', `input.duplicates.${repeated - 1}.ticketId`);
    }
    return this.unitOfWork.run(meta, async (tx) => {
      const loaded = new Map<string, Ticket>();
      const refs = [survivor, ...duplicates];
      for (const ref of [...refs].sort((a, b) => a.ticketId.localeCompare(b.ticketId))) {
        const ticket = await tx.load(TICKET, ref.ticketId);
        if (!canSee(scope, ticket)) throw new NotFoundError('Ticket', ref.ticketId);
        checkVersion(`Ticket ${ticket.number}`, ticket, ref.expectedVersion);
        loaded.set(ticket.id, ticket);
      }
      const kept = loaded.get(survivor.ticketId)!;
      const merging = duplicates.map((d) => loaded.get(d.ticketId)!);
      merging.forEach((duplicate, index) => {
        const problem = mergeProblem(related(duplicate), related(kept));
        if (problem !== null) throw new BadUserInputError(problem, `input.duplicates.${index}.ticketId`);
      });

      const repositories = repositoriesOf(tx);
      let relations = await repositories.relations.around(ids);
      for (const duplicate of merging) relations = relationsAfterMerge(duplicate.id, kept.id, relations);
      await repositories.relations.replaceAround(ids, relations, tx.now);
      for (const duplicate of merging) {
        await repositories.relations.carryOver(duplicate.id, kept.id);
        const closed = mergedDuplicate(duplicate, kept.id, tx.now);
        await saveTicket(tx, duplicate, [
          {
            ticket: closed,
            action: 'MERGE',
            events: [
              draft(TicketMerged, {
                ...snapshotOf(closed),
                survivorTicketId: kept.id,
                survivorNumber: kept.number,
              }),
            ],
            details: { mergedInto: kept.number },
          },
        ]);
      }
      return saveTicket(tx, kept, [
        {
          ticket: kept,
          action: 'MERGE',
          events: [],
          details: { duplicates: merging.map((d) => d.number) },
        },
      ]);
    });
  }
}
