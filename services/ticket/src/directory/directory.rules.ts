// Which references of a ticket point at nothing the ticket service knows of (docs/product.md §11.1). Pure: the known
// customers, employees and departments are looked up by the caller.
import type { EmployeeStatus } from '@opsgraph/contracts-events';

export type ReferenceKind = 'CUSTOMER' | 'EMPLOYEE' | 'DEPARTMENT';

/** One id a request points at, and the input field that carries it (named in the refusal). */
export interface Reference {
  readonly kind: ReferenceKind;
  readonly id: string;
  readonly field: string;
  /** Employees only: the reference makes the employee responsible for work (an assignee, an action owner). */
  readonly assignable?: boolean;
}

export interface KnownReferences {
  readonly customers: ReadonlySet<string>;
  readonly departments: ReadonlySet<string>;
  readonly employees: ReadonlyMap<string, EmployeeStatus>;
}

export interface ReferenceProblem {
  readonly field: string;
  readonly id: string;
  /** UNKNOWN may still be in flight (its event not consumed yet); INACTIVE is final. */
  readonly reason: 'UNKNOWN' | 'INACTIVE';
  readonly message: string;
}

const LABEL: Readonly<Record<ReferenceKind, string>> = {
  CUSTOMER: 'customer',
  EMPLOYEE: 'employee',
  DEPARTMENT: 'department',
};

/** Only an ACTIVE employee takes on work: one ON_LEAVE or LEFT cannot be assigned. */
export function referenceProblems(references: readonly Reference[], known: KnownReferences): ReferenceProblem[] {
  return references.flatMap((reference): ReferenceProblem[] => {
    const label = LABEL[reference.kind];
    const unknown = (): ReferenceProblem[] => [
      { field: reference.field, id: reference.id, reason: 'UNKNOWN', message: `No ${label} ${reference.id}` },
    ];
    switch (reference.kind) {
      case 'CUSTOMER':
        return known.customers.has(reference.id) ? [] : unknown();
      case 'DEPARTMENT':
        return known.departments.has(reference.id) ? [] : unknown();
      case 'EMPLOYEE': {
        const status = known.employees.get(reference.id);
        if (status === undefined) return unknown();
        if (reference.assignable && status !== 'ACTIVE') {
          return [
            {
              field: reference.field,
              id: reference.id,
              reason: 'INACTIVE',
              message: `Employee ${reference.id} is ${status} and cannot be given work`,
            },
          ];
        }
        return [];
      }
    }
  });
}

/** Worth looking again a moment later: some reference may have been created just before its event was consumed. */
export function mayStillAppear(problems: readonly ReferenceProblem[]): boolean {
  return problems.some((problem) => problem.reason === 'UNKNOWN');
}

/** The references among `ids` (nulls and duplicates dropped) of one kind, from one input field. */
export function referencesOf(
  kind: ReferenceKind,
  field: string,
  ids: readonly (string | null | undefined)[],
  assignable = false,
): Reference[] {
  const present = [...new Set(ids.filter((id): id is string => typeof id === 'string' && id.length > 0))];
  return present.map((id) => ({ kind, id, field, ...(assignable ? { assignable } : {}) }));
}
