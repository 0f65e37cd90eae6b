// FAULT tickets about an unknown asset (docs/product.md §4.1): listed for the people who handle faults, attached to
// the asset they are really about (the fault is recorded as if the ticket had named it), or dismissed.
import { NotFoundError, type Caller, type RequestMeta } from '@opsgraph/domain';
import type { UnitOfWork } from '@opsgraph/service-kit';
import { cleanText } from '../assets/asset.rules';
import { permissions } from '../permissions';
import type { FaultRecord } from './fault.repository';
import { reportFaultIn, ticketFaultDescription } from './fault.service';
import {
  UnmatchedTicketRepository,
  type UnmatchedKeyset,
  type UnmatchedTicketRecord,
} from './unmatched-ticket.repository';

type Meta = RequestMeta;

export const UNMATCHED_TICKET = 'unmatched-fault-ticket';

export class UnmatchedTicketService {
  constructor(private readonly unitOfWork: UnitOfWork) {}

  async page(
    caller: Caller,
    limit: number,
    after: UnmatchedKeyset | null,
  ): Promise<{ rows: UnmatchedTicketRecord[]; total: number }> {
    permissions.require(caller, 'RECORD_MAINTENANCE');
    const tickets = new UnmatchedTicketRepository(this.unitOfWork.dataSource.manager);
    return { rows: await tickets.page(limit, after), total: await tickets.count() };
  }

  attach(meta: Meta, input: { ticketId: string; assetId: string }): Promise<FaultRecord> {
    permissions.require(meta.caller, 'RECORD_MAINTENANCE');
    return this.unitOfWork.run(meta, async (tx) => {
      const tickets = new UnmatchedTicketRepository(tx.manager);
      const ticket = await this.held(tickets, input.ticketId);
      const fault = await reportFaultIn(tx, {
        assetId: input.assetId,
        ticketId: ticket.ticketId,
        description: ticketFaultDescription(ticket.ticketNumber),
        reportedAt: ticket.openedAt,
        repairedAt: ticket.ticketResolvedAt,
      });
      await tickets.remove(ticket.ticketId);
      return fault;
    });
  }

  dismiss(meta: Meta, input: { ticketId: string; reason: string }): Promise<UnmatchedTicketRecord> {
    permissions.require(meta.caller, 'MANAGE_ASSETS');
    return this.unitOfWork.run(meta, async (tx) => {
      const tickets = new UnmatchedTicketRepository(tx.manager);
      const ticket = await this.held(tickets, input.ticketId);
      const reason = cleanText(input.reason, 'input.reason', 500)!;
      await tx.audit(UNMATCHED_TICKET, { id: ticket.ticketId, version: 1 }, 'DISMISSED', {
        assetId: ticket.assetId,
        ticketNumber: ticket.ticketNumber,
        reason,
      });
      return tickets.dismiss(ticket.ticketId, tx.now, reason);
    });
  }

  private async held(tickets: UnmatchedTicketRepository, ticketId: string): Promise<UnmatchedTicketRecord> {
    const ticket = await tickets.lockOpen(ticketId);
    if (ticket === null) throw new NotFoundError('UnmatchedFaultTicket', ticketId);
    return ticket;
  }
}
