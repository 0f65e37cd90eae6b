import { Type, type Static } from '@sinclair/typebox';
import { snapshotEvents, type EventOf } from '../define-event';
import { DateTime, Nullable, StringEnum, Text, Uuid } from '../schema';
import { TICKET_CHANNELS } from '../ticket/ticket.events';

export const CUSTOMER_TYPES = ['INDIVIDUAL', 'ORGANIZATION'] as const;
export const CUSTOMER_TIERS = ['STANDARD', 'KEY_ACCOUNT', 'VIP'] as const;
export type CustomerType = (typeof CUSTOMER_TYPES)[number];
export type CustomerTier = (typeof CUSTOMER_TIERS)[number];

const Tier = StringEnum(CUSTOMER_TIERS);

const PRIVACY_NOTE =
  'Customer events never carry contact personal data (contacts, phones, emails, consent flags); ' +
  'consumers needing them query the customer subgraph, which masks and audits.';

export const customerSnapshotProperties = {
  customerId: Uuid(),
  code: Text(),
  name: Text(),
  type: StringEnum(CUSTOMER_TYPES),
  tier: Tier,
  tags: Type.Array(Text(), { uniqueItems: true }),
  preferredChannel: Nullable(StringEnum(TICKET_CHANNELS)),
  language: Nullable(
    Type.String({ pattern: '^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$', description: 'BCP 47 tag.' }),
  ),
};

export const CustomerSnapshotSchema = Type.Object(customerSnapshotProperties, {
  additionalProperties: false,
});
export type CustomerSnapshot = Static<typeof CustomerSnapshotSchema>;

/** Snapshot fields a `customer.updated` event can report as changed. */
export const CUSTOMER_UPDATABLE_FIELDS = [
  'code',
  'name',
  'type',
  'tags',
  'preferredChannel',
  'language',
] as const;

const customerEvent = snapshotEvents(
  'customer',
  customerSnapshotProperties,
  (description) => `${description} ${PRIVACY_NOTE}`,
);

export const CustomerRegistered = customerEvent('customer.registered', 'A customer was registered.', {});

export const CustomerUpdated = customerEvent(
  'customer.updated',
  'Customer master data changed (tier changes have their own event).',
  { changedFields: Type.Array(StringEnum(CUSTOMER_UPDATABLE_FIELDS), { minItems: 1, uniqueItems: true }) },
);

export const CustomerTierChanged = customerEvent('customer.tier_changed', 'The customer tier changed.', {
  fromTier: Tier,
  toTier: Tier,
  reason: Nullable(Text()),
});

export const CustomerRevisitRecorded = customerEvent(
  'customer.revisit_recorded',
  'A care revisit (回訪) to the customer took place; outcome notes must not repeat contact details.',
  {
    revisitId: Uuid(),
    revisitedAt: DateTime(),
    channel: StringEnum(TICKET_CHANNELS),
    employeeId: Nullable(Uuid()),
    ticketId: Nullable(Uuid()),
    outcome: Text(),
  },
);

export const customerEventDefinitions = [
  CustomerRegistered,
  CustomerUpdated,
  CustomerTierChanged,
  CustomerRevisitRecorded,
] as const;

export type CustomerEvent = EventOf<(typeof customerEventDefinitions)[number]>;
export type CustomerEventType = CustomerEvent['type'];
