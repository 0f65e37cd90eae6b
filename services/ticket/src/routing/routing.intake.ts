// Routing a ticket opened without a department (docs/product.md §12.3), inside the ticket's own transaction.
import type { EntityManager } from 'typeorm';
import { AssetDirectoryRepository } from '../asset-directory/asset-directory.repository';
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
  route(ticket: IntakeTicket): Promise<RoutingDecision | null> {
    return routeAtIntake(this.manager, ticket);
  }
}

/** The ticket as intake knows it: the customer's tier and the asset's category are looked up here. */
type IntakeTicket = Omit<RoutedTicket, 'tier' | 'assetCategory'> & { customerId: string };

async function routeAtIntake(manager: EntityManager, ticket: IntakeTicket): Promise<RoutingDecision | null> {
  const routing = new RoutingRepository(manager);
  const tier = await new DirectoryRepository(manager).customerTier(ticket.customerId);
  const routed: RoutedTicket = {
    kind: ticket.kind,
    category: ticket.category,
    channel: ticket.channel,
    tier,
    assetId: ticket.assetId,
    // Not known yet (its asset.registered not consumed): routed as a ticket without an asset category.
    assetCategory: ticket.assetId === null ? null : await new AssetDirectoryRepository(manager).category(ticket.assetId),
  };
  let rule = matchRule(await routing.rules(), routed);
  let cursor = rule === null ? null : await routing.lockCursor(rule.id);
  if (rule !== null && cursor === null) {
    // Deleted between the read and the lock: match again among the rules left.
    rule = matchRule(await routing.rules(), routed);
    cursor = rule === null ? null : await routing.lockCursor(rule.id);
  }
  if (rule === null || cursor === null) return null;
  const choice = chooseAssignee(rule, await routing.candidates(rule.departmentId), cursor.last);
  if (choice.assigneeId !== null) await routing.advanceCursor(rule.id, choice.assigneeId);
  return routingDecision(rule, routed, choice);
}
