import { randomInt, randomUUID } from 'node:crypto';
import { OutboxRelay } from './outbox-relay';
import { OutboxWriter } from './outbox-writer';
import { createHarness, readTopic, type Harness, waitFor } from './test-support/harness';
import { auditTopic } from './test-support/topic-order';
import { writeTicketEvent } from './test-support/writers';

const WRITERS = 8;
const EVENTS = 5000;
const AGGREGATES = 100;

// The default (one producer) and send groups (the batch split by aggregate over several producers sent side by side).
describe.each([{ sendConcurrency: 1 }, { sendConcurrency: 4 }])(
  'outbox relay under concurrent writers (sendConcurrency $sendConcurrency)',
  ({ sendConcurrency }) => {
    let harness: Harness;
    let relay: OutboxRelay;

    beforeAll(async () => {
      harness = await createHarness(`relay-writers-${sendConcurrency}`);
    });
    afterAll(async () => {
      await relay?.stop();
      await harness.cleanup();
    });

    it('publishes every row although transactions commit out of id order', async () => {
      const writer = new OutboxWriter({ namespace: harness.namespace });
      const batches: string[][] = [];
      relay = new OutboxRelay({
        dataSource: harness.dataSource,
        kafka: harness.kafka,
        idleIntervalMs: 200,
        sendConcurrency,
        logger: harness.logger,
        faults: { afterSend: (eventIds) => void batches.push(eventIds) },
      });
      await relay.start();

      const aggregates = Array.from({ length: AGGREGATES }, () => randomUUID());
      const written: string[] = [];
      let next = 0;
      // Random transaction lengths: a row with a lower id often commits after rows with higher ids.
      const writerLoop = async (): Promise<void> => {
        while (next < EVENTS) {
          next += 1;
          const aggregate = aggregates[randomInt(AGGREGATES)];
          const event = await writeTicketEvent(harness.dataSource, writer, aggregate, randomInt(0, 6));
          written.push(event.eventId);
        }
      };
      await Promise.all(Array.from({ length: WRITERS }, writerLoop));
      expect(written).toHaveLength(EVENTS);

      await waitFor(
        () => relay.backlog(),
        (n) => n === 0,
        { what: 'an empty outbox backlog', timeoutMs: 60_000 },
      ).catch(() => undefined);
      const [{ unpublished }] = await harness.dataSource.query(
        'select count(*)::int as unpublished from outbox where published_at is null',
      );
      const audit = auditTopic(await readTopic(harness.kafka, harness.ticketTopic));
      const skipped = written.filter((id) => !audit.eventIds.has(id)).length;
      // Rows published after a row with a higher id: each one would be lost by a relay reading `id > last_seen`.
      const ids = new Map<string, number>(
        (await harness.dataSource.query('select event_id, id from outbox')).map(
          (row: { event_id: string; id: string }) => [row.event_id, Number(row.id)],
        ),
      );
      let highest = 0;
      let lateCommits = 0;
      for (const batch of batches) {
        const batchIds = batch.map((id) => ids.get(id) ?? 0);
        lateCommits += batchIds.filter((id) => id < highest).length;
        highest = Math.max(highest, ...batchIds);
      }
      console.log(
        `skipped ${skipped}/${EVENTS} (${lateCommits} rows committed behind a published higher id)`,
      );

      expect(skipped).toBe(0);
      expect(unpublished).toBe(0);
      // Per aggregate, the topic holds the versions in order (the row lock + id order rule of OutboxWriter).
      expect(audit.outOfOrder).toBe(0);
      expect(lateCommits).toBeGreaterThan(0);
    });
  },
);
