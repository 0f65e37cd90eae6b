import { Role } from '@opsgraph/domain';
import { mergeReads } from './access-recorder';

describe('mergeReads', () => {
  it('makes one record per customer and operation with the union of the fields', () => {
    const caller = { userId: 'u1', role: Role.AGENT, employeeId: 'e1' };
    const records = mergeReads(caller, 'corr-1', [
      { customerId: 'c1', fields: ['contacts.phone'], operation: 'customers' },
      { customerId: 'c2', fields: ['contacts.email'], operation: 'customers' },
      { customerId: 'c1', fields: ['contacts.name', 'contacts.phone'], operation: 'customers' },
    ]);
    expect(records).toEqual([
      {
        userId: 'u1',
        role: 'AGENT',
        employeeId: 'e1',
        customerId: 'c1',
        fields: ['contacts.name', 'contacts.phone'],
        operation: 'customers',
        correlationId: 'corr-1',
      },
      expect.objectContaining({ customerId: 'c2', fields: ['contacts.email'], employeeId: 'e1' }),
    ]);
  });
});
