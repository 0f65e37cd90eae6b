import { callerWith, Role } from '@opsgraph/domain';
import { contactAsSeenBy } from './ticket-contact';

const contact = { name: 'Li Wei', phone: '+886 912 345 678', email: 'li.wei@example.com' };
const ALL = new Set(['name', 'phone', 'email']);
const CUSTOMER = '9b2e6d40-1c3f-4a85-b7e2-5d8f0a1c3e67';

describe('contactAsSeenBy', () => {
  it.each([Role.ADMIN, Role.OPS_DIRECTOR, Role.OPS_MANAGER, Role.AGENT])(
    '%s sees it in clear, and every field read is to be recorded',
    (role) => {
      expect(contactAsSeenBy(callerWith(role), CUSTOMER, contact, ALL)).toEqual({
        contact,
        clearFields: ['ticket.contact.name', 'ticket.contact.phone', 'ticket.contact.email'],
      });
    },
  );

  it.each([Role.TECHNICIAN, Role.ANALYST, Role.HR])('%s gets the customer service’s masks, nothing recorded', (role) => {
    expect(contactAsSeenBy(callerWith(role), CUSTOMER, contact, ALL)).toEqual({
      contact: { name: 'L***', phone: '+886*****5678', email: 'l***@example.com' },
      clearFields: [],
    });
  });

  it('the customer sees its own ticket’s contact in clear (recorded), never another’s', () => {
    const own = callerWith(Role.CUSTOMER, { customerId: CUSTOMER });
    expect(contactAsSeenBy(own, CUSTOMER, contact, ALL).contact).toBe(contact);
    expect(contactAsSeenBy(own, 'other', contact, ALL).contact).toEqual({ name: null, phone: null, email: null });
  });

  it('records only the fields selected and present', () => {
    const view = contactAsSeenBy(callerWith(Role.AGENT), CUSTOMER, { ...contact, email: null }, new Set(['phone', 'email']));
    expect(view.clearFields).toEqual(['ticket.contact.phone']);
  });
});
