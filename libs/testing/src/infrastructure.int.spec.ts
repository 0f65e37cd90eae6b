import { Kafka, logLevel } from 'kafkajs';
import { Column, DataSource, Entity, MigrationInterface, PrimaryGeneratedColumn, QueryRunner } from 'typeorm';
import { createTestDatabase, TestDatabase } from './test-database';
import { createTestKafka, TestKafka } from './test-kafka';

// These prove the servers handed to tests are real: a broker that stores and returns messages in order,
// and a PostgreSQL that runs TypeORM migrations.

describe('real Kafka', () => {
  let kafka: TestKafka;
  beforeAll(() => {
    kafka = createTestKafka('smoke');
  });
  afterAll(() => kafka.cleanup());

  it('returns 1,000 produced messages, all of them, in order', async () => {
    const topic = kafka.topic('smoke');
    await kafka.createTopics([{ topic, numPartitions: 1, replicationFactor: 1 }]);
    const producer = kafka.kafka.producer({ allowAutoTopicCreation: false });
    await producer.connect();
    const sent = Array.from({ length: 1000 }, (_, i) => `message-${i}`);
    for (let i = 0; i < sent.length; i += 100) {
      await producer.send({ topic, acks: -1, messages: sent.slice(i, i + 100).map((value) => ({ value })) });
    }
    await producer.disconnect();

    const received: string[] = [];
    const consumer = kafka.kafka.consumer({ groupId: `${kafka.namespace}.smoke` });
    await consumer.connect();
    await consumer.subscribe({ topic, fromBeginning: true });
    const all = new Promise<void>((resolve) => {
      void consumer.run({
        eachMessage: async ({ message }) => {
          received.push(message.value!.toString());
          if (received.length === sent.length) resolve();
        },
      });
    });
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error(`received only ${received.length} of 1000`)), 45_000);
    });
    await Promise.race([all, timeout]).finally(() => clearTimeout(timer));
    await consumer.disconnect();

    expect(received).toHaveLength(1000);
    expect(received).toEqual(sent);
  });

  it('does not create topics on demand (auto-create is off)', async () => {
    // A client of its own with logging off: the broker's refusal is the expected outcome, not noise for the log.
    const quiet = new Kafka({ clientId: 'smoke-quiet', brokers: kafka.brokers, logLevel: logLevel.NOTHING });
    const producer = quiet.producer({ allowAutoTopicCreation: false, retry: { retries: 0 } });
    await producer.connect();
    await expect(
      producer.send({ topic: kafka.topic('never-created'), messages: [{ value: 'x' }] }),
    ).rejects.toThrow();
    await producer.disconnect();
  });
});

@Entity({ name: 'smoke_note' })
class SmokeNote {
  @PrimaryGeneratedColumn('identity')
  id!: number;

  @Column({ type: 'text' })
  body!: string;
}

class CreateSmokeNote1700000000000 implements MigrationInterface {
  name = 'CreateSmokeNote1700000000000';
  async up(runner: QueryRunner): Promise<void> {
    await runner.query('create table smoke_note (id int generated always as identity primary key, body text not null)');
  }
  async down(runner: QueryRunner): Promise<void> {
    await runner.query('drop table smoke_note');
  }
}

describe('real PostgreSQL', () => {
  let database: TestDatabase;
  let dataSource: DataSource;
  beforeAll(async () => {
    database = await createTestDatabase('smoke');
    dataSource = new DataSource({
      type: 'postgres',
      url: database.url,
      entities: [SmokeNote],
      migrations: [CreateSmokeNote1700000000000],
      synchronize: false,
    });
    await dataSource.initialize();
  });
  afterAll(async () => {
    await dataSource.destroy();
    await database.drop();
  });

  it('runs a TypeORM migration and reads back a row', async () => {
    const applied = await dataSource.runMigrations();
    expect(applied.map((migration) => migration.name)).toEqual(['CreateSmokeNote1700000000000']);

    await dataSource.getRepository(SmokeNote).save({ body: 'hello from opsgraph' });
    const rows = await dataSource.getRepository(SmokeNote).find();
    expect(rows).toEqual([{ id: 1, body: 'hello from opsgraph' }]);

    const [{ server_version: version }] = await dataSource.query('show server_version');
    expect(Number.parseFloat(version)).toBeGreaterThanOrEqual(13);
  });
});
