// Test support for the asset subgraph's integration tests: the harness, registering an asset, and reading what a
// change wrote (rows, outbox events) so each test asserts the row, the audit line and the event together.
import { validateEvent, type EventEnvelope } from '@opsgraph/contracts-events';
import { createServiceHarness, type HarnessOptions } from '@opsgraph/service-kit/testing';
import { subgraph } from '../subgraph';

export type AssetHarness = Awaited<ReturnType<typeof startAssetHarness>>;

export const startAssetHarness = (label: string, options: HarnessOptions = {}) =>
  createServiceHarness(subgraph, label, options);

export const ASSET_FIELDS = `id tag name category model status version custodian { id } department { id }
  inServiceSince purchaseCost configuration operatingHours`;

export interface AssetView {
  id: string;
  tag: string;
  name: string;
  status: string;
  version: number;
  custodian: { id: string } | null;
  department: { id: string } | null;
  inServiceSince: string | null;
  operatingHours: number;
}

export async function registerAsset(
  harness: AssetHarness,
  input: Record<string, unknown> = {},
): Promise<AssetView> {
  const data = await harness.ok<{ registerAsset: AssetView }>(
    `mutation($input: RegisterAssetInput!) { registerAsset(input: $input) { ${ASSET_FIELDS} } }`,
    { input: { name: 'Edge router', category: 'NETWORK', model: 'MX204', ...input } },
  );
  return data.registerAsset;
}

const TABLES = [
  'assets',
  'asset_faults',
  'maintenance_plans',
  'maintenance_schedules',
  'maintenance_records',
  'unmatched_fault_tickets',
  'outbox',
  'audit_log',
];

/** Row counts of every table a change may write, to show that a refused one wrote nothing. */
export async function rowCounts(
  harness: AssetHarness,
  tables: readonly string[] = TABLES,
): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of tables) {
    counts[table] = (await harness.app.dataSource.query(`select count(*)::int as n from ${table}`))[0].n;
  }
  return counts;
}

/** The asset's events in the outbox, in order, each checked against its contract. */
export async function outboxEvents(harness: AssetHarness, assetId: string): Promise<EventEnvelope[]> {
  const rows: { payload: EventEnvelope }[] = await harness.app.dataSource.query(
    `select payload from outbox where aggregate_id = $1 order by id`,
    [assetId],
  );
  for (const { payload } of rows) expect(validateEvent(payload)).toMatchObject({ ok: true });
  return rows.map((row) => row.payload);
}

export const typesOf = (events: EventEnvelope[]): string[] => events.map((event) => event.type);

/** The request is refused with these `extensions` (code, field…), and it wrote nothing. */
export async function expectRefused(
  harness: AssetHarness,
  query: string,
  variables: Record<string, unknown>,
  extensions: Record<string, unknown>,
  caller?: Parameters<AssetHarness['gql']>[2],
): Promise<void> {
  const before = await rowCounts(harness);
  const result = await harness.gql(query, variables, caller);
  expect(result.errors?.[0]?.extensions).toMatchObject(extensions);
  expect(await rowCounts(harness)).toEqual(before);
}
