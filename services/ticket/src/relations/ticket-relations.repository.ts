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

  async tickets(ids: readonly string[]): Promise<RelatedTicket[]> {
    if (ids.length === 0) return [];
    const rows: { id: string; number: string; status: TicketStatus; customer_id: string }[] =
      await this.manager.query(
        'select id, number, status, customer_id from tickets where id = any($1::uuid[])',
        [[...ids]],
      );
    return rows.map((row) => ({
      id: row.id,
      number: row.number,
      status: row.status,
      customerId: row.customer_id,
      mergedIntoId: null,
    }));
  }
}
