import { createDataSource, platformMigrations, runMigrations } from '@opsgraph/persistence';
import { createTestDatabase, type TestDatabase } from '@opsgraph/testing';
import type { DataSource } from 'typeorm';
import { RetentionJob } from './retention-job';
import { testLogger } from './test-support/harness';
import { metricSum } from './test-support/metrics';

describe('RetentionJob', () => {
  let database: TestDatabase;
  let dataSource: DataSource;
  const extraSources: DataSource[] = [];
  const logger = testLogger();

  beforeAll(async () => {
    database = await createTestDatabase('retention');
    dataSource = await open('retention-test');
    await runMigrations(dataSource);
  });
  beforeEach(async () => {
    await dataSource.query('truncate outbox, processed_events');
  });
  afterAll(async () => {
    for (const source of [dataSource, ...extraSources]) if (source?.isInitialized) await source.destroy();
    await database.drop();
  });

  async function open(applicationName: string): Promise<DataSource> {
    const source = createDataSource({
      url: database.url,
      applicationName,
      migrations: platformMigrations,
      poolSize: 4,
    });
    await source.initialize();
    return source;
  }

  /** `count` outbox rows created `ageHours` ago, published then too, or never when `published` is false. */
  async function addOutboxRows(count: number, ageHours: number, published = true): Promise<void> {
    await dataSource.query(
      `insert into outbox (event_id, topic, aggregate_type, aggregate_id, aggregate_version, event_type, payload,
                           headers, created_at, published_at)
       select gen_random_uuid(), 't', 'ticket', gen_random_uuid(), 1, 'ticket.opened', '{}', '{}', at,
              case when $3 then at end
         from (select now() - make_interval(hours => $2::int) as at) t, generate_series(1, $1::int)`,
      [count, ageHours, published],
    );
  }

  async function addProcessedEvents(count: number, ageHours: number, consumer = 'projector'): Promise<void> {
    await dataSource.query(
      `insert into processed_events (consumer, event_id, processed_at)
       select $3, gen_random_uuid(), now() - make_interval(hours => $2::int) from generate_series(1, $1::int)`,
      [count, ageHours, consumer],
    );
  }

  const count = async (sql: string): Promise<number> => (await dataSource.query(sql))[0].n;

  it('deletes published outbox rows past 7 days and processed events past 30 days, and nothing else', async () => {
    await addOutboxRows(7, 8 * 24); // published 8 days ago: goes
    await addOutboxRows(5, 6 * 24); // published 6 days ago: stays
    await addOutboxRows(4, 90 * 24, false); // old but never published: the relay still needs them
    await addProcessedEvents(6, 31 * 24, 'projector');
    await addProcessedEvents(2, 40 * 24, 'other-consumer');
    await addProcessedEvents(3, 29 * 24);
    await addProcessedEvents(1, 0);
    const outboxMetric = await metricSum('retention_deleted_total', { table: 'outbox' });
    const processedMetric = await metricSum('retention_deleted_total', { table: 'processed_events' });

    const job = new RetentionJob({ dataSource, logger });
    expect(await job.runOnce()).toEqual({ outboxDeleted: 7, processedDeleted: 8 });

    expect(await count('select count(*)::int as n from outbox where published_at is null')).toBe(4);
    expect(
      await count("select count(*)::int as n from outbox where published_at > now() - interval '7 days'"),
    ).toBe(5);
    expect(await count('select count(*)::int as n from outbox')).toBe(9);
    expect(
      await count(
        "select count(*)::int as n from processed_events where processed_at < now() - interval '30 days'",
      ),
    ).toBe(0);
    expect(await count('select count(*)::int as n from processed_events')).toBe(4);
    expect(await metricSum('retention_deleted_total', { table: 'outbox' })).toBe(outboxMetric + 7);
    expect(await metricSum('retention_deleted_total', { table: 'processed_events' })).toBe(
      processedMetric + 8,
    );

    expect(await job.runOnce()).toEqual({ outboxDeleted: 0, processedDeleted: 0 });
  });

  it('takes its ages from the options', async () => {
    await addOutboxRows(3, 3);
    await addOutboxRows(2, 1);
    await addProcessedEvents(4, 50);
    await addProcessedEvents(1, 10);
    const job = new RetentionJob({ dataSource, logger, outboxHours: 2, processedEventsHours: 48 });
    expect(await job.runOnce()).toEqual({ outboxDeleted: 3, processedDeleted: 4 });
  });

  it('deletes in statements of at most batchSize rows, looping until one deletes fewer', async () => {
    await addOutboxRows(10, 200);
    await addProcessedEvents(9, 1000);
    const query = jest.spyOn(dataSource, 'query');
    try {
      const result = await new RetentionJob({ dataSource, logger, batchSize: 3 }).runOnce();
      expect(result).toEqual({ outboxDeleted: 10, processedDeleted: 9 });
      const deletes = query.mock.calls.map(([sql]) => sql).filter((sql) => sql.startsWith('delete'));
      // outbox 3 + 3 + 3 + 1; processed_events 3 + 3 + 3 + 0
      expect(deletes.filter((sql) => sql.startsWith('delete from outbox'))).toHaveLength(4);
      expect(deletes.filter((sql) => sql.startsWith('delete from processed_events'))).toHaveLength(4);
      const limits = query.mock.calls
        .filter(([sql]) => sql.startsWith('delete'))
        .map(([, params]) => (params as unknown[])[1]);
      expect(new Set(limits)).toEqual(new Set([3]));
    } finally {
      query.mockRestore();
    }
  });

  it('skips rows another run holds instead of waiting for them', async () => {
    await addOutboxRows(5, 200);
    const runner = dataSource.createQueryRunner();
    await runner.connect();
    try {
      await runner.startTransaction();
      const [locked]: { id: string }[] = await runner.query(
        'select id from outbox order by id limit 1 for update',
      );
      const result = await new RetentionJob({ dataSource, logger, batchSize: 2 }).runOnce();
      expect(result.outboxDeleted).toBe(4);
      expect(await dataSource.query('select id from outbox')).toEqual([{ id: locked.id }]);
      await runner.commitTransaction();
    } finally {
      await runner.release();
    }
    expect((await new RetentionJob({ dataSource, logger }).runOnce()).outboxDeleted).toBe(1);
  });

  it('two replicas running at once split the rows without errors or double counting', async () => {
    await addOutboxRows(3000, 200);
    await addOutboxRows(50, 1);
    await addProcessedEvents(3000, 1000);
    await addProcessedEvents(50, 1);
    const [a, b] = await Promise.all([open('retention-replica-a'), open('retention-replica-b')]);
    extraSources.push(a, b);

    const results = await Promise.all(
      [a, b].map((source) => new RetentionJob({ dataSource: source, logger, batchSize: 100 }).runOnce()),
    );

    expect(results[0].outboxDeleted + results[1].outboxDeleted).toBe(3000);
    expect(results[0].processedDeleted + results[1].processedDeleted).toBe(3000);
    expect(await count('select count(*)::int as n from outbox')).toBe(50);
    expect(await count('select count(*)::int as n from processed_events')).toBe(50);
  });

  it.each([
    ['outboxHours', 0],
    ['processedEventsHours', -1],
    ['batchSize', 1.5],
  ])('refuses %s = %s', (name, value) => {
    expect(() => new RetentionJob({ dataSource, [name]: value })).toThrow(
      `${name} must be a positive integer`,
    );
  });
});
