// A topic created a moment ago is not usable at once: a KRaft broker takes the controller's records into its
// metadata cache asynchronously, and until then answers for it as for a topic that does not exist.
import type { Admin } from 'kafkajs';
import { setTimeout as sleep } from 'node:timers/promises';

export interface TopicWaitOptions {
  /** How long topics may take to get a leader for every partition; default 30 s. */
  timeoutMs?: number;
  /** Pause between two metadata requests; default 200 ms. */
  intervalMs?: number;
}

/**
 * Errors with which a broker answers metadata requests for a topic the controller has just created but the broker
 * has not taken over into its metadata cache yet (KRaft applies the records asynchronously). Also what a missing
 * topic answers, which is why the wait is bounded.
 */
const NOT_YET_PROPAGATED = new Set([
  'UNKNOWN_TOPIC_OR_PARTITION',
  'LEADER_NOT_AVAILABLE',
  'NOT_LEADER_FOR_PARTITION',
]);

/** Also behind kafkajs's KafkaJSNumberOfRetriesExceeded, which wraps the last error as its cause. */
export function notYetPropagated(error: unknown): boolean {
  for (
    let current = error as { type?: string; cause?: unknown } | undefined;
    current;
    current = current.cause as typeof current
  ) {
    if (NOT_YET_PROPAGATED.has(current.type ?? '')) return true;
  }
  return false;
}

export type TopicMetadata = Awaited<ReturnType<Admin['fetchTopicMetadata']>>['topics'][number];

/**
 * Waits until the broker's metadata shows every partition of `topics` with a leader, and returns that metadata.
 * kafkajs's own `createTopics({ waitForLeaders: true })` tolerates only LEADER_NOT_AVAILABLE while it waits, so on a
 * busy KRaft broker it fails with UNKNOWN_TOPIC_OR_PARTITION ("This server does not host this topic-partition") for
 * a topic it has just created; so does a first metadata request or fetch by another client. Any other error, or
 * topics still without leaders after `timeoutMs`, is thrown.
 */
/** Creates the topics that do not exist yet, then waits until every partition of all of them has a leader. */
export async function createTopicsAndWait(
  admin: Admin,
  topics: Parameters<Admin['createTopics']>[0]['topics'],
  options: TopicWaitOptions = {},
): Promise<void> {
  await retryWhileNotPropagated(() => admin.createTopics({ topics, waitForLeaders: false }), options);
  await waitForTopicLeaders(
    admin,
    topics.map((topic) => topic.topic),
    options,
  );
}

export async function waitForTopicLeaders(
  admin: Admin,
  topics: readonly string[],
  options: TopicWaitOptions = {},
): Promise<TopicMetadata[]> {
  if (topics.length === 0) return [];
  const timeoutMs = options.timeoutMs ?? 30_000;
  const intervalMs = options.intervalMs ?? 200;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    let problem: string;
    try {
      const { topics: metadata } = await admin.fetchTopicMetadata({ topics: [...topics] });
      const leaderless = metadata.flatMap((topic) =>
        topic.partitions.length === 0
          ? [`${topic.name} (no partitions)`]
          : topic.partitions
              .filter((partition) => partition.leader < 0)
              .map((partition) => `${topic.name}[${partition.partitionId}]`),
      );
      const missing = topics.filter((name) => !metadata.some((topic) => topic.name === name));
      if (leaderless.length === 0 && missing.length === 0) return metadata;
      problem = `without a leader: ${[...missing, ...leaderless].join(', ')}`;
    } catch (error) {
      if (!notYetPropagated(error)) throw error;
      problem = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    }
    if (Date.now() >= deadline) {
      throw new Error(
        `Kafka topics ${topics.join(', ')} have no leader after ${timeoutMs} ms (do they exist?): ${problem}`,
      );
    }
    await sleep(intervalMs);
  }
}

/**
 * Runs `work` again while it fails because topics it touches are not propagated yet (see above), for at most
 * `timeoutMs`; any other error, or the last one after the deadline, is thrown.
 */
export async function retryWhileNotPropagated<T>(
  work: () => Promise<T>,
  options: TopicWaitOptions = {},
): Promise<T> {
  const deadline = Date.now() + (options.timeoutMs ?? 30_000);
  for (;;) {
    try {
      return await work();
    } catch (error) {
      if (!notYetPropagated(error) || Date.now() >= deadline) throw error;
      await sleep(options.intervalMs ?? 200);
    }
  }
}
