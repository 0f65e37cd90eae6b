import { mayStillAppear, referenceProblems, referencesOf, type KnownReferences } from './directory.rules';

const known: KnownReferences = {
  customers: new Set(['c1']),
  departments: new Set(['d1']),
  employees: new Map([
    ['e-active', 'ACTIVE'],
    ['e-leave', 'ON_LEAVE'],
    ['e-left', 'LEFT'],
  ]),
};

describe('referenceProblems', () => {
  it('accepts references the directory knows', () => {
    const references = [
      ...referencesOf('CUSTOMER', 'input.customerId', ['c1']),
      ...referencesOf('DEPARTMENT', 'input.departmentId', ['d1']),
      ...referencesOf('EMPLOYEE', 'input.assigneeId', ['e-active'], true),
    ];
    expect(referenceProblems(references, known)).toEqual([]);
  });

  it('names the field of every unknown reference', () => {
    const references = [
      ...referencesOf('CUSTOMER', 'input.customerId', ['ghost-c']),
      ...referencesOf('DEPARTMENT', 'input.collaboratingDepartmentIds', ['d1', 'ghost-d']),
      ...referencesOf('EMPLOYEE', 'input.assigneeId', ['ghost-e'], true),
    ];
    expect(referenceProblems(references, known)).toEqual([
      { field: 'input.customerId', id: 'ghost-c', reason: 'UNKNOWN', message: 'No customer ghost-c' },
      {
        field: 'input.collaboratingDepartmentIds',
        id: 'ghost-d',
        reason: 'UNKNOWN',
        message: 'No department ghost-d',
      },
      { field: 'input.assigneeId', id: 'ghost-e', reason: 'UNKNOWN', message: 'No employee ghost-e' },
    ]);
  });

  it('refuses work for an employee on leave or gone, but lets them be named otherwise', () => {
    const assigned = [
      ...referencesOf('EMPLOYEE', 'input.assigneeId', ['e-leave'], true),
      ...referencesOf('EMPLOYEE', 'input.ownerId', ['e-left'], true),
    ];
    expect(referenceProblems(assigned, known).map((p) => [p.field, p.reason])).toEqual([
      ['input.assigneeId', 'INACTIVE'],
      ['input.ownerId', 'INACTIVE'],
    ]);
    expect(referenceProblems(referencesOf('EMPLOYEE', 'input.responsibleEmployeeId', ['e-left']), known)).toEqual(
      [],
    );
  });

  it('waits only for references that may still appear', () => {
    const inactive = referenceProblems(referencesOf('EMPLOYEE', 'f', ['e-left'], true), known);
    const unknown = referenceProblems(referencesOf('CUSTOMER', 'f', ['nobody']), known);
    expect(mayStillAppear(inactive)).toBe(false);
    expect(mayStillAppear(unknown)).toBe(true);
    expect(mayStillAppear([...inactive, ...unknown])).toBe(true);
  });

  it('drops empty and repeated ids', () => {
    expect(referencesOf('DEPARTMENT', 'f', ['d1', null, undefined, 'd1', ''])).toEqual([
      { kind: 'DEPARTMENT', id: 'd1', field: 'f' },
    ]);
  });
});
