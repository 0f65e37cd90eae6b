// Tests' customers, employees and departments, written into the directory read model the way its projection writes
// them (the projection itself is tested on real Kafka in directory.projection.int.spec.ts).
import type { CustomerTier, EmployeeStatus } from '@opsgraph/contracts-events';
import type { EntityManager } from 'typeorm';
import { DirectoryRepository } from '../directory/directory.repository';

export interface TestReferences {
  readonly customers?: readonly string[];
  readonly departments?: readonly string[];
  readonly employees?: readonly string[];
  /** Customers with a known tier (otherwise none). */
  readonly customerTiers?: Readonly<Record<string, CustomerTier>>;
  /** Employees' departments (otherwise none). */
  readonly employeeDepartments?: Readonly<Record<string, string>>;
  /** Employees with another status than ACTIVE. */
  readonly employeeStatuses?: Readonly<Record<string, EmployeeStatus>>;
}

export async function knowReferences(manager: EntityManager, references: TestReferences): Promise<void> {
  const directory = new DirectoryRepository(manager);
  for (const id of references.customers ?? [])
    await directory.saveCustomer({
      id,
      name: `Customer ${id}`,
      tier: references.customerTiers?.[id] ?? null,
      version: 1,
    });
  for (const id of references.departments ?? [])
    await directory.saveDepartment({ id, name: `Department ${id}`, version: 1 });
  for (const id of references.employees ?? []) {
    const status = references.employeeStatuses?.[id] ?? 'ACTIVE';
    const departmentId = references.employeeDepartments?.[id] ?? null;
    await directory.saveEmployee({ id, name: `Employee ${id}`, departmentId, status, version: 1 });
  }
}
