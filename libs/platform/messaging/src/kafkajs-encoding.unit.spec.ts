// patches/kafkajs+2.2.4.patch makes the relay's produce path cheaper (docs/development.md, "kafkajs patches"): buffers
// allocated without zero-fill and sized once, record headers written in place, varints without a Buffer per value,
// CRC-32C sliced by 8, murmur2 in 32-bit arithmetic. None of it may change a byte on the wire or the partition a key
// goes to: these checks hold the patched code to independent references and to the bytes kafkajs 2.2.4 produced.
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { createRequire } from 'node:module';

const kafkajsInternal = createRequire(require.resolve('kafkajs'));
const murmur2 = kafkajsInternal('./src/producer/partitioners/default/murmur2') as (
  key: string | Buffer,
) => number;
const crc32C = kafkajsInternal('./src/protocol/recordBatch/crc32C') as (buffer: Buffer) => number;
const Long = kafkajsInternal('./src/utils/long') as { fromValue(value: number): unknown };
type ProduceRequest = (options: Record<string, unknown>) => {
  encode(): Promise<{ buffer: Buffer }>;
};
const produceV3 = kafkajsInternal('./src/protocol/requests/produce/v3/request') as ProduceRequest;

/** Kafka's murmur2 (Utils.murmur2) in Java's int arithmetic, written out with BigInt: the reference. */
function referenceMurmur2(data: Buffer): number {
  const int = (value: bigint) => BigInt.asIntN(32, value);
  const ushr = (value: bigint, bits: bigint) => BigInt.asUintN(32, value) >> bits;
  const m = 0x5bd1e995n;
  let h = int(0x9747b28cn ^ BigInt(data.length));
  const length4 = Math.floor(data.length / 4);
  for (let i = 0; i < length4; i++) {
    let k = int(BigInt(data.readInt32LE(i * 4)));
    k = int(k * m);
    k = int(k ^ ushr(k, 24n));
    k = int(k * m);
    h = int(h * m);
    h = int(h ^ k);
  }
  // Java's switch on length % 4 falls through: byte 2 of the tail, then byte 1, then byte 0 and a multiply.
  const tail = data.length & ~3;
  const rest = data.length % 4;
  if (rest >= 3) h = int(h ^ BigInt(data[tail + 2] << 16));
  if (rest >= 2) h = int(h ^ BigInt(data[tail + 1] << 8));
  if (rest >= 1) {
    h = int(h ^ BigInt(data[tail]));
    h = int(h * m);
  }
  h = int(h ^ ushr(h, 13n));
  h = int(h * m);
  h = int(h ^ ushr(h, 15n));
  return Number(h);
}

/** CRC-32C bit by bit (reflected polynomial 0x82F63B78): the reference. */
function referenceCrc32C(buffer: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of buffer) {
    crc ^= byte;
    for (let bit = 0; bit < 8; bit++) crc = crc & 1 ? (crc >>> 1) ^ 0x82f63b78 : crc >>> 1;
  }
  return (crc ^ 0xffffffff) >>> 0;
}

describe('kafkajs partitioning (murmur2)', () => {
  it("gives Kafka's own test vectors (UtilsTest.testMurmur2)", () => {
    expect(
      [
        '21',
        'foobar',
        'a-little-bit-long-string',
        'a-little-bit-longer-string',
        'lkjh234lh9fiuh90y23oiuhsafujhadof229phr9h19h89h8',
        'abc',
      ].map((key) => murmur2(key)),
    ).toEqual([-973932308, -790332482, -985981536, -1486304829, -58897971, 479470107]);
  });

  it('agrees with the reference for aggregate ids, every tail length and raw bytes', () => {
    const keys: Array<string | Buffer> = [
      '',
      ...Array.from({ length: 2000 }, () => randomUUID()),
      ...Array.from({ length: 400 }, (_, i) => randomBytes(i % 67)),
      '工单-客户-投诉',
    ];
    for (const key of keys) {
      expect(murmur2(key)).toBe(referenceMurmur2(Buffer.isBuffer(key) ? key : Buffer.from(key)));
    }
  });
});

describe('kafkajs record batch checksum (CRC-32C)', () => {
  it('gives the standard check value', () => {
    expect(crc32C(Buffer.from('123456789'))).toBe(0xe3069283);
  });

  it('agrees with the bitwise reference at every length around the 8-byte stride', () => {
    for (let length = 0; length < 80; length++) {
      const buffer = randomBytes(length);
      expect(crc32C(buffer)).toBe(referenceCrc32C(buffer));
    }
    const large = randomBytes(300_001);
    expect(crc32C(large)).toBe(referenceCrc32C(large));
  });
});

describe('kafkajs produce request encoding', () => {
  /** Deterministic messages: string and Buffer keys, unicode values, a tombstone, multi-valued and binary headers. */
  function messages(seed: string, count: number) {
    return Array.from({ length: count }, (_, i) => {
      const id = createHash('md5').update(`${seed}-${i}`).digest('hex');
      const uuid = `${id.slice(0, 8)}-${id.slice(8, 12)}-${id.slice(12, 16)}-${id.slice(16, 20)}-${id.slice(20)}`;
      return {
        key: i % 7 === 3 ? Buffer.from(id, 'hex') : uuid,
        value:
          i % 11 === 5
            ? null
            : JSON.stringify({
                id,
                n: i,
                text: '工单 — ' + 'x'.repeat((i * 37) % 1500),
                nested: { a: [1, 2, 3] },
              }),
        headers: {
          'event-type': 'ticket.opened',
          'event-id': id,
          'schema-version': String(i % 3),
          ...(i % 5 === 0 ? { multi: ['a', 'β', 'c'] } : {}),
          ...(i % 4 === 1 ? { binary: Buffer.from([0, 1, 2, 255]) } : {}),
        },
        // The last message's timestamp delta (> 2^31 ms) takes the 64-bit varint path.
        timestamp: String(1764000000000 + i * 1234 + (i === count - 1 ? 2 ** 31 + 17 : 0)),
      };
    });
  }

  it('is byte for byte what kafkajs 2.2.4 encoded before the patch', async () => {
    const request = produceV3({
      acks: -1,
      timeout: 30000,
      transactionalId: null,
      producerId: Long.fromValue(4242),
      producerEpoch: 3,
      topicData: [
        {
          topic: 'opsgraph.ticket.events',
          partitions: [
            { partition: 0, firstSequence: 1000, messages: messages('a', 300) },
            { partition: 5, firstSequence: 7, messages: messages('b', 1) },
          ],
        },
        { topic: 'other', partitions: [{ partition: 2, firstSequence: 0, messages: messages('c', 40) }] },
      ],
    });
    const { buffer } = await request.encode();
    // Recorded with the unpatched kafkajs 2.2.4 from the npm registry.
    expect(buffer.length).toBe(300344);
    expect(createHash('sha256').update(buffer).digest('hex')).toBe(
      '9f35bd0b7084b4c871c1a67e599242211442fad5becbb1757d7ae61a713e7f70',
    );
  });
});
