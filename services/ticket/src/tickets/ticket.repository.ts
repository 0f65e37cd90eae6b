// The only TypeORM access to the tickets table. Construct it on the transaction's EntityManager for writes, on the
// DataSource's manager for reads.
import type { FaultCategory, TicketChannel, TicketKind } from '@opsgraph/contracts-events';
import { readEntities, sqlStatement, type SqlStatement } from '@opsgraph/persistence';
import type { AggregateKind } from '@opsgraph/service-kit';
import type { EntityManager, SelectQueryBuilder } from 'typeorm';
import type { TicketScope } from './ticket.access';
import { TicketEntity } from './ticket.entity';
import type { CloseReason, EscalationLevel, TicketStatus } from './ticket.lifecycle';
import type { SlaPauseReason } from '../sla/sla-clock';
import type { Ticket } from './ticket.model';
import type { Impact, Priority, Urgency } from './ticket.priority';
import { formatTicketNumber } from './ticket.number';
import {
  PARENT_COLUMNS,
  ticketPredicates,
  type Keyset,
  type TicketCriteria,
  type TicketParent,
} from './ticket.query';

export type SlaCandidate = 'RESPONSE' | 'RESOLUTION';

/** A ticket as its row stores it: with `importHoldUntil`, until when the jobs leave it to a historical import. */
export type HeldTicket = Ticket & { readonly importHoldUntil: Date | null };

/** The ticket aggregate on the kit's write path: audit lines and events name it `ticket`. */
export const TICKET: AggregateKind<HeldTicket> = {
  type: 'ticket',
  label: 'Ticket',
  store: {
    lock: (manager, id) => new TicketRepository(manager).lock(id),
    insert: (manager, ticket) => new TicketRepository(manager).insert(ticket),
    update: (manager, ticket, expectedVersion) =>
      new TicketRepository(manager).update(ticket, expectedVersion),
  },
};

/** The first `limit` tickets (after `after`) of each of `parentIds`, matching `criteria` within `scope`. */
export interface ParentPagesRequest {
  readonly parent: TicketParent;
  readonly parentIds: readonly string[];
  readonly criteria: TicketCriteria;
  readonly scope: TicketScope;
  readonly limit: number;
  readonly after: Keyset | null;
}

const NOT_HELD_BY_IMPORT = '(t.import_hold_until is null or t.import_hold_until <= :now)';

export class TicketRepository {
  constructor(private readonly manager: EntityManager) {}

  /** The next human-readable number. Sequence values are not transactional: a rolled-back open leaves a gap. */
  async nextNumber(): Promise<string> {
    const [{ seq }] = await this.manager.query(`select nextval('ticket_number_seq') as seq`);
    return formatTicketNumber(Number(seq)); // bigint arrives as text
  }

  async insert(ticket: HeldTicket): Promise<void> {
    await this.manager.insert(TicketEntity, toEntity(ticket));
  }

  /** Writes the ticket if it is still at `expectedVersion`; false when another change came first. */
  async update(ticket: HeldTicket, expectedVersion: number): Promise<boolean> {
    const { id, ...columns } = toEntity(ticket);
    const result = await this.manager.update(TicketEntity, { id, version: expectedVersion }, columns);
    return result.affected === 1;
  }

  /** Loads the ticket and locks its row until the transaction ends: changes to one ticket are serialized. */
  async lock(id: string): Promise<HeldTicket | null> {
    const entity = await this.manager.findOne(TicketEntity, {
      where: { id },
      lock: { mode: 'pessimistic_write' },
    });
    return entity && { ...toTicket(entity), importHoldUntil: entity.importHoldUntil ?? null };
  }

  async findByIds(ids: readonly string[], scope: TicketScope): Promise<Ticket[]> {
    if (ids.length === 0) return [];
    const query = this.scoped({}, scope).andWhere('t.id = any(:ids)', { ids: [...ids] });
    return (await query.getMany()).map(toTicket);
  }

  async findByNumber(number: string, scope: TicketScope): Promise<Ticket | null> {
    const entity = await this.scoped({}, scope).andWhere('t.number = :number', { number }).getOne();
    return entity && toTicket(entity);
  }

  /** Up to `limit` tickets in listing order (created_at desc, id desc) after the keyset. */
  /**
   * `columns`: only these (a projection of TICKET_LISTING_COLUMNS; the tickets then carry only what they hold);
   * null for whole tickets.
   */
  async page(
    criteria: TicketCriteria,
    scope: TicketScope,
    limit: number,
    after: Keyset | null,
    columns: readonly string[] | null = null,
  ): Promise<Ticket[]> {
    return (
      await readEntities(this.manager, TicketEntity, this.pageQuery(criteria, scope, limit, after, columns))
    ).map(toTicket);
  }

  /**
   * The listing statement (also for EXPLAIN): plain SQL, the listing's hot path, without the query builder and
   * its entity transformer.
   */
  pageQuery(
    criteria: TicketCriteria,
    scope: TicketScope,
    limit: number,
    after: Keyset | null,
    columns: readonly string[] | null = null,
  ): SqlStatement {
    const { clauses, params } = ticketPredicates('t', criteria, scope, after);
    const where = ['true', ...clauses.map((clause) => `(${clause})`)].join(' and ');
    const selected = columns ? columns.map((column) => `t.${column}`).join(', ') : 't.*';
    return sqlStatement(
      this.manager,
      `select ${selected} from tickets t where ${where} order by t.created_at desc, t.id desc limit :limit`,
      { ...params, limit },
    );
  }

  async count(criteria: TicketCriteria, scope: TicketScope): Promise<number> {
    const row = await this.scoped(criteria, scope).select('count(*)::int', 'n').getRawOne<{ n: number }>();
    return row?.n ?? 0;
  }

  /**
   * The first `limit` tickets of each parent (e.g. of each customer), in one query: a LATERAL subquery per parent
   * walks that parent's (column, created_at, id) index and stops after `limit` rows.
   */
  async pagesByParent(request: ParentPagesRequest): Promise<Map<string, Ticket[]>> {
    const { parent, parentIds } = request;
    const pages = new Map(parentIds.map((id) => [id, [] as Ticket[]]));
    if (parentIds.length === 0) return pages;
    const rows = await this.pagesByParentQuery(request).getMany();
    for (const row of rows) {
      const ticket = toTicket(row);
      pages.get(parentOf(ticket, parent))?.push(ticket);
    }
    return pages;
  }

  /** The query of pagesByParent, for EXPLAIN. */
  pagesByParentQuery(request: ParentPagesRequest): SelectQueryBuilder<TicketEntity> {
    const { parent, parentIds, criteria, scope, limit, after } = request;
    const column = PARENT_COLUMNS[parent];
    const { clauses, params } = ticketPredicates('i', criteria, scope, after);
    const conditions = [`i.${column} = p.id`, ...clauses].join(' and ');
    return this.manager
      .createQueryBuilder(TicketEntity, 't')
      .where(
        `t.id in (select l.id from unnest(cast(:parentIds as uuid[])) as p(id) cross join lateral (
           select i.id from tickets i where ${conditions} order by i.created_at desc, i.id desc limit :limit) l)`,
        { ...params, parentIds: [...parentIds], limit },
      )
      .orderBy('t.createdAt', 'DESC')
      .addOrderBy('t.id', 'DESC');
  }

  async countByParent(
    parent: TicketParent,
    parentIds: readonly string[],
    criteria: TicketCriteria,
    scope: TicketScope,
  ): Promise<Map<string, number>> {
    const counts = new Map(parentIds.map((id) => [id, 0]));
    if (parentIds.length === 0) return counts;
    const column = `t.${PARENT_COLUMNS[parent]}`;
    const rows = await this.scoped(criteria, scope)
      .andWhere(`${column} = any(:parentIds)`, { parentIds: [...parentIds] })
      .select(column, 'parent')
      .addSelect('count(*)::int', 'n')
      .groupBy(column)
      .getRawMany<{ parent: string; n: number }>();
    for (const row of rows) counts.set(row.parent, row.n);
    return counts;
  }

  /**
   * Claims the ticket whose deadline passed longest ago and is not flagged yet, locking it; tickets another
   * replica holds are skipped, and a committed flag takes a ticket out of the (partial-indexed) candidates. So are
   * tickets a historical import is replaying (import hold): their deadlines are measured on the import's timeline.
   */
  async claimBreachCandidate(deadline: SlaCandidate, now: Date): Promise<Ticket | null> {
    const entity = await this.breachCandidateQuery(deadline, now).getOne();
    return entity && toTicket(entity);
  }

  /** The query of claimBreachCandidate, for EXPLAIN: each deadline's predicate matches its partial index. */
  breachCandidateQuery(deadline: SlaCandidate, now: Date): SelectQueryBuilder<TicketEntity> {
    const query = this.manager.createQueryBuilder(TicketEntity, 't');
    if (deadline === 'RESPONSE') {
      query
        .where('t.acknowledged_at is null and t.response_breached_at is null and t.response_due_at < :now', {
          now,
        })
        .andWhere(NOT_HELD_BY_IMPORT, { now })
        .orderBy('t.responseDueAt', 'ASC');
    } else {
      query
        .where(
          't.resolved_at is null and t.sla_paused_since is null and t.resolution_breached_at is null ' +
            'and t.resolution_due_at < :now',
          { now },
        )
        .andWhere(NOT_HELD_BY_IMPORT, { now })
        .orderBy('t.resolutionDueAt', 'ASC');
    }
    return query.limit(1).setLock('pessimistic_write').setOnLocked('skip_locked');
  }

  /** Claims a RESOLVED ticket resolved at or before `resolvedBy` and not held by an import at `now`. */
  /** `excluding`: tickets this run already looked at and left alone (complaints not settled). */
  async claimAutoCloseCandidate(
    resolvedBy: Date,
    now: Date,
    excluding: readonly string[] = [],
  ): Promise<Ticket | null> {
    const entity = await this.manager
      .createQueryBuilder(TicketEntity, 't')
      .where(`t.status = 'RESOLVED' and t.resolved_at <= :resolvedBy`, { resolvedBy })
      .andWhere(NOT_HELD_BY_IMPORT, { now })
      .andWhere('t.id <> all(:excluding::uuid[])', { excluding: [...excluding] })
      .orderBy('t.resolvedAt', 'ASC')
      .limit(1)
      .setLock('pessimistic_write')
      .setOnLocked('skip_locked')
      .getOne();
    return entity && toTicket(entity);
  }

  private scoped(
    criteria: TicketCriteria,
    scope: TicketScope,
    after: Keyset | null = null,
  ): SelectQueryBuilder<TicketEntity> {
    const { clauses, params } = ticketPredicates('t', criteria, scope, after);
    const query = this.manager.createQueryBuilder(TicketEntity, 't').where('true');
    for (const clause of clauses) query.andWhere(clause);
    return query.setParameters(params);
  }
}

function parentOf(ticket: Ticket, parent: TicketParent): string {
  const ids: Record<TicketParent, string | null> = {
    customer: ticket.customerId,
    assignee: ticket.assigneeId,
    asset: ticket.assetId,
    incident: ticket.incidentId,
  };
  return ids[parent] ?? '';
}

// Stored values are guarded by CHECK constraints, so the casts below hold.
function toTicket(e: TicketEntity): Ticket {
  return {
    id: e.id,
    number: e.number,
    kind: e.kind as TicketKind,
    category: e.category as FaultCategory | null,
    channel: e.channel as TicketChannel,
    subject: e.subject,
    description: e.description,
    customerId: e.customerId,
    contact: { name: e.contactName, phone: e.contactPhone, email: e.contactEmail },
    urgency: e.urgency as Urgency,
    impact: e.impact as Impact,
    priority: e.priority as Priority,
    status: e.status as TicketStatus,
    departmentId: e.departmentId,
    assigneeId: e.assigneeId,
    collaboratingDepartmentIds: e.collaboratingDepartmentIds,
    escalationLevel: e.escalationLevel as EscalationLevel,
    assetId: e.assetId,
    incidentId: e.incidentId,
    promisedResolutionAt: e.promisedResolutionAt,
    acknowledgedAt: e.acknowledgedAt,
    resolvedAt: e.resolvedAt,
    closedAt: e.closedAt,
    closeReason: e.closeReason as CloseReason | null,
    mergedIntoId: e.mergedIntoId,
    resolutionSummary: e.resolutionSummary,
    reopenCount: e.reopenCount,
    sla: {
      startedAt: e.slaStartedAt,
      responseDueAt: e.responseDueAt,
      resolutionDueAt: e.resolutionDueAt,
      pausedSince: e.slaPausedSince,
      pausedSeconds: e.slaPausedSeconds,
      pauseReasons: e.slaPauseReasons as SlaPauseReason[],
    },
    slaCalendar: e.slaCalendar,
    routing: e.routing,
    responseBreachedAt: e.responseBreachedAt,
    resolutionBreachedAt: e.resolutionBreachedAt,
    createdAt: e.createdAt,
    updatedAt: e.updatedAt,
    version: e.version,
  };
}

function toEntity(t: HeldTicket): TicketEntity {
  return {
    importHoldUntil: t.importHoldUntil,
    id: t.id,
    number: t.number,
    kind: t.kind,
    category: t.category,
    channel: t.channel,
    subject: t.subject,
    description: t.description,
    customerId: t.customerId,
    contactName: t.contact.name,
    contactPhone: t.contact.phone,
    contactEmail: t.contact.email,
    urgency: t.urgency,
    impact: t.impact,
    priority: t.priority,
    status: t.status,
    departmentId: t.departmentId,
    assigneeId: t.assigneeId,
    collaboratingDepartmentIds: [...t.collaboratingDepartmentIds],
    escalationLevel: t.escalationLevel,
    assetId: t.assetId,
    incidentId: t.incidentId,
    promisedResolutionAt: t.promisedResolutionAt,
    acknowledgedAt: t.acknowledgedAt,
    resolvedAt: t.resolvedAt,
    closedAt: t.closedAt,
    closeReason: t.closeReason,
    mergedIntoId: t.mergedIntoId,
    resolutionSummary: t.resolutionSummary,
    reopenCount: t.reopenCount,
    slaStartedAt: t.sla.startedAt,
    responseDueAt: t.sla.responseDueAt,
    resolutionDueAt: t.sla.resolutionDueAt,
    slaPausedSince: t.sla.pausedSince,
    slaPausedSeconds: t.sla.pausedSeconds,
    slaPauseReasons: [...t.sla.pauseReasons],
    slaCalendar: t.slaCalendar,
    routing: t.routing,
    responseBreachedAt: t.responseBreachedAt,
    resolutionBreachedAt: t.resolutionBreachedAt,
    createdAt: t.createdAt,
    updatedAt: t.updatedAt,
    version: t.version,
  };
}
