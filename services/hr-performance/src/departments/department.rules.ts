// The department tree (002 §二(一): an operations centre with departments, each with a manager).
// Pure: callers pass the parent links they loaded; nothing here reads a database.
import { chainAbove, wouldCloseCycle, type UpwardLinks } from '../tree-links';

/** `MKT-OPS`, `CS`, `DATA_ANALYSIS`: upper-case letters, digits, `-` and `_`, starting with a letter. */
export const DEPARTMENT_CODE = /^[A-Z][A-Z0-9_-]{1,31}$/;

export function normalizeDepartmentCode(code: string): string {
  return code.trim().toUpperCase();
}

/** id → parent id (null for a root). */
export type ParentLinks = UpwardLinks;

/** The ancestors of `id`, nearest first, not including `id`. Stops on a (corrupt) cycle instead of looping. */
export const ancestorsOf = chainAbove;

/**
 * Would making `newParentId` the parent of `id` close a cycle? True when the new parent is the department itself
 * or one of its descendants (i.e. `id` is among the new parent's ancestors).
 */
export const wouldCreateCycle = wouldCloseCycle;

/** `id` and every department below it. */
export function subtreeOf(id: string, parents: ParentLinks): string[] {
  const children = new Map<string, string[]>();
  for (const [child, parent] of parents) {
    if (parent === null) continue;
    const list = children.get(parent) ?? [];
    list.push(child);
    children.set(parent, list);
  }
  const result: string[] = [];
  const stack = [id];
  const seen = new Set<string>();
  while (stack.length > 0) {
    const next = stack.pop() as string;
    if (seen.has(next)) continue;
    seen.add(next);
    result.push(next);
    stack.push(...(children.get(next) ?? []));
  }
  return result;
}

export interface DepartmentFields {
  code: string;
  name: string;
  parentId: string | null;
  managerId: string | null;
}

export const DEPARTMENT_FIELDS = ['code', 'name', 'parentId', 'managerId'] as const;
export type DepartmentField = (typeof DEPARTMENT_FIELDS)[number];

/** The fields whose value differs, in the contract's order (`department.updated` `changedFields`). */
export function changedDepartmentFields(
  before: DepartmentFields,
  after: DepartmentFields,
): DepartmentField[] {
  return DEPARTMENT_FIELDS.filter((field) => before[field] !== after[field]);
}
