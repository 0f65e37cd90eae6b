// Routing a ticket opened without a department (docs/product.md §12.3), inside the ticket's own transaction.
import type { EntityManager } from 'typeorm';
import { DirectoryRepository } from '../directory/directory.repository';
import { RoutingRepository } from './routing.repository';
import {
  chooseAssignee,
  matchRule,
  routingDecision,
  type RoutedTicket,
  type RoutingDecision,
} from './routing.rules';

export class RoutingIntake {
  constructor(private readonly manager: EntityManager) {}

  /** The decision for the ticket, or null when no rule matches (it stays unrouted, as before). */
  route(ticket: Omit<RoutedTicket, 'tier'> & { customerId: string }): Promise<RoutingDecision | null> {
    return routeAtIntake(this.manager, ticket);
  }
}

async function routeAtIntake(
  manager: EntityManager,
  ticket: Omit<RoutedTicket, 'tier'> & { customerId: string },
): Promise<RoutingDecision | null> {
  const routing = new RoutingRepository(manager);
  const tier = await new DirectoryRepository(manager).customerTier(ticket.customerId);
  const routed: RoutedTicket = {
    kind: ticket.kind,
    category: ticket.category,
    channel: ticket.channel,
    tier,
  };
  const rule = matchRule(await routing.rules(), routed);
  if (rule === null) return null;
  const last = await routing.lockCursor(rule.id);
  const choice = chooseAssignee(rule, await routing.candidates(rule.departmentId), last);
  if (choice.assigneeId !== null) await routing.advanceCursor(rule.id, choice.assigneeId);
  return routingDecision(rule, routed, choice);
}
