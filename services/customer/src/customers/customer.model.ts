// The customer aggregate as the use-cases see it (the TypeORM entities stay in the repository).
import type { CustomerTier, CustomerType, TicketChannel } from '@opsgraph/contracts-events';

export interface CustomerRecord {
  id: string;
  code: string;
  name: string;
  type: CustomerType;
  tier: CustomerTier;
  tags: string[];
  preferredChannel: TicketChannel | null;
  language: string | null;
  consents: Consents;
  consentsUpdatedAt: Date | null;
  /** When the last care revisit took place (a revisit is an event of the customer aggregate). */
  lastRevisitAt: Date | null;
  /** The user (or role, for the system) who registered it. */
  createdBy: string;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

export interface Consents {
  marketing: boolean;
  surveys: boolean;
  revisits: boolean;
}

export interface ContactRecord {
  id: string;
  customerId: string;
  name: string;
  title: string | null;
  phone: string | null;
  email: string | null;
  isPrimary: boolean;
  createdAt: Date;
  updatedAt: Date;
}

export const CHANGE_ACTIONS = [
  'REGISTERED',
  'UPDATED',
  'TIER_CHANGED',
  'CONSENTS_CHANGED',
  'CONTACT_ADDED',
  'CONTACT_UPDATED',
  'CONTACT_REMOVED',
  'REVISIT_SCHEDULED',
  'REVISIT_RECORDED',
  'REVISIT_CANCELLED',
] as const;
export type ChangeAction = (typeof CHANGE_ACTIONS)[number];

/** What a customer's audit line records (`audit_log.changes`): the contact or revisit concerned, the fields. */
export type CustomerAuditChanges = {
  subjectId: string | null;
  fields: FieldChange[];
};

/** One line of the customer's audit trail as the graph shows it; `subjectId` is the contact or revisit concerned. */
export interface CustomerChangeRecord {
  id: string;
  customerId: string;
  /** The customer's version after the change. */
  customerVersion: number;
  action: ChangeAction;
  subjectId: string | null;
  changes: FieldChange[];
  actorId: string | null;
  actorRole: string;
  occurredAt: Date;
}

export interface FieldChange {
  field: string;
  from: string | null;
  to: string | null;
}
