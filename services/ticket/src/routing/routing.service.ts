// Defining, updating and deleting routing rules (docs/product.md §12.3): permission → checks → one unit of work (row,
// audit line and event on opsgraph.routing-rule.events.v1 together).
import {
  CUSTOMER_TIERS,
  RoutingRuleChanged,
  RoutingRuleDefined,
  RoutingRuleDeleted,
  type CustomerTier,
  type EventDefinition,
} from '@opsgraph/contracts-events';
import { BadUserInputError, ConflictError, type Caller, type RequestMeta } from '@opsgraph/domain';
import { draft, type UnitOfWork, type WriteTransaction } from '@opsgraph/service-kit';
import { randomUUID } from 'node:crypto';
import { referencesOf } from '../directory/directory.rules';
import type { ReferenceChecker } from '../directory/reference-checker';
import { ticketPermissions } from '../permissions';
import { RoutingRepository, routingRuleKind, type StoredRoutingRule } from './routing.repository';
import type { RoutingRule } from './routing.rules';

export type RoutingRuleInput = Omit<RoutingRule, 'id' | 'tiers'> & { readonly tiers: readonly string[] };

/** A rule at the version the client last saw. */
export interface RoutingRuleRef {
  readonly ruleId: string;
  readonly expectedVersion: number;
}

/** The rule as its events carry it. */
export const routingRuleSnapshot = (rule: RoutingRule) => ({
  ruleId: rule.id,
  name: rule.name,
  position: rule.position,
  active: rule.active,
  kinds: [...rule.kinds],
  categories: [...rule.categories],
  channels: [...rule.channels],
  tiers: [...rule.tiers],
  assetCategories: [...rule.assetCategories],
  departmentId: rule.departmentId,
  strategy: rule.strategy,
  maxLoad: rule.maxLoad,
});

export class RoutingService {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly references: ReferenceChecker,
  ) {}

  list(caller: Caller): Promise<StoredRoutingRule[]> {
    ticketPermissions.require(caller, 'READ_INTERNAL');
    return new RoutingRepository(this.unitOfWork.dataSource.manager).rules();
  }

  async define(meta: RequestMeta, input: RoutingRuleInput): Promise<StoredRoutingRule> {
    await this.checked(meta, input);
    return this.unitOfWork.run(meta, async (tx) => {
      const id = randomUUID();
      await this.requireNameFree(tx, id, input.name);
      const rule: StoredRoutingRule = {
        ...input,
        tiers: input.tiers as CustomerTier[],
        id,
        version: 1,
        createdAt: tx.now,
        updatedAt: tx.now,
      };
      return this.save(tx, null, rule, 'DEFINE', RoutingRuleDefined);
    });
  }

  /** Replaces the rule's criteria, place, department, strategy and cap; tickets already routed keep their decision. */
  async update(meta: RequestMeta, ref: RoutingRuleRef, input: RoutingRuleInput): Promise<StoredRoutingRule> {
    await this.checked(meta, input);
    return this.unitOfWork.run(meta, async (tx) => {
      const current = await tx.load(routingRuleKind, ref.ruleId, ref.expectedVersion);
      await this.requireNameFree(tx, current.id, input.name);
      const rule: StoredRoutingRule = {
        ...current,
        ...input,
        tiers: input.tiers as CustomerTier[],
        updatedAt: tx.now,
      };
      return this.save(tx, current, rule, 'UPDATE', RoutingRuleChanged);
    });
  }

  /** Deletes the rule (audit line and event first, then the row); returns it as it was. */
  delete(meta: RequestMeta, ref: RoutingRuleRef): Promise<StoredRoutingRule> {
    ticketPermissions.require(meta.caller, 'MANAGE_ROUTING');
    return this.unitOfWork.run(meta, async (tx) => {
      const current = await tx.load(routingRuleKind, ref.ruleId, ref.expectedVersion);
      const deleted = await this.save(tx, current, { ...current, updatedAt: tx.now }, 'DELETE', RoutingRuleDeleted);
      await new RoutingRepository(tx.manager).delete(current.id);
      return deleted;
    });
  }

  /** Permission and the input's own checks, before any transaction: BAD_USER_INPUT naming the field. */
  private async checked(meta: RequestMeta, input: RoutingRuleInput): Promise<void> {
    ticketPermissions.require(meta.caller, 'MANAGE_ROUTING');
    const badTier = input.tiers.findIndex((tier) => !(CUSTOMER_TIERS as readonly string[]).includes(tier));
    if (badTier >= 0) {
      throw new BadUserInputError(`Unknown customer tier ${input.tiers[badTier]}`, `input.tiers.${badTier}`);
    }
    await this.references.require(referencesOf('DEPARTMENT', 'input.departmentId', [input.departmentId]));
  }

  private async requireNameFree(tx: WriteTransaction, id: string, name: string): Promise<void> {
    const named = await new RoutingRepository(tx.manager).byName(name);
    if (named !== null && named.id !== id) {
      throw new ConflictError(`A routing rule is already named ${name}`, { field: 'input.name' });
    }
  }

  private save(
    tx: WriteTransaction,
    before: StoredRoutingRule | null,
    after: StoredRoutingRule,
    action: string,
    event: EventDefinition,
  ): Promise<StoredRoutingRule> {
    const snapshot = routingRuleSnapshot(after);
    return tx.save(routingRuleKind, before, {
      after,
      action,
      events: [draft(event, snapshot as never)],
      changes: snapshot,
    });
  }
}
