// Customers, employees and departments as the ticket service knows them, from their owners' topics (docs/product.md
// §11.1): enough to refuse a ticket that points at nobody, and an assignment to someone who is not at work.
import {
  customerEventDefinitions,
  departmentEventDefinitions,
  employeeEventDefinitions,
  type CustomerEvent,
  type DepartmentEvent,
  type EmployeeEvent,
} from '@opsgraph/contracts-events';
import { defineProjection } from '@opsgraph/service-kit';
import type { EntityManager } from 'typeorm';
import { DIRECTORY_TABLES, DirectoryRepository } from './directory.repository';

type DirectoryEvent = CustomerEvent | EmployeeEvent | DepartmentEvent;

export async function projectDirectoryEvent(event: DirectoryEvent, manager: EntityManager): Promise<void> {
  const directory = new DirectoryRepository(manager);
  const version = event.aggregateVersion;
  switch (event.aggregateType) {
    case 'customer':
      return directory.saveCustomer({
        id: event.data.customerId,
        name: event.data.name,
        tier: event.data.tier,
        version,
      });
    case 'department':
      return directory.saveDepartment({ id: event.data.departmentId, name: event.data.name, version });
    case 'employee':
      return directory.saveEmployee({
        id: event.data.employeeId,
        name: event.data.name,
        departmentId: event.data.departmentId,
        status: event.data.status,
        version,
      });
  }
}

/** Consumer `ticket-directory`. Every event of these topics carries its aggregate's snapshot. */
export const directoryProjection = defineProjection({
  name: 'directory',
  topics: ['customer', 'employee', 'department'],
  handles: [...customerEventDefinitions, ...employeeEventDefinitions, ...departmentEventDefinitions].map(
    (definition) => definition.type,
  ),
  handle: (event, manager) => projectDirectoryEvent(event, manager),
  handleBatch: async (events, manager) => {
    for (const event of events) await projectDirectoryEvent(event, manager);
  },
  tables: DIRECTORY_TABLES,
});
