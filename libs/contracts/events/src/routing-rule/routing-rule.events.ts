// Routing rules (docs/product.md §12.3): how the ticket service routes tickets opened without a department. Each event
// carries the rule after it (after a deletion: as it was when deleted); tickets keep the decision they were routed by.
import { Type } from '@sinclair/typebox';
import { snapshotEvents, type EventOf } from '../define-event';
import { ASSET_CATEGORIES } from '../asset/asset.events';
import { CUSTOMER_TIERS } from '../customer/customer.events';
import { Nullable, StringEnum, Text, Uuid } from '../schema';
import { FAULT_CATEGORIES, TICKET_CHANNELS, TICKET_KINDS } from '../ticket/ticket.events';

export const ROUTING_STRATEGIES = ['ROUND_ROBIN', 'LOAD_BASED'] as const;

const anyOf = <T extends readonly string[]>(values: T) =>
  Type.Array(StringEnum(values), { description: 'Empty: any.' });

export const routingRuleSnapshotProperties = {
  ruleId: Uuid(),
  name: Text(),
  position: Type.Integer({ minimum: 0, description: 'Lower is tried first.' }),
  active: Type.Boolean(),
  kinds: anyOf(TICKET_KINDS),
  categories: anyOf(FAULT_CATEGORIES),
  channels: anyOf(TICKET_CHANNELS),
  tiers: anyOf(CUSTOMER_TIERS),
  assetCategories: anyOf(ASSET_CATEGORIES),
  departmentId: Uuid({ description: 'The department the rule routes to.' }),
  strategy: StringEnum(ROUTING_STRATEGIES),
  maxLoad: Nullable(Type.Integer({ minimum: 1, description: 'Null: no cap.' })),
};

const routingRuleEvent = snapshotEvents('routing-rule', routingRuleSnapshotProperties);

export const RoutingRuleDefined = routingRuleEvent(
  'routing-rule.defined',
  'A routing rule was defined; tickets opened from now on may be routed by it.',
  {},
);
export const RoutingRuleChanged = routingRuleEvent(
  'routing-rule.changed',
  'A routing rule’s criteria, place, department, strategy or cap changed (or it was switched on or off); tickets ' +
    'already routed keep their decision.',
  {},
);
export const RoutingRuleDeleted = routingRuleEvent(
  'routing-rule.deleted',
  'A routing rule was deleted (the data is the rule as it was); it routes no more tickets.',
  {},
);

export const routingRuleEventDefinitions = [RoutingRuleDefined, RoutingRuleChanged, RoutingRuleDeleted] as const;
export type RoutingRuleEvent = EventOf<(typeof routingRuleEventDefinitions)[number]>;
