// The directory read model's tables: upserts guarded by the owner's aggregate version, and lookups by id.
import type { CustomerTier, EmployeeStatus } from '@opsgraph/contracts-events';
import type { EntityManager } from 'typeorm';
import type { KnownReferences, Reference } from './directory.rules';

export const DIRECTORY_TABLES = ['known_customers', 'known_employees', 'known_departments'] as const;

export interface KnownCustomer {
  readonly id: string;
  readonly name: string;
  /** For choosing an SLA calendar by tier (docs/product.md §12.1); null when not known. */
  readonly tier: CustomerTier | null;
  readonly version: number;
}
export interface KnownDepartment {
  readonly id: string;
  readonly name: string;
  readonly version: number;
}
export interface KnownEmployee {
  readonly id: string;
  readonly name: string;
  readonly departmentId: string | null;
  readonly status: EmployeeStatus;
  readonly version: number;
}

export class DirectoryRepository {
  constructor(private readonly manager: EntityManager) {}

  async saveCustomer(customer: KnownCustomer): Promise<void> {
    await this.upsert(
      'known_customers',
      ['id', 'name', 'tier', 'version'],
      [customer.id, customer.name, customer.tier, customer.version],
    );
  }

  async saveDepartment(department: KnownDepartment): Promise<void> {
    await this.upsert(
      'known_departments',
      ['id', 'name', 'version'],
      [department.id, department.name, department.version],
    );
  }

  async saveEmployee(employee: KnownEmployee): Promise<void> {
    await this.upsert(
      'known_employees',
      ['id', 'name', 'department_id', 'status', 'version'],
      [employee.id, employee.name, employee.departmentId, employee.status, employee.version],
    );
  }

  async customerName(id: string): Promise<string | null> {
    const rows: { name: string }[] = await this.manager.query('select name from known_customers where id = $1', [id]);
    return rows[0]?.name ?? null;
  }

  async customerTier(id: string): Promise<CustomerTier | null> {
    const rows: { tier: CustomerTier | null }[] = await this.manager.query(
      'select tier from known_customers where id = $1',
      [id],
    );
    return rows[0]?.tier ?? null;
  }

  /** What the directory knows of the ids `references` point at. */
  async lookup(references: readonly Reference[]): Promise<KnownReferences> {
    const idsOf = (kind: Reference['kind']) => references.filter((r) => r.kind === kind).map((r) => r.id);
    const [customers, departments, employees] = await Promise.all([
      this.ids('known_customers', idsOf('CUSTOMER')),
      this.ids('known_departments', idsOf('DEPARTMENT')),
      this.employeeStatuses(idsOf('EMPLOYEE')),
    ]);
    return { customers, departments, employees };
  }

  private async ids(table: string, ids: string[]): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const rows: { id: string }[] = await this.manager.query(
      `select id from ${table} where id = any($1::uuid[])`,
      [ids],
    );
    return new Set(rows.map((row) => row.id));
  }

  private async employeeStatuses(ids: string[]): Promise<Map<string, EmployeeStatus>> {
    if (ids.length === 0) return new Map();
    const rows: { id: string; status: EmployeeStatus }[] = await this.manager.query(
      'select id, status from known_employees where id = any($1::uuid[])',
      [ids],
    );
    return new Map(rows.map((row) => [row.id, row.status]));
  }

  /** Inserts the row, or replaces it when `version` is newer than the stored one (late events change nothing). */
  private async upsert(table: string, columns: string[], values: unknown[]): Promise<void> {
    const placeholders = columns.map((_, index) => `$${index + 1}`).join(', ');
    const updates = columns
      .filter((column) => column !== 'id')
      .map((column) => `${column} = excluded.${column}`)
      .join(', ');
    await this.manager.query(
      `insert into ${table} (${columns.join(', ')}) values (${placeholders})
       on conflict (id) do update set ${updates} where ${table}.version < excluded.version`,
      values,
    );
  }
}
