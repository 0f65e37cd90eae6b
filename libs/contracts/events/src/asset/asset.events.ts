import { Type, type Static } from '@sinclair/typebox';
import { snapshotEvents, type EventOf } from '../define-event';
import { DateOnly, DateTime, Nullable, StringEnum, Text, Uuid } from '../schema';

export const ASSET_CATEGORIES = [
  'SERVER',
  'NETWORK',
  'WORKSTATION',
  'PRINTER',
  'VEHICLE',
  'HVAC',
  'POWER',
  'OTHER',
] as const;
export const ASSET_STATUSES = ['IN_STOCK', 'IN_USE', 'UNDER_MAINTENANCE', 'FAULTY', 'RETIRED'] as const;
export const MAINTENANCE_INTERVAL_UNITS = ['DAYS', 'WEEKS', 'MONTHS', 'OPERATING_HOURS'] as const;

export type AssetCategory = (typeof ASSET_CATEGORIES)[number];
/** What each category holds: the asset and ticket subgraphs' AssetCategory enum (one enum, merged by composition). */
export const ASSET_CATEGORY_DESCRIPTIONS: { readonly [C in AssetCategory]: string } = {
  SERVER: 'Servers and storage',
  NETWORK: 'Switches, routers, firewalls, access points',
  WORKSTATION: 'Desktops, laptops, thin clients',
  PRINTER: 'Printers, copiers, scanners',
  VEHICLE: 'Service and fleet vehicles',
  HVAC: 'Heating, ventilation and air conditioning',
  POWER: 'UPS, generators, distribution',
  OTHER: 'Anything else',
};
export type AssetStatus = (typeof ASSET_STATUSES)[number];
export type MaintenanceIntervalUnit = (typeof MAINTENANCE_INTERVAL_UNITS)[number];

/** The asset after the event, carried by every asset event (no personal data: the custodian is an id). */
export const assetSnapshotProperties = {
  assetId: Uuid(),
  tag: Type.String({ pattern: '^AST-[0-9]{6,}$', examples: ['AST-000042'] }),
  name: Text(),
  category: StringEnum(ASSET_CATEGORIES),
  model: Text(),
  status: StringEnum(ASSET_STATUSES),
  custodianId: Nullable(Uuid({ description: 'The employee who holds the asset.' })),
  departmentId: Nullable(Uuid()),
  location: Nullable(Text()),
};
export const AssetSnapshotSchema = Type.Object(assetSnapshotProperties, { additionalProperties: false });
export type AssetSnapshot = Static<typeof AssetSnapshotSchema>;

const assetEvent = snapshotEvents(
  'asset',
  assetSnapshotProperties,
  (description) => `${description} The data is the asset after the event.`,
);

export const AssetRegistered = assetEvent('asset.registered', 'An asset was entered in the ledger.', {
  purchaseDate: Nullable(DateOnly()),
});

export const AssetStatusChanged = assetEvent(
  'asset.status_changed',
  'The asset moved from one status to another (by hand, a fault, a repair or maintenance).',
  { fromStatus: StringEnum(ASSET_STATUSES), toStatus: StringEnum(ASSET_STATUSES), reason: Nullable(Text()) },
);

/** Ledger fields `asset.updated` can report as changed (status and custodian have their own events). */
export const ASSET_UPDATABLE_FIELDS = [
  'name',
  'model',
  'manufacturer',
  'configuration',
  'serialNumber',
  'supplier',
  'purchaseDate',
  'purchaseCost',
  'currency',
  'location',
  'warrantyEndsOn',
  'departmentId',
] as const;
export type AssetUpdatableField = (typeof ASSET_UPDATABLE_FIELDS)[number];

export const AssetUpdated = assetEvent(
  'asset.updated',
  'Ledger details of the asset were edited or corrected (status and custodian changes have their own events).',
  { changedFields: Type.Array(StringEnum(ASSET_UPDATABLE_FIELDS), { minItems: 1, uniqueItems: true }) },
);

export const AssetAssigned = assetEvent(
  'asset.assigned',
  'The asset was handed to a custodian (or taken back).',
  {
    previousCustodianId: Nullable(Uuid()),
    previousDepartmentId: Nullable(Uuid()),
  },
);

const due = {
  dueOn: Nullable(DateOnly({ description: 'For calendar plans.' })),
  dueAtHours: Nullable(Type.Number({ minimum: 0, description: 'For operating-hour plans.' })),
};

export const AssetMaintenancePlanned = assetEvent(
  'asset.maintenance_planned',
  'A maintenance plan now covers the asset (its own plan, or one for its category or model).',
  {
    planId: Uuid(),
    intervalUnit: StringEnum(MAINTENANCE_INTERVAL_UNITS),
    intervalValue: Type.Integer({ minimum: 1 }),
    ...due,
  },
);

export const AssetMaintenanceCompleted = assetEvent(
  'asset.maintenance_completed',
  'A maintenance job on the asset was completed (its plan, if any, advanced).',
  {
    recordId: Uuid(),
    planId: Nullable(Uuid()),
    completedAt: DateTime(),
    downtimeMinutes: Type.Integer({ minimum: 0 }),
    cost: Type.Number({ minimum: 0 }),
  },
);

export const AssetMaintenanceOverdue = assetEvent(
  'asset.maintenance_overdue',
  'A planned maintenance passed its due date (or operating hours) undone; published once per plan and due point.',
  { planId: Uuid(), ...due },
);

export const AssetFaultReported = assetEvent('asset.fault_reported', 'A fault of the asset was reported.', {
  faultId: Uuid(),
  ticketId: Nullable(Uuid({ description: 'The FAULT ticket it came from, if any.' })),
  reportedAt: DateTime(),
});

export const AssetFaultRepaired = assetEvent('asset.fault_repaired', 'A fault of the asset was repaired.', {
  faultId: Uuid(),
  ticketId: Nullable(Uuid()),
  reportedAt: DateTime(),
  repairedAt: DateTime(),
});

export const AssetRetired = assetEvent('asset.retired', 'The asset was retired from service for good.', {
  reason: Text(),
});

export const assetEventDefinitions = [
  AssetRegistered,
  AssetUpdated,
  AssetStatusChanged,
  AssetAssigned,
  AssetMaintenancePlanned,
  AssetMaintenanceCompleted,
  AssetMaintenanceOverdue,
  AssetFaultReported,
  AssetFaultRepaired,
  AssetRetired,
] as const;

export type AssetEvent = EventOf<(typeof assetEventDefinitions)[number]>;
export type AssetEventType = AssetEvent['type'];
