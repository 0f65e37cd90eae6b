// ticket_relations: the links of tickets, and the tickets at their ends as the relation rules see them.
import type { EntityManager } from 'typeorm';
import type { TicketStatus } from '../tickets/ticket.lifecycle';
import type { RelatedTicket, RelationKind, TicketRelation } from './ticket-relations.rules';

export class TicketRelationsRepository {
  constructor(private readonly manager: EntityManager) {}

  /** Every parent/child link (for cycle checks) and every link touching `ids`. */
  async around(ids: readonly string[]): Promise<TicketRelation[]> {
    const rows: { from_id: string; to_id: string; kind: RelationKind }[] = await this.manager.query(
      `select from_id, to_id, kind from ticket_relations
        where kind = 'PARENT_OF' or from_id = any($1::uuid[]) or to_id = any($1::uuid[])
        order by created_at, from_id, to_id`,
      [[...ids]],
    );
    return rows.map((row) => ({ fromId: row.from_id, toId: row.to_id, kind: row.kind }));
  }

  async insert(relation: TicketRelation, at: Date): Promise<void> {
    await this.manager.query(
      'insert into ticket_relations (from_id, to_id, kind, created_at) values ($1, $2, $3, $4)',
      [relation.fromId, relation.toId, relation.kind, at],
    );
  }

  async remove(relation: TicketRelation): Promise<void> {
    await this.manager.query('delete from ticket_relations where from_id = $1 and to_id = $2 and kind = $3', [
      relation.fromId,
      relation.toId,
      relation.kind,
    ]);
  }

  async tickets(ids: readonly string[]): Promise<RelatedTicket[]> {
    if (ids.length === 0) return [];
    const rows: {
      id: string;
      number: string;
      status: TicketStatus;
      customer_id: string;
      merged_into_id: string | null;
    }[] = await this.manager.query(
      'select id, number, status, customer_id, merged_into_id from tickets where id = any($1::uuid[])',
      [[...ids]],
    );
    return rows.map((row) => ({
      id: row.id,
      number: row.number,
      status: row.status,
      customerId: row.customer_id,
      mergedIntoId: row.merged_into_id,
    }));
  }

  /** Replaces every link touching `ids` by those of `relations` that touch them (after a merge). */
  async replaceAround(ids: readonly string[], relations: readonly TicketRelation[], at: Date): Promise<void> {
    await this.manager.query(
      'delete from ticket_relations where from_id = any($1::uuid[]) or to_id = any($1::uuid[])',
      [[...ids]],
    );
    for (const relation of relations.filter((r) => ids.includes(r.fromId) || ids.includes(r.toId))) {
      await this.insert(relation, at);
    }
  }

  /** Moves the duplicate's progress notes and knowledge solutions to the survivor (a merge carries them over). */
  async carryOver(duplicateId: string, survivorId: string): Promise<void> {
    await this.manager.query('update ticket_progress set ticket_id = $2 where ticket_id = $1', [
      duplicateId,
      survivorId,
    ]);
    await this.manager.query(
      `insert into ticket_solutions (ticket_id, article_id, linked_by, linked_at)
       select $2, article_id, linked_by, linked_at from ticket_solutions where ticket_id = $1
       on conflict do nothing`,
      [duplicateId, survivorId],
    );
  }
}
