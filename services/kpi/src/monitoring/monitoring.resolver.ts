// The graph of monitoring, thin: each field asks the use-case.
import { ExpectedVersion, requireCaller } from '@opsgraph/graphql-kit';
import { metaOf } from '@opsgraph/service-kit';
import { Arg, Ctx, Field, ID, InputType, Int, Mutation, Query, Resolver } from 'type-graphql';
import { BadUserInputError } from '@opsgraph/domain';
import type { KpiContext } from '../subgraph';
import type { AlertStatus, KpiAlertRecord, MonitoringRule as Rule } from './monitoring.rules';
import { CreateMonitoringRuleInput, KpiAlert, KpiAlertStatus, MonitoringRule } from './monitoring.type';

const FIRST_MAX = 100;

@InputType({ description: 'Acknowledge a FIRING alert' })
export class AcknowledgeKpiAlertInput {
  @Field(() => ID, { description: 'The FIRING alert to acknowledge' })
  id: string;

  @ExpectedVersion()
  expectedVersion: number;
}

@Resolver()
export class MonitoringResolver {
  @Query(() => [MonitoringRule], { description: 'The monitoring rules, oldest first' })
  monitoringRules(@Ctx() ctx: KpiContext): Promise<Rule[]> {
    return ctx.services.monitoring.rules(requireCaller(ctx));
  }

  @Query(() => [KpiAlert], { description: 'Alerts, newest first' })
  kpiAlerts(
    @Arg('status', () => KpiAlertStatus, {
      description: 'Only alerts in this status; null for all',
      nullable: true,
    })
    status: AlertStatus | null,
    @Arg('first', () => Int, { defaultValue: 50, description: `1 to ${FIRST_MAX}` }) first: number,
    @Ctx() ctx: KpiContext,
  ): Promise<KpiAlertRecord[]> {
    if (!(first >= 1 && first <= FIRST_MAX))
      throw new BadUserInputError(`first must be 1 to ${FIRST_MAX}`, 'first');
    return ctx.services.monitoring.alerts(requireCaller(ctx), status ?? null, first);
  }

  @Mutation(() => MonitoringRule, {
    description: 'Creates a monitoring rule; it is evaluated as events arrive',
  })
  createMonitoringRule(
    @Arg('input', { description: 'The rule’s KPI, condition, window, dimension and severity' })
    input: CreateMonitoringRuleInput,
    @Ctx() ctx: KpiContext,
  ): Promise<Rule> {
    return ctx.services.monitoring.createRule(input, metaOf(ctx));
  }

  @Mutation(() => KpiAlert, {
    description: 'FIRING → ACKNOWLEDGED; it still resolves when the condition clears',
  })
  acknowledgeKpiAlert(
    @Arg('input', { description: 'The alert' }) input: AcknowledgeKpiAlertInput,
    @Ctx() ctx: KpiContext,
  ): Promise<KpiAlertRecord> {
    return ctx.services.monitoring.acknowledge(input.id, input.expectedVersion, metaOf(ctx));
  }
}
