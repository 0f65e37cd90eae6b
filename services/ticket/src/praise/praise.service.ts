// Crediting a PRAISE ticket to the employees it praises (docs/product.md §11.7, 000 §三(二)3 表揚信): a manager's
// decision, since it counts for the employees; every credited employee must exist.
import { TicketPraiseCredited } from '@opsgraph/contracts-events';
import { BadUserInputError } from '@opsgraph/domain';
import { draft } from '@opsgraph/service-kit';
import { referencesOf } from '../directory/directory.rules';
import type { ReferenceChecker } from '../directory/reference-checker';
import type { RequestMeta, TicketCommandRunner, TicketRef } from '../tickets/ticket.command-runner';
import { snapshotOf } from '../tickets/ticket.events';
import type { Ticket } from '../tickets/ticket.model';

const FIELD = 'input.employeeIds';

export class PraiseService {
  constructor(
    private readonly runner: TicketCommandRunner,
    private readonly references: ReferenceChecker,
  ) {}

  async credit(meta: RequestMeta, ref: TicketRef, employeeIds: readonly string[]): Promise<Ticket> {
    const credited = [...new Set(employeeIds)].sort();
    if (credited.length === 0) throw new BadUserInputError('Credit the praise to at least one employee', FIELD);
    await this.references.require(referencesOf('EMPLOYEE', FIELD, credited));
    return this.runner.change(meta, 'CREDIT_PRAISE', ref, async (ticket, { now, caller, tx }) => {
      if (ticket.kind !== 'PRAISE') {
        throw new BadUserInputError(`Ticket ${ticket.number} is a ${ticket.kind}, not a PRAISE`, 'input.ticketId');
      }
      const previous = (await tx.praise.ofTickets([ticket.id])).map((credit) => credit.employeeId);
      if (previous.join() === credited.join()) {
        throw new BadUserInputError('The praise is already credited to these employees', FIELD);
      }
      await tx.praise.replace(ticket.id, credited, now, caller.employeeId ?? caller.userId);
      return {
        ticket,
        action: 'CREDIT_PRAISE',
        events: [
          draft(TicketPraiseCredited, { ...snapshotOf(ticket), employeeIds: credited, previousEmployeeIds: previous }),
        ],
        details: { employeeIds: credited, previousEmployeeIds: previous },
      };
    });
  }
}
