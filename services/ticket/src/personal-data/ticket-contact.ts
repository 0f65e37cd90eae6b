// A ticket's contact as the caller may see it (docs/product.md §11.4): the customer service's matrix and masks
// (@opsgraph/personal-data) — in clear for those who talk to customers, masked for TECHNICIAN, ANALYST and HR.
// Pure; the resolver records every read in clear before handing it out.
import type { KnownCaller } from '@opsgraph/domain';
import { contactVisibility, maskEmail, maskName, maskPhone } from '@opsgraph/personal-data';
import type { ContactSnapshot } from '../tickets/ticket.model';

export const CONTACT_FIELDS = ['name', 'phone', 'email'] as const;

export interface ContactView {
  readonly contact: ContactSnapshot;
  /** The personal-data fields handed out in clear (to be recorded): selected and not null. */
  readonly clearFields: string[];
}

export function contactAsSeenBy(
  caller: KnownCaller,
  customerId: string,
  contact: ContactSnapshot,
  selected: ReadonlySet<string>,
): ContactView {
  const visibility = contactVisibility(caller, customerId);
  if (visibility === 'FULL') {
    const clearFields = CONTACT_FIELDS.filter((field) => selected.has(field) && contact[field] !== null);
    return { contact, clearFields: clearFields.map((field) => `ticket.contact.${field}`) };
  }
  const mask = <T extends string | null>(value: T, how: (text: string) => string) =>
    value === null || visibility === 'NONE' ? null : how(value);
  return {
    contact: {
      name: mask(contact.name, maskName),
      phone: mask(contact.phone, maskPhone),
      email: mask(contact.email, maskEmail),
    },
    clearFields: [],
  };
}
