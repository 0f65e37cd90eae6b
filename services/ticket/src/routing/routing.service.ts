// Defining routing rules (docs/product.md §12.3): permission → checks → one unit of work (row and audit line).
import { CUSTOMER_TIERS, type CustomerTier } from '@opsgraph/contracts-events';
import { BadUserInputError, ConflictError, type Caller, type RequestMeta } from '@opsgraph/domain';
import type { UnitOfWork } from '@opsgraph/service-kit';
import { randomUUID } from 'node:crypto';
import { referencesOf } from '../directory/directory.rules';
import type { ReferenceChecker } from '../directory/reference-checker';
import { ticketPermissions } from '../permissions';
import { RoutingRepository, routingRuleKind, type StoredRoutingRule } from './routing.repository';
import type { RoutingRule } from './routing.rules';

export type RoutingRuleInput = Omit<RoutingRule, 'id' | 'tiers'> & { readonly tiers: readonly string[] };

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
    ticketPermissions.require(meta.caller, 'MANAGE_ROUTING');
    const badTier = input.tiers.findIndex((tier) => !(CUSTOMER_TIERS as readonly string[]).includes(tier));
    if (badTier >= 0) {
      throw new BadUserInputError(`Unknown customer tier ${input.tiers[badTier]}`, `input.tiers.${badTier}`);
    }
    await this.references.require(referencesOf('DEPARTMENT', 'input.departmentId', [input.departmentId]));
    return this.unitOfWork.run(meta, async (tx) => {
      if ((await new RoutingRepository(tx.manager).byName(input.name)) !== null) {
        throw new ConflictError(`A routing rule is already named ${input.name}`, { field: 'input.name' });
      }
      const rule: StoredRoutingRule = {
        ...input,
        tiers: input.tiers as CustomerTier[],
        id: randomUUID(),
        version: 1,
        createdAt: tx.now,
        updatedAt: tx.now,
      };
      return tx.save(routingRuleKind, null, {
        after: rule,
        action: 'DEFINE',
        events: [],
        changes: { ...rule, createdAt: undefined, updatedAt: undefined },
      });
    });
  }
}
