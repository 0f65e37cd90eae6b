import { CustomerRegistered } from '@opsgraph/contracts-events';
import { eventDataSamples } from '@opsgraph/contracts-events/testing';
import { NotFoundError, Role, VersionConflictError } from '@opsgraph/domain';
import { OutboxWriter } from '@opsgraph/messaging';
import { extractTraceContext, inTraceContext, startTracing } from '@opsgraph/observability';
import { createDataSource, platformMigrations, runMigrations } from '@opsgraph/persistence';
import { createTestDatabase, type TestDatabase } from '@opsgraph/testing';
import { randomUUID } from 'node:crypto';
import type { DataSource, MigrationInterface, QueryRunner } from 'typeorm';
import { CreateAuditLog1700000000100 } from './audit-log';
import { draft } from './event-draft';
import { sqlTableStore } from './sql-table-store';
import { UnitOfWork, type AggregateKind } from './unit-of-work';

interface Thing {
  id: string;
  version: number;
  name: string;
}

class CreateThings1700000009999 implements MigrationInterface {
  async up(runner: QueryRunner): Promise<void> {
    await runner.query('create table things (id uuid primary key, version int not null, name text not null)');
  }
  async down(runner: QueryRunner): Promise<void> {
    await runner.query('drop table things');
  }
}

const things: AggregateKind<Thing> = {
  type: 'customer',
  label: 'Thing',
  store: sqlTableStore<Thing>({
    table: 'things',
    columns: [
      ['version', (thing) => thing.version],
      ['name', (thing) => thing.name],
    ],
  }),
};

const registered = (id: string) =>
  draft(CustomerRegistered, { ...eventDataSamples['customer.registered'], customerId: id });
const NOW = new Date('2026-12-01T08:00:00.000Z');
const TRACE = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';
const context = {
  caller: { userId: 'u-1', role: Role.OPS_MANAGER },
  correlationId: 'corr-1',
};
// Tracing off: the request's W3C context still reaches the outbox rows.
startTracing({ serviceName: 'kit-test', env: {} });

describe('UnitOfWork (real PostgreSQL)', () => {
  let db: TestDatabase;
  let dataSource: DataSource;
  let unitOfWork: UnitOfWork;
  const count = async (table: string): Promise<number> =>
    (await dataSource.query(`select count(*)::int as n from ${table}`))[0].n;

  beforeAll(async () => {
    db = await createTestDatabase('kit-unit-of-work');
    dataSource = createDataSource({
      url: db.url,
      applicationName: 'kit-test',
      migrations: [...platformMigrations, CreateAuditLog1700000000100, CreateThings1700000009999],
    });
    await dataSource.initialize();
    await runMigrations(dataSource);
    unitOfWork = new UnitOfWork({
      dataSource,
      outbox: new OutboxWriter(),
      producer: 'kit-test',
      clock: () => NOW,
    });
  });
  afterAll(async () => {
    await dataSource.destroy();
    await db.drop();
  });

  it('saves the row, its audit line and its event in one transaction, numbered by version', async () => {
    const id = randomUUID();
    const saved = await inTraceContext(extractTraceContext({ traceparent: TRACE }), () =>
      unitOfWork.run(context, (tx) =>
        tx.save(things, null, {
          after: { id, version: 0, name: 'one' },
          action: 'CREATED',
          events: [registered(id)],
          changes: { name: 'one' },
        }),
      ),
    );
    expect(saved.version).toBe(1);
    const [audit] = await dataSource.query('select * from audit_log where aggregate_id = $1', [id]);
    expect(audit).toMatchObject({
      aggregate_type: 'customer',
      aggregate_version: 1,
      action: 'CREATED',
      changes: { name: 'one' },
      actor_id: 'u-1',
      actor_role: 'OPS_MANAGER',
      correlation_id: 'corr-1',
    });
    expect(new Date(audit.occurred_at).toISOString()).toBe(NOW.toISOString());
    const [outbox] = await dataSource.query('select * from outbox where aggregate_id = $1', [id]);
    expect(outbox.payload).toMatchObject({
      type: 'customer.registered',
      aggregateVersion: 1,
      producer: 'kit-test',
      correlationId: 'corr-1',
      actor: { id: 'u-1', role: 'OPS_MANAGER' },
      occurredAt: NOW.toISOString(),
    });
    expect(outbox.headers.traceparent).toBe(TRACE);
  });

  it('gives each event the next version and a change without events one too', async () => {
    const id = randomUUID();
    const saved = await unitOfWork.run(context, async (tx) => {
      const first = await tx.save(things, null, {
        after: { id, version: 0, name: 'a' },
        action: 'CREATED',
        events: [registered(id)],
      });
      return tx.save(things, first, [
        { after: { ...first, name: 'b' }, action: 'RENAMED' },
        { after: { ...first, name: 'c' }, action: 'RENAMED', events: [registered(id), registered(id)] },
      ]);
    });
    expect(saved).toEqual({ id, version: 4, name: 'c' });
    const versions = await dataSource.query(
      'select aggregate_version from outbox where aggregate_id = $1 order by id',
      [id],
    );
    expect(versions.map((row: { aggregate_version: number }) => row.aggregate_version)).toEqual([1, 3, 4]);
    const audit = await dataSource.query(
      'select aggregate_version from audit_log where aggregate_id = $1 order by id',
      [id],
    );
    expect(audit.map((row: { aggregate_version: number }) => row.aggregate_version)).toEqual([1, 2, 4]);
  });

  it('load: NOT_FOUND for a missing aggregate, CONFLICT for a stale expected version; nothing is written', async () => {
    const id = randomUUID();
    await unitOfWork.run(context, (tx) =>
      tx.save(things, null, { after: { id, version: 0, name: 'x' }, action: 'CREATED' }),
    );
    const before = { audit: await count('audit_log'), outbox: await count('outbox') };
    await expect(unitOfWork.run(context, (tx) => tx.load(things, randomUUID()))).rejects.toBeInstanceOf(
      NotFoundError,
    );
    await expect(
      unitOfWork.run(context, async (tx) => {
        const current = await tx.load(things, id, 7);
        return tx.save(things, current, {
          after: { ...current, name: 'y' },
          action: 'RENAMED',
          events: [registered(id)],
        });
      }),
    ).rejects.toMatchObject({ extensions: { code: 'CONFLICT', expectedVersion: 7, actualVersion: 1 } });
    expect({ audit: await count('audit_log'), outbox: await count('outbox') }).toEqual(before);
  });

  it('a save against a row another transaction moved on is the version conflict, and rolls back', async () => {
    const id = randomUUID();
    const created = await unitOfWork.run(context, (tx) =>
      tx.save(things, null, { after: { id, version: 0, name: 'x' }, action: 'CREATED' }),
    );
    await unitOfWork.run(context, (tx) =>
      tx.save(things, created, { after: { ...created, name: 'y' }, action: 'RENAMED' }),
    );
    const before = await count('audit_log');
    await expect(
      unitOfWork.run(context, (tx) =>
        tx.save(things, created, { after: { ...created, name: 'z' }, action: 'RENAMED' }),
      ),
    ).rejects.toBeInstanceOf(VersionConflictError);
    expect(await count('audit_log')).toBe(before);
    expect((await dataSource.query('select name from things where id = $1', [id]))[0].name).toBe('y');
  });
});
