// Reading and changing the per-priority SLA targets. A change applies to tickets opened afterwards: a ticket keeps
// the deadlines it was given at intake (they may have been told to the customer).
import {
  BadUserInputError,
  ForbiddenError,
  NotFoundError,
  VersionConflictError,
  type Caller,
  type Clock,
} from '@opsgraph/domain';
import type { DataSource } from 'typeorm';
import { ticketPermissions } from '../permissions';
import { requireCallerOf } from '../tickets/ticket.access';
import type { RequestMeta } from '../tickets/ticket.command-runner';
import type { Priority } from '../tickets/ticket.priority';
import { SlaPolicyRepository, type StoredSlaPolicy } from './sla-policy.repository';

export interface UpdateSlaPolicyCommand {
  readonly priority: Priority;
  readonly responseSeconds: number;
  readonly resolutionSeconds: number;
  readonly expectedVersion: number;
}

export class SlaPolicyService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  async list(caller: Caller): Promise<StoredSlaPolicy[]> {
    const known = requireCallerOf(caller);
    if (!ticketPermissions.can(known, 'READ_INTERNAL')) throw new ForbiddenError('SLA policies are internal');
    return new SlaPolicyRepository(this.dataSource.manager).all();
  }

  async update(meta: RequestMeta, input: UpdateSlaPolicyCommand): Promise<StoredSlaPolicy> {
    const caller = requireCallerOf(meta.caller);
    if (!ticketPermissions.can(caller, 'UPDATE_SLA_POLICY'))
      throw new ForbiddenError('Only ADMIN and OPS_DIRECTOR change SLA policies');
    if (input.responseSeconds > input.resolutionSeconds) {
      throw new BadUserInputError(
        'The response target cannot be later than the resolution target',
        'input.responseSeconds',
      );
    }
    return this.dataSource.transaction(async (manager) => {
      const policies = new SlaPolicyRepository(manager);
      const current = await policies.find(input.priority);
      if (current === null) throw new NotFoundError('SlaPolicy', input.priority);
      const next: StoredSlaPolicy = {
        priority: input.priority,
        responseSeconds: input.responseSeconds,
        resolutionSeconds: input.resolutionSeconds,
        version: current.version + 1,
        updatedAt: this.clock(),
        updatedBy: caller.userId,
      };
      if (
        current.version !== input.expectedVersion ||
        !(await policies.update(next, input.expectedVersion))
      ) {
        throw new VersionConflictError(
          `SLA policy ${input.priority}`,
          input.expectedVersion,
          current.version,
        );
      }
      return next;
    });
  }
}
