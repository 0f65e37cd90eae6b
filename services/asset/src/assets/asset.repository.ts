// The assets table: the unit of work's store (locked read, versioned writes) and the reads of the graph.
import type { AggregateKind } from '@opsgraph/service-kit';
import type { EntityManager } from 'typeorm';
import { assetPredicates, type AssetCriteria, type AssetKeyset } from './asset.query';
import type { AssetRecord } from './asset.rules';

export const ASSET_COLUMNS = `id, tag, name, category, model, manufacturer, configuration,
  serial_number as "serialNumber", supplier, purchase_date::text as "purchaseDate",
  purchase_cost::float8 as "purchaseCost", currency, in_service_since::text as "inServiceSince",
  warranty_ends_on::text as "warrantyEndsOn", location, custodian_id as "custodianId",
  department_id as "departmentId", status, operating_hours::float8 as "operatingHours", version,
  created_at as "createdAt", updated_at as "updatedAt"`;

const WRITTEN = [
  ['name', 'name'],
  ['category', 'category'],
  ['model', 'model'],
  ['manufacturer', 'manufacturer'],
  ['configuration', 'configuration'],
  ['serial_number', 'serialNumber'],
  ['supplier', 'supplier'],
  ['purchase_date', 'purchaseDate'],
  ['purchase_cost', 'purchaseCost'],
  ['currency', 'currency'],
  ['in_service_since', 'inServiceSince'],
  ['warranty_ends_on', 'warrantyEndsOn'],
  ['location', 'location'],
  ['custodian_id', 'custodianId'],
  ['department_id', 'departmentId'],
  ['status', 'status'],
  ['operating_hours', 'operatingHours'],
  ['version', 'version'],
  ['updated_at', 'updatedAt'],
] as const;

const valuesOf = (row: AssetRecord): unknown[] =>
  WRITTEN.map(([, key]) => (key === 'configuration' ? JSON.stringify(row.configuration) : row[key]));

export const assetKind: AggregateKind<AssetRecord> = {
  type: 'asset',
  label: 'Asset',
  store: {
    async lock(manager, id) {
      const rows: AssetRecord[] = await manager.query(
        `select ${ASSET_COLUMNS} from assets where id = $1 for update`,
        [id],
      );
      return rows[0] ?? null;
    },
    async insert(manager, row) {
      const columns = ['id', 'tag', 'created_at', ...WRITTEN.map(([column]) => column)];
      await manager.query(
        `insert into assets (${columns.join(', ')}) values (${columns.map((_, i) => `$${i + 1}`).join(', ')})`,
        [row.id, row.tag, row.createdAt, ...valuesOf(row)],
      );
    },
    async update(manager, row, expectedVersion) {
      const sets = WRITTEN.map(([column], i) => `${column} = $${i + 3}`).join(', ');
      const [, affected] = await manager.query(`update assets set ${sets} where id = $1 and version = $2`, [
        row.id,
        expectedVersion,
        ...valuesOf(row),
      ]);
      return affected === 1;
    },
  },
};

export class AssetReads {
  constructor(private readonly manager: EntityManager) {}

  async nextTagNumber(): Promise<number> {
    const [{ seq }] = await this.manager.query(`select nextval('asset_tag_seq')::int as seq`);
    return seq;
  }

  byIds(ids: readonly string[]): Promise<AssetRecord[]> {
    return this.manager.query(`select ${ASSET_COLUMNS} from assets where id = any($1)`, [ids]);
  }

  async byTag(tag: string): Promise<AssetRecord | null> {
    const rows: AssetRecord[] = await this.manager.query(
      `select ${ASSET_COLUMNS} from assets where tag = $1`,
      [tag],
    );
    return rows[0] ?? null;
  }

  /** The listing query itself (for EXPLAIN): up to `limit` rows after the keyset, newest first. */
  pageQuery(criteria: AssetCriteria, limit: number, after: AssetKeyset | null): [string, unknown[]] {
    const { where, params } = assetPredicates(criteria, after);
    return [
      `select ${ASSET_COLUMNS} from assets where ${where} order by created_at desc, id desc limit ${Math.trunc(limit)}`,
      params,
    ];
  }

  page(criteria: AssetCriteria, limit: number, after: AssetKeyset | null): Promise<AssetRecord[]> {
    return this.manager.query(...this.pageQuery(criteria, limit, after));
  }

  async count(criteria: AssetCriteria): Promise<number> {
    const { where, params } = assetPredicates(criteria, null);
    const [{ n }] = await this.manager.query(`select count(*)::int as n from assets where ${where}`, params);
    return n;
  }
}
