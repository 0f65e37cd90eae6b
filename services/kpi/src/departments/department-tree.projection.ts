// The department tree (id → parent, and its manager) from the department topic, so that a department's KPI can merge
// the cells of its subtree and Department.kpi can tell its managers (docs/product.md §KPI). Each event carries the department after it; the highest aggregate version
// wins, so duplicates and out-of-order delivery leave the same tree.
import { departmentEventDefinitions, type DepartmentEvent } from '@opsgraph/contracts-events';
import { defineProjection, type Projection } from '@opsgraph/service-kit';
import type { EntityManager } from 'typeorm';

export const DEPARTMENT_TREE_TABLES = ['kpi_departments'];

export async function recordDepartment(event: DepartmentEvent, manager: EntityManager): Promise<void> {
  await manager.query(
    `insert into kpi_departments (department_id, parent_id, manager_id, version) values ($1, $2, $3, $4)
     on conflict (department_id) do update set parent_id = excluded.parent_id, manager_id = excluded.manager_id,
       version = excluded.version
     where kpi_departments.version < excluded.version`,
    [event.data.departmentId, event.data.parentId, event.data.managerId, event.aggregateVersion],
  );
}

/** The department and every department below it (a cycle, which HR should never publish, ends the walk). */
export async function subtreeOf(manager: EntityManager, departmentId: string): Promise<string[]> {
  const rows: Array<{ id: string }> = await manager.query(
    `with recursive subtree(id) as (
       select $1::uuid
       union
       select d.department_id from kpi_departments d join subtree s on d.parent_id = s.id
     ) select id::text from subtree order by id`,
    [departmentId],
  );
  return rows.map((row) => row.id);
}

export function departmentTreeProjection(): Projection {
  return defineProjection({
    name: 'department-tree',
    topics: ['department'],
    handles: departmentEventDefinitions.map((definition) => definition.type),
    handle: recordDepartment,
    tables: DEPARTMENT_TREE_TABLES,
  });
}
