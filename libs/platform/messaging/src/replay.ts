import type { Kafka } from 'kafkajs';
import type { DataSource } from 'typeorm';
import type { ConsumerOptions } from './consumer-runtime';
import { ConsumerGroupActiveError } from './errors';
import { resolveTopic } from './topics';

/** The consumer to replay, named as it runs, and the tables it rebuilds. */
export interface ReplayOptions extends Pick<
  ConsumerOptions,
  'kafka' | 'groupId' | 'consumerName' | 'topics' | 'namespace' | 'dataSource'
> {
  /** Read-model tables the consumer rebuilds (optionally schema-qualified). */
  truncate: readonly string[];
}

const IDENTIFIER = /^[a-z_][a-z0-9_]*(\.[a-z_][a-z0-9_]*)?$/;
const IDLE_GROUP_STATES = new Set(['Empty', 'Dead']);

/**
 * Prepares a rebuild of a read model: the consumer group goes back to the earliest offsets, the read-model tables
 * and the consumer's processed_events rows are emptied (one transaction). Restart the consumer afterwards.
 * Offsets go first: if the truncation then fails, the restarted consumer skips every event as already processed
 * and the read model stays as it was, rather than half-built.
 */
export async function replayProjection(options: ReplayOptions): Promise<void> {
  for (const table of options.truncate) {
    if (!IDENTIFIER.test(table)) throw new Error(`not a table name: ${table}`);
  }
  const topics = options.topics.map((topic) => resolveTopic(topic, options.namespace));
  const admin = options.kafka.admin();
  await admin.connect();
  try {
    const { groups } = await admin.describeGroups([options.groupId]);
    const state = groups[0]?.state ?? 'Dead';
    if (!IDLE_GROUP_STATES.has(state)) {
      throw new ConsumerGroupActiveError(
        `consumer group ${options.groupId} is ${state}: stop its consumers before a replay`,
      );
    }
    for (const topic of topics) await admin.resetOffsets({ groupId: options.groupId, topic, earliest: true });
  } finally {
    await admin.disconnect();
  }
  await options.dataSource.transaction(async (manager) => {
    if (options.truncate.length > 0) {
      const tables = options.truncate.map((table) =>
        table
          .split('.')
          .map((part) => `"${part}"`)
          .join('.'),
      );
      await manager.query(`truncate table ${tables.join(', ')}`);
    }
    await manager.query('delete from processed_events where consumer = $1', [options.consumerName]);
  });
}

export interface ReplayCommandOptions {
  /** The service's projections by name: what `replay <name>` rebuilds. */
  projections: Record<string, Omit<ReplayOptions, 'kafka' | 'dataSource'>>;
  kafka: Kafka;
  /** Initialized here when it is not yet. */
  dataSource: DataSource;
  /** Defaults to `process.argv.slice(2)`. */
  argv?: readonly string[];
  out?: (line: string) => void;
}

/**
 * `replay <projection>` for a service script or nx target; returns the exit code (0 done, 1 failed, 2 usage).
 * Stop the projection's consumers first; start them again afterwards to rebuild.
 */
export async function runReplayCommand(options: ReplayCommandOptions): Promise<number> {
  const out = options.out ?? ((line: string) => console.log(line));
  const [name, ...rest] = options.argv ?? process.argv.slice(2);
  const projection = name === undefined ? undefined : options.projections[name];
  if (!projection || rest.length > 0) {
    out(`usage: replay <${Object.keys(options.projections).join('|')}>`);
    return 2;
  }
  const initializedHere = !options.dataSource.isInitialized;
  try {
    if (initializedHere) await options.dataSource.initialize();
    await replayProjection({ ...projection, kafka: options.kafka, dataSource: options.dataSource });
    out(
      `replay ${name}: group ${projection.groupId} reset to the earliest offsets; ` +
        `truncated ${projection.truncate.join(', ') || 'no tables'}; restart the consumer to rebuild`,
    );
    return 0;
  } catch (error) {
    out(`replay ${name} failed: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  } finally {
    if (initializedHere) await options.dataSource.destroy();
  }
}
