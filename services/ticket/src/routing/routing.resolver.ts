// Routing rules and Ticket.routing on the graph (docs/product.md §12.3). Thin: rules in routing.rules.ts.
import type { CustomerTier, FaultCategory, TicketChannel, TicketKind } from '@opsgraph/contracts-events';
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
);

@ObjectType('RoutingRule', {
  description: 'Routes tickets opened without a department (first match by position)',
})
export class RoutingRuleType {
  @Field(() => ID)
  id: string;

  @Field(() => Int)
  version: number;

  @Field()
  name: string;

  @Field(() => Int)
  position: number;

  @Field()
  active: boolean;

  @Field(() => [TicketKindEnum], { description: 'Empty: any' })
  kinds: TicketKind[];

  @Field(() => [TicketCategoryEnum], { description: 'Empty: any' })
  categories: FaultCategory[];

  @Field(() => [TicketChannelEnum], { description: 'Empty: any' })
  channels: TicketChannel[];

  @Field(() => [String], { description: 'Customer tiers (STANDARD, KEY_ACCOUNT, VIP); empty: any' })
  tiers: CustomerTier[];

  @Field(() => StrategyEnum)
  strategy: RoutingStrategy;

  @Field(() => Int, { nullable: true, description: 'No more tickets for someone with this many running' })
  maxLoad: number | null;
}

@InputType('DefineRoutingRuleInput')
export class DefineRoutingRuleInput {
  @Field()
  @Text({ max: 200 })
  name: string;

  @Field(() => Int, { defaultValue: 100, description: 'Lower is tried first' })
  @IsInt()
  @Min(0)
  @Max(100_000)
  position: number;

  @Field({ defaultValue: true })
  active: boolean;

  @Field(() => [TicketKindEnum], { defaultValue: [] })
  @ArrayMaxSize(10)
  kinds: TicketKind[];

  @Field(() => [TicketCategoryEnum], { defaultValue: [] })
  @ArrayMaxSize(10)
  categories: FaultCategory[];

  @Field(() => [TicketChannelEnum], { defaultValue: [] })
  @ArrayMaxSize(20)
  channels: TicketChannel[];

  @Field(() => [String], { defaultValue: [], description: 'STANDARD, KEY_ACCOUNT, VIP' })
  @ArrayMaxSize(3)
  @Length(1, 20, { each: true })
  tiers: string[];

  @Field(() => ID)
  departmentId: string;

  @Field(() => StrategyEnum)
  strategy: RoutingStrategy;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(1000)
  maxLoad?: number | null;
}

@ObjectType('TicketRouting', { description: 'Why intake routed the ticket where it did' })
class TicketRoutingType {
  @Field(() => ID)
  ruleId: string;

  @Field()
  ruleName: string;

  @Field(() => DepartmentReference)
  department: DepartmentReference;

  @Field(() => StrategyEnum)
  strategy: RoutingStrategy;

  @Field(() => EmployeeReference, {
    nullable: true,
    description: 'Null: nobody was eligible (left in the queue)',
  })
  assignee: EmployeeReference | null;

  @Field()
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

  @Mutation(() => RoutingRuleType, { description: 'Adds a routing rule (OPS_MANAGER, OPS_DIRECTOR, ADMIN)' })
  defineRoutingRule(
    @Arg('input') input: DefineRoutingRuleInput,
    @Ctx() ctx: TicketContext,
  ): Promise<StoredRoutingRule> {
    return ctx.services.routing.define(metaOf(ctx), { ...input, maxLoad: input.maxLoad ?? null });
  }

  @FieldResolver(() => DepartmentReference)
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
