import { Role, type Caller } from '@opsgraph/graphql-kit';

type KnownCaller = NonNullable<Caller>;

/**
 * Who sees customer contact data (domain.md §9, least privilege). Roles that talk to customers or are
 * accountable for them see it in clear, and every such read is recorded; the others see masks.
 */
export const CONTACT_ACCESS: Readonly<Record<Role, 'FULL' | 'MASKED' | 'OWN_ONLY'>> = Object.freeze({
  [Role.ADMIN]: 'FULL',
  [Role.OPS_DIRECTOR]: 'FULL',
  [Role.OPS_MANAGER]: 'FULL',
  [Role.AGENT]: 'FULL',
  [Role.TECHNICIAN]: 'MASKED',
  [Role.ANALYST]: 'MASKED',
  [Role.HR]: 'MASKED',
  // A portal user sees its own customer record in clear and no other record at all.
  [Role.CUSTOMER]: 'OWN_ONLY',
});

export const STAFF_ROLES: readonly Role[] = Object.values(Role).filter((role) => role !== Role.CUSTOMER);
/** May register and edit customers and their contacts, schedule and record revisits. */
export const CUSTOMER_EDITORS: readonly Role[] = [
  Role.ADMIN,
  Role.OPS_DIRECTOR,
  Role.OPS_MANAGER,
  Role.AGENT,
];
/** Making a customer a key account or VIP is a management decision. */
export const TIER_EDITORS: readonly Role[] = [Role.ADMIN, Role.OPS_DIRECTOR, Role.OPS_MANAGER];

export function canViewCustomer(caller: KnownCaller, customerId: string): boolean {
  return CONTACT_ACCESS[caller.role] !== 'OWN_ONLY' || caller.customerId === customerId;
}

export type ContactVisibility = 'FULL' | 'MASKED' | 'NONE';

export function contactVisibility(caller: KnownCaller, customerId: string): ContactVisibility {
  const access = CONTACT_ACCESS[caller.role];
  if (access === 'OWN_ONLY') return caller.customerId === customerId ? 'FULL' : 'NONE';
  return access;
}
