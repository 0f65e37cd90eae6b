// Routing rules and Ticket.routing on the graph (docs/product.md §12.3). Thin: rules in routing.rules.ts.
import {
  ASSET_CATEGORIES,
  ASSET_CATEGORY_DESCRIPTIONS,
  type AssetCategory,
  type CustomerTier,
  type FaultCategory,
  type TicketChannel,
  type TicketKind,
} from '@opsgraph/contracts-events';
import { graphqlEnumOf, Text } from '@opsgraph/graphql-kit';
import { metaOf } from '@opsgraph/service-kit';
import { ArrayMaxSize, IsInt, IsOptional, Length, Max, Min } from 'class-validator';
import {
  Arg,
  Ctx,
  Field,
  FieldResolver,
  ID,
  InputType,
  Int,
  Mutation,
  ObjectType,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import type { TicketContext } from '../context';
import { ticketPermissions } from '../permissions';
import { DepartmentReference, EmployeeReference, referenceTo } from '../references/entity-references';
import { TicketCategoryEnum, TicketChannelEnum, TicketKindEnum } from '../tickets/ticket.enums';
import type { Ticket } from '../tickets/ticket.model';
import { TicketType } from '../tickets/ticket.type';
import type { StoredRoutingRule } from './routing.repository';
import { ROUTING_STRATEGIES, type RoutingStrategy } from './routing.rules';

const StrategyEnum = graphqlEnumOf(
  ROUTING_STRATEGIES,
  'RoutingStrategy',
  'ROUND_ROBIN: in turn; LOAD_BASED: the fewest tickets whose SLA clock runs',
  {
    ROUND_ROBIN: 'The next eligible employee in turn',
    LOAD_BASED: 'The eligible employee with the fewest tickets whose SLA clock runs; ties in turn',
  },
);

// The asset subgraph's enum, same values and description (composition merges the two).
const AssetCategoryEnum = graphqlEnumOf(
  ASSET_CATEGORIES,
  'AssetCategory',
  'What kind of equipment',
  ASSET_CATEGORY_DESCRIPTIONS,
);

@ObjectType('RoutingRule', {
  description: 'Routes tickets opened without a department (first match by position)',
})
export class RoutingRuleType {
  @Field(() => ID, { description: 'The rule’s id' })
  id: string;

  @Field(() => Int, { description: 'Optimistic-lock version: pass it as expectedVersion to change the rule' })
  version: number;

  @Field({ description: 'The rule’s name' })
  name: string;

  @Field(() => Int, {
    description: 'Its place; the first active rule (lowest position) that admits a ticket routes it',
  })
  position: number;

  @Field({ description: 'Whether the rule routes' })
  active: boolean;

  @Field(() => [TicketKindEnum], { description: 'Empty: any' })
  kinds: TicketKind[];

  @Field(() => [TicketCategoryEnum], { description: 'Empty: any' })
  categories: FaultCategory[];

  @Field(() => [TicketChannelEnum], { description: 'Empty: any' })
  channels: TicketChannel[];

  @Field(() => [String], { description: 'Customer tiers (STANDARD, KEY_ACCOUNT, VIP); empty: any' })
  tiers: CustomerTier[];

  @Field(() => [AssetCategoryEnum], {
    description:
      'Categories of the ticket’s asset; empty: any. A ticket whose asset the ticket service does not know yet ' +
      'matches no rule with asset categories',
  })
  assetCategories: AssetCategory[];

  @Field(() => StrategyEnum, { description: 'How an employee is chosen' })
  strategy: RoutingStrategy;

  @Field(() => Int, { nullable: true, description: 'No more tickets for someone with this many running' })
  maxLoad: number | null;
}

@InputType('DefineRoutingRuleInput', {
  description:
    'Defines a routing rule for tickets opened without a department (OPS_MANAGER, OPS_DIRECTOR, ADMIN)',
})
export class DefineRoutingRuleInput {
  @Field({ description: 'The rule’s name, 1–200 characters' })
  @Text({ max: 200 })
  name: string;

  @Field(() => Int, { defaultValue: 100, description: 'Lower is tried first' })
  @IsInt()
  @Min(0)
  @Max(100_000)
  position: number;

  @Field({ description: 'Whether the rule routes (default true)', defaultValue: true })
  active: boolean;

  @Field(() => [TicketKindEnum], { description: 'Ticket kinds it admits; empty for any', defaultValue: [] })
  @ArrayMaxSize(10)
  kinds: TicketKind[];

  @Field(() => [TicketCategoryEnum], {
    description: 'Fault categories it admits; empty for any',
    defaultValue: [],
  })
  @ArrayMaxSize(10)
  categories: FaultCategory[];

  @Field(() => [TicketChannelEnum], { description: 'Channels it admits; empty for any', defaultValue: [] })
  @ArrayMaxSize(20)
  channels: TicketChannel[];

  @Field(() => [String], { defaultValue: [], description: 'STANDARD, KEY_ACCOUNT, VIP' })
  @ArrayMaxSize(3)
  @Length(1, 20, { each: true })
  tiers: string[];

  @Field(() => [AssetCategoryEnum], {
    description: 'Categories of the ticket’s asset it admits; empty for any (with or without an asset)',
    defaultValue: [],
  })
  @ArrayMaxSize(8)
  assetCategories: AssetCategory[];

  @Field(() => ID, { description: 'The department the rule routes to' })
  departmentId: string;

  @Field(() => StrategyEnum, { description: 'ROUND_ROBIN or LOAD_BASED' })
  strategy: RoutingStrategy;

  @Field(() => Int, {
    description:
      'Most tickets with a running SLA clock an employee may hold to be eligible, 1–1000; null for no cap',
    nullable: true,
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(1000)
  maxLoad?: number | null;
}

@InputType('UpdateRoutingRuleInput', {
  description:
    'Replaces a routing rule’s name, criteria, place, department, strategy and cap (OPS_MANAGER, OPS_DIRECTOR, ADMIN); ' +
    'tickets already routed keep their decision',
})
export class UpdateRoutingRuleInput extends DefineRoutingRuleInput {
  @Field(() => ID, { description: 'The rule to update' })
  ruleId: string;

  @Field(() => Int, { description: 'The rule’s version the client last saw; a stale one is a CONFLICT' })
  @IsInt()
  @Min(1)
  expectedVersion: number;
}

@InputType('DeleteRoutingRuleInput', {
  description: 'Deletes a routing rule (OPS_MANAGER, OPS_DIRECTOR, ADMIN)',
})
export class DeleteRoutingRuleInput {
  @Field(() => ID, { description: 'The rule to delete' })
  ruleId: string;

  @Field(() => Int, { description: 'The rule’s version the client last saw; a stale one is a CONFLICT' })
  @IsInt()
  @Min(1)
  expectedVersion: number;
}

@ObjectType('TicketRouting', { description: 'Why intake routed the ticket where it did' })
class TicketRoutingType {
  @Field(() => ID, { description: 'The rule that routed the ticket' })
  ruleId: string;

  @Field({ description: 'That rule’s name' })
  ruleName: string;

  @Field(() => DepartmentReference, { description: 'The department it was routed to' })
  department: DepartmentReference;

  @Field(() => StrategyEnum, { description: 'The rule’s strategy' })
  strategy: RoutingStrategy;

  @Field(() => EmployeeReference, {
    nullable: true,
    description: 'Null: nobody was eligible (left in the queue)',
  })
  assignee: EmployeeReference | null;

  @Field({ description: 'Why this employee (or the queue), in words' })
  reason: string;
}

@Resolver(() => RoutingRuleType)
export class RoutingRuleResolver {
  @Query(() => [RoutingRuleType], {
    description: 'Routing rules in the order they are tried (staff and analysts)',
  })
  routingRules(@Ctx() ctx: TicketContext): Promise<StoredRoutingRule[]> {
    return ctx.services.routing.list(ctx.caller);
  }

  @Mutation(() => RoutingRuleType, {
    description:
      'Adds a routing rule (OPS_MANAGER, OPS_DIRECTOR, ADMIN). Errors: FORBIDDEN; BAD_USER_INPUT (input.tiers.N, ' +
      'input.departmentId unknown); CONFLICT (input.name taken)',
  })
  defineRoutingRule(
    @Arg('input', { description: 'The rule’s criteria, department and strategy' })
    input: DefineRoutingRuleInput,
    @Ctx() ctx: TicketContext,
  ): Promise<StoredRoutingRule> {
    return ctx.services.routing.define(metaOf(ctx), { ...input, maxLoad: input.maxLoad ?? null });
  }

  @Mutation(() => RoutingRuleType, {
    description:
      'Updates a routing rule, replacing all its fields (OPS_MANAGER, OPS_DIRECTOR, ADMIN). Errors: FORBIDDEN; ' +
      'NOT_FOUND; CONFLICT (stale expectedVersion, or input.name taken); BAD_USER_INPUT (input.tiers.N, ' +
      'input.departmentId unknown)',
  })
  updateRoutingRule(
    @Arg('input', { description: 'The rule at the version read, and its new definition' })
    input: UpdateRoutingRuleInput,
    @Ctx() ctx: TicketContext,
  ): Promise<StoredRoutingRule> {
    const { ruleId, expectedVersion, ...definition } = input;
    return ctx.services.routing.update(
      metaOf(ctx),
      { ruleId, expectedVersion },
      { ...definition, maxLoad: definition.maxLoad ?? null },
    );
  }

  @Mutation(() => RoutingRuleType, {
    description:
      'Deletes a routing rule and returns it as it was; tickets it routed keep their decision (OPS_MANAGER, ' +
      'OPS_DIRECTOR, ADMIN). Errors: FORBIDDEN; NOT_FOUND; CONFLICT (stale expectedVersion)',
  })
  deleteRoutingRule(
    @Arg('input', { description: 'The rule at the version read' }) input: DeleteRoutingRuleInput,
    @Ctx() ctx: TicketContext,
  ): Promise<StoredRoutingRule> {
    return ctx.services.routing.delete(metaOf(ctx), input);
  }

  @FieldResolver(() => DepartmentReference, { description: 'The department it routes to' })
  department(@Root() rule: StoredRoutingRule): DepartmentReference {
    return referenceTo(rule.departmentId)!;
  }
}

@Resolver(() => TicketType)
export class TicketRoutingResolver {
  @FieldResolver(() => TicketRoutingType, {
    nullable: true,
    description: 'Staff only; null when the ticket was not routed by a rule',
  })
  routing(@Root() ticket: Ticket, @Ctx() ctx: TicketContext): TicketRoutingType | null {
    if (ticket.routing === null || !ctx.caller || !ticketPermissions.can(ctx.caller, 'READ_INTERNAL'))
      return null;
    const { ruleId, ruleName, departmentId, strategy, assigneeId, reason } = ticket.routing;
    return {
      ruleId,
      ruleName,
      department: referenceTo(departmentId)!,
      strategy,
      assignee: referenceTo(assigneeId),
      reason,
    };
  }
}
