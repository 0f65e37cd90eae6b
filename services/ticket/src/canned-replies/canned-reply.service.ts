// Canned replies (docs/product.md §12.5): managers write, update and delete them (one unit of work: row, audit line and
// event on opsgraph.canned-reply.events.v1); staff list the ones for their department and render one for a ticket
// they can see.
import {
  CannedReplyChanged,
  CannedReplyDefined,
  CannedReplyDeleted,
  type EventDefinition,
} from '@opsgraph/contracts-events';
import { BadUserInputError, NotFoundError, type Caller, type RequestMeta } from '@opsgraph/domain';
import { draft, type UnitOfWork, type WriteTransaction } from '@opsgraph/service-kit';
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
import { formatDueAt, renderCannedReply, unknownVariables, usedVariables } from './canned-reply.rules';

export interface CannedReplyInput {
  readonly departmentId: string | null;
  readonly title: string;
  readonly body: string;
}

/** A reply at the version the client last saw. */
export interface CannedReplyRef {
  readonly replyId: string;
  readonly expectedVersion: number;
}

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

  async define(meta: RequestMeta, input: CannedReplyInput): Promise<CannedReply> {
    await this.checked(meta, input);
    return this.unitOfWork.run(meta, (tx) =>
      this.save(
        tx,
        null,
        { id: randomUUID(), version: 1, ...input, createdAt: tx.now, updatedAt: tx.now },
        'DEFINE',
        CannedReplyDefined,
      ),
    );
  }

  /** Replaces the reply's title, template and department. */
  async update(meta: RequestMeta, ref: CannedReplyRef, input: CannedReplyInput): Promise<CannedReply> {
    await this.checked(meta, input);
    return this.unitOfWork.run(meta, async (tx) => {
      const current = await tx.load(cannedReplyKind, ref.replyId, ref.expectedVersion);
      return this.save(tx, current, { ...current, ...input, updatedAt: tx.now }, 'UPDATE', CannedReplyChanged);
    });
  }

  /** Deletes the reply (audit line and event first, then the row); returns it as it was. */
  delete(meta: RequestMeta, ref: CannedReplyRef): Promise<CannedReply> {
    ticketPermissions.require(meta.caller, 'MANAGE_CANNED_REPLIES');
    return this.unitOfWork.run(meta, async (tx) => {
      const current = await tx.load(cannedReplyKind, ref.replyId, ref.expectedVersion);
      const deleted = await this.save(tx, current, { ...current, updatedAt: tx.now }, 'DELETE', CannedReplyDeleted);
      await new CannedReplyReads(tx.manager).delete(current.id);
      return deleted;
    });
  }

  /** Permission and the input's own checks, before any transaction: BAD_USER_INPUT naming the field. */
  private async checked(meta: RequestMeta, input: CannedReplyInput): Promise<void> {
    ticketPermissions.require(meta.caller, 'MANAGE_CANNED_REPLIES');
    const unknown = unknownVariables(input.body);
    if (unknown.length > 0) {
      throw new BadUserInputError(
        `Unknown variables: ${unknown.map((name) => `{{${name}}}`).join(', ')}`,
        'input.body',
      );
    }
    await this.references.require(referencesOf('DEPARTMENT', 'input.departmentId', [input.departmentId]));
  }

  private save(
    tx: WriteTransaction,
    before: CannedReply | null,
    after: CannedReply,
    action: string,
    event: EventDefinition,
  ): Promise<CannedReply> {
    const snapshot = {
      replyId: after.id,
      title: after.title,
      departmentId: after.departmentId,
      variables: usedVariables(after.body),
    };
    return tx.save(cannedReplyKind, before, {
      after,
      action,
      events: [draft(event, snapshot as never)],
      changes: { departmentId: after.departmentId, title: after.title, body: after.body },
    });
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
