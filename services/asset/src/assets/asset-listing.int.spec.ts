// 100,000 assets on real PostgreSQL: every listing filter returns the right page, and its query — the repository's
// own SQL, first page and a later one — is index-backed (EXPLAIN shows an index scan, no sequential scan on assets).
import { runMigrations } from '@opsgraph/persistence';
import { createSubgraphDataSource } from '@opsgraph/service-kit';
import { createTestDatabase, type TestDatabase } from '@opsgraph/testing';
import type { DataSource } from 'typeorm';
import { subgraph } from '../subgraph';
import type { AssetCriteria, AssetKeyset } from './asset.query';
import { AssetReads } from './asset.repository';

const ASSETS = 100_000;
const PAGE = 20;

let database: TestDatabase;
let dataSource: DataSource;
let reads: AssetReads;

// 8 categories, 5 statuses, 40 models, 25 locations, 2,000 custodians, 30 departments, warranty over 5 years.
const SEED = `
  insert into assets (id, tag, name, category, model, serial_number, currency, location, custodian_id, department_id,
                      warranty_ends_on, status, version, created_at, updated_at)
  select md5('asset' || i)::uuid, 'AST-' || lpad(i::text, 6, '0'), 'Asset ' || i,
    (array['SERVER','NETWORK','WORKSTATION','PRINTER','VEHICLE','HVAC','POWER','OTHER'])[1 + i % 8],
    'MODEL-' || (i % 40), 'SN' || i, 'CNY', 'Site ' || (i % 25),
    md5('employee' || i % 2000)::uuid, md5('department' || i % 30)::uuid,
    date '2024-01-01' + (i % 1800),
    (array['IN_STOCK','IN_USE','UNDER_MAINTENANCE','FAULTY','RETIRED'])[1 + i / 8 % 5],
    1, v.created_at, v.created_at
  from generate_series(1, ${ASSETS}) as i,
  lateral (select date_trunc('milliseconds', timestamptz '2024-01-01T00:00:00Z' + i * interval '5 minutes') as created_at) as v`;

beforeAll(async () => {
  database = await createTestDatabase('asset-listing');
  dataSource = createSubgraphDataSource(subgraph, database.url, 'asset-listing');
  await dataSource.initialize();
  await runMigrations(dataSource);
  await dataSource.transaction(async (manager) => {
    // A bulk load, not a request: the services' 15 s statement timeout is not meant for it (a busy CI machine).
    await manager.query('set local statement_timeout = 0');
    await manager.query(SEED);
  });
  await dataSource.query('analyze assets');
  reads = new AssetReads(dataSource.manager);
}, 120_000);

afterAll(async () => {
  await dataSource?.destroy();
  await database?.drop();
});

const CASES: [string, AssetCriteria, string][] = [
  ['no filter', {}, 'true'],
  ['category', { category: ['PRINTER'] }, `category = 'PRINTER'`],
  ['status', { status: ['FAULTY'] }, `status = 'FAULTY'`],
  ['two statuses', { status: ['FAULTY', 'UNDER_MAINTENANCE'] }, `status in ('FAULTY', 'UNDER_MAINTENANCE')`],
  ['model', { model: 'MODEL-7' }, `model = 'MODEL-7'`],
  ['location', { location: 'Site 3' }, `location = 'Site 3'`],
  ['custodian', { custodianId: 'PLACEHOLDER' }, 'PLACEHOLDER'],
  ['department', { departmentId: 'PLACEHOLDER' }, 'PLACEHOLDER'],
  ['warranty ending before', { warrantyEndingBefore: '2024-03-01' }, `warranty_ends_on < '2024-03-01'`],
  [
    'text on tag, name or serial',
    { text: 'SN4242' },
    `(tag ilike '%SN4242%' or name ilike '%SN4242%' or serial_number ilike '%SN4242%')`,
  ],
  [
    'category and status together',
    { category: ['SERVER'], status: ['IN_USE'] },
    `category = 'SERVER' and status = 'IN_USE'`,
  ],
];

async function explain(sql: string, params: unknown[]): Promise<string> {
  const rows: { 'QUERY PLAN': string }[] = await dataSource.query(`explain ${sql}`, params);
  return rows.map((row) => row['QUERY PLAN']).join('\n');
}

async function expected(where: string, after: AssetKeyset | null): Promise<string[]> {
  const keyset = after ? `and (created_at, id) < ('${after.createdAt}', '${after.id}')` : '';
  const rows: { id: string }[] = await dataSource.query(
    `select id from assets where (${where}) ${keyset} order by created_at desc, id desc limit ${PAGE}`,
  );
  return rows.map((row) => row.id);
}

describe(`listing ${ASSETS} assets`, () => {
  let department: string;
  let custodian: string;
  beforeAll(async () => {
    [{ department, custodian }] = await dataSource.query(
      `select md5('department7')::uuid::text as department, md5('employee1234')::uuid::text as custodian`,
    );
  });
  /** The id filters take their value from the seeded data. */
  const resolve = (given: AssetCriteria, where: string): [AssetCriteria, string] => {
    if (given.departmentId) return [{ departmentId: department }, `department_id = '${department}'`];
    if (given.custodianId) return [{ custodianId: custodian }, `custodian_id = '${custodian}'`];
    return [given, where];
  };

  it.each(CASES)(
    'by %s: the right rows, from an index, on the first and a later page',
    async (_name, given, givenWhere) => {
      const [criteria, where] = resolve(given, givenWhere);
      const first = await reads.page(criteria, PAGE, null);
      expect(first.length).toBeGreaterThan(0);
      expect(first.map((row) => row.id)).toEqual(await expected(where, null));
      const middle = first[Math.floor(first.length / 2)];
      const after = { createdAt: middle.createdAt.toISOString(), id: middle.id };
      expect((await reads.page(criteria, PAGE, after)).map((row) => row.id)).toEqual(
        await expected(where, after),
      );
      for (const keyset of [null, after]) {
        const plan = await explain(...reads.pageQuery(criteria, PAGE + 1, keyset));
        expect(plan).not.toMatch(/Seq Scan on assets/);
        expect(plan).toMatch(/Index (Only )?Scan|Bitmap Index Scan/);
      }
    },
  );
});
