import { testKafkaClient } from './test-support/harness';

// kafkajs 2.2.4 re-arms a request-queue timer with a negative delay after every response, so each idle connection
// spins a 1 ms loop (≈5% of a core per idle producer + admin here, and a TimeoutNegativeWarning on Node 24; upstream
// tulios/kafkajs#1704, #1751, unreleased). patches/kafkajs+2.2.4.patch stops the loop; this fails if the patch is
// not applied (e.g. an install that skipped postinstall).
describe('an idle kafkajs connection', () => {
  it('arms no timers while nothing is pending', async () => {
    const kafka = testKafkaClient('kafka-idle');
    const admin = kafka.admin();
    const producer = kafka.producer();
    await Promise.all([admin.connect(), producer.connect()]);
    try {
      await admin.listTopics();
      await new Promise((resolve) => setTimeout(resolve, 200));
      const original = global.setTimeout;
      let armed = 0;
      const counting = ((...args: Parameters<typeof setTimeout>) => {
        armed += 1;
        return original(...args);
      }) as typeof setTimeout;
      global.setTimeout = counting;
      try {
        await new Promise((resolve) => original(resolve, 500));
      } finally {
        global.setTimeout = original;
      }
      // Unpatched: one timer per connection per millisecond (hundreds in 500 ms). Heartbeat-free idle clients arm none.
      expect(armed).toBeLessThan(10);
    } finally {
      await Promise.all([admin.disconnect(), producer.disconnect()]);
    }
  });
});
