import { BadUserInputError } from '@opsgraph/domain';
import type { EntityManager } from 'typeorm';
import type { EmployeeRecord } from './employee.record';
import { EmployeeRepository } from './employee.repository';

/**
 * A manager must be an ACTIVE employee of the organisation, and (for an existing employee) neither the employee
 * themself nor someone who reports to them, directly or not.
 */
export async function assertEligibleManager(
  manager: EntityManager,
  managerId: string,
  field: string,
  forEmployeeId?: string,
): Promise<EmployeeRecord> {
  const employees = new EmployeeRepository(manager);
  const candidate = await employees.findById(managerId);
  if (!candidate) throw new BadUserInputError(`There is no employee ${managerId}`, field);
  if (candidate.status !== 'ACTIVE') {
    throw new BadUserInputError(
      `A manager must be an active employee; ${managerId} is ${candidate.status}`,
      field,
    );
  }
  if (forEmployeeId !== undefined) {
    if (managerId === forEmployeeId)
      throw new BadUserInputError('An employee cannot be their own manager', field);
    if ((await employees.lineManagerChain(managerId)).includes(forEmployeeId)) {
      throw new BadUserInputError('The manager reports to this employee: that would be a cycle', field);
    }
  }
  return candidate;
}
