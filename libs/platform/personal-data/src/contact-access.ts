// Who sees a customer and its contact data (least privilege). Roles that talk to customers or are accountable for
// them see contacts in clear, and every such read is recorded; the others see masks.
import { Role, type KnownCaller } from '@opsgraph/domain';

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

export function canViewCustomer(caller: KnownCaller, customerId: string): boolean {
  return CONTACT_ACCESS[caller.role] !== 'OWN_ONLY' || caller.customerId === customerId;
}

export type ContactVisibility = 'FULL' | 'MASKED' | 'NONE';

export function contactVisibility(caller: KnownCaller, customerId: string): ContactVisibility {
  const access = CONTACT_ACCESS[caller.role];
  if (access === 'OWN_ONLY') return caller.customerId === customerId ? 'FULL' : 'NONE';
  return access;
}
