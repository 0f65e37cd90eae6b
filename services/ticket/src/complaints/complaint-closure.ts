// The closure guard on a ticket's transaction (docs/product.md §11.2): a COMPLAINT is resolved or closed only when
// nothing is missing; the refusal names every missing piece.
import { DomainError, ErrorCode } from '@opsgraph/domain';
import type { TicketTransaction } from '../tickets/ticket.command-runner';
import type { Ticket } from '../tickets/ticket.model';
import { missingForClosure, type MissingPiece } from './complaint-closure.rules';

/** INVALID_TRANSITION with `currentState` and `missing` (the requirement names) in its extensions. */
export class ComplaintNotSettledError extends DomainError {
  constructor(ticket: Pick<Ticket, 'number' | 'status'>, what: string, missing: readonly MissingPiece[]) {
    super(
      `Complaint ${ticket.number} cannot be ${what} yet: missing ${missing.map((piece) => piece.message).join('; ')}`,
      ErrorCode.INVALID_TRANSITION,
      { currentState: ticket.status, missing: missing.map((piece) => piece.requirement) },
    );
  }
}

/** What a complaint still lacks before it may be resolved or closed; empty for other kinds. */
export async function closureGaps(
  ticket: Pick<Ticket, 'id' | 'kind'>,
  tx: Pick<TicketTransaction, 'records' | 'actions'>,
): Promise<MissingPiece[]> {
  if (ticket.kind !== 'COMPLAINT') return [];
  const [details] = await tx.records.complaints([ticket.id]);
  const actions = await tx.actions.ofTickets([ticket.id]);
  return missingForClosure(details ?? null, actions);
}

export async function requireComplaintSettled(
  ticket: Pick<Ticket, 'id' | 'kind' | 'number' | 'status'>,
  tx: Pick<TicketTransaction, 'records' | 'actions'>,
  what: 'resolved' | 'closed',
): Promise<void> {
  const missing = await closureGaps(ticket, tx);
  if (missing.length > 0) throw new ComplaintNotSettledError(ticket, what, missing);
}
