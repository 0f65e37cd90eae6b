import crypto from 'node:crypto';

/**
 * A KRaft cluster id: 16 random bytes in URL-safe base64 (22 characters), as `kafka-storage random-uuid` prints.
 * Never one that starts with '-': `kafka-storage format -t <id>` would read it as an option and refuse ("argument
 * --cluster-id/-t: expected one argument"), one format in 64; Kafka's own Uuid.randomUuid() skips those too.
 */
export function kraftClusterId(random: (size: number) => Buffer = crypto.randomBytes): string {
  for (;;) {
    const id = random(16).toString('base64url');
    if (!id.startsWith('-')) return id;
  }
}
