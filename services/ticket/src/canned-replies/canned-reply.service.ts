// Canned replies (docs/product.md §12.5): managers write them (one unit of work: row and audit line); staff list the
// ones for their department and render one for a ticket they can see.
import { BadUserInputError, NotFoundError, type Caller, type RequestMeta } from '@opsgraph/domain';
import type { UnitOfWork } from '@opsgraph/service-kit';
import { randomUUID } from 'node:crypto';
import { DirectoryRepository } from '../directory/directory.repository';
import { referencesOf } from '../directory/directory.rules';
import type { ReferenceChecker } from '../directory/reference-checker';
import { ticketPermissions } from '../permissions';
import { calendarOf } from '../sla-calendars/sla-calendar.rules';
import { effectiveResolutionDueAt } from '../sla/sla-clock';
import { requireCallerOf, scopeOf } from '../tickets/ticket.access';
import { TicketRepository } from '../tickets/ticket.repository';
import { CannedReplyReads, cannedReplyKind, type CannedReply } from './canned-reply.repository';
import { formatDueAt, renderCannedReply, unknownVariables } from './canned-reply.rules';

export class CannedReplyService {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly references: ReferenceChecker,
  ) {}

  /** For every department plus the caller's own (or the one asked for). */
  list(caller: Caller, departmentId: string | null): Promise<CannedReply[]> {
    ticketPermissions.require(caller, 'READ_INTERNAL');
    const department = departmentId ?? caller?.departmentId ?? null;
    return new CannedReplyReads(this.unitOfWork.dataSource.manager).forDepartment(department);
  }

  async define(
    meta: RequestMeta,
    input: { departmentId: string | null; title: string; body: string },
  ): Promise<CannedReply> {
    ticketPermissions.require(meta.caller, 'MANAGE_CANNED_REPLIES');
    const unknown = unknownVariables(input.body);
    if (unknown.length > 0) {
      throw new BadUserInputError(
        `Unknown variables: ${unknown.map((name) => `{{${name}}}`).join(', ')}`,
        'input.body',
      );
    }
    await this.references.require(referencesOf('DEPARTMENT', 'input.departmentId', [input.departmentId]));
    return this.unitOfWork.run(meta, (tx) =>
      tx.save(cannedReplyKind, null, {
        after: { id: randomUUID(), version: 1, ...input, createdAt: tx.now, updatedAt: tx.now },
        action: 'DEFINE',
        events: [],
        changes: { ...input },
      }),
    );
  }

  /** The reply's text for the ticket: customer name, ticket number and subject, and the resolution due time. */
  async render(caller: Caller, replyId: string, ticketId: string): Promise<string> {
    ticketPermissions.require(caller, 'READ_INTERNAL');
    const manager = this.unitOfWork.dataSource.manager;
    const reply = await new CannedReplyReads(manager).byId(replyId);
    if (reply === null) throw new NotFoundError('CannedReply', replyId);
    const [ticket] = await new TicketRepository(manager).findByIds(
      [ticketId],
      scopeOf(requireCallerOf(caller)),
    );
    if (ticket === undefined) throw new NotFoundError('Ticket', ticketId);
    if (reply.departmentId !== null && reply.departmentId !== ticket.departmentId) {
      throw new BadUserInputError(`Reply "${reply.title}" belongs to another department`, 'replyId');
    }
    const due = effectiveResolutionDueAt(ticket.sla, this.unitOfWork.clock(), calendarOf(ticket.slaCalendar));
    return renderCannedReply(reply.body, {
      'customer.name': await new DirectoryRepository(manager).customerName(ticket.customerId),
      'ticket.number': ticket.number,
      'ticket.subject': ticket.subject,
      'ticket.dueAt': formatDueAt(due, ticket.slaCalendar?.timeZone ?? null),
    });
  }
}
