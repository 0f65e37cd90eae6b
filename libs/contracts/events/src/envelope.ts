import { Type, type TSchema } from '@sinclair/typebox';
import { DateTime, Nullable, Text, Uuid } from './schema';

/** Who caused the event: the authenticated caller, or `{ id: null, role: 'system' }` for jobs. */
export interface EventActor {
  id: string | null;
  role: string;
}

export const SYSTEM_ROLE = 'system';
export const SYSTEM_ACTOR: EventActor = Object.freeze({ id: null, role: SYSTEM_ROLE });

export interface EventEnvelope<
  TType extends string = string,
  TData = unknown,
  TAggregate extends string = string,
  TVersion extends number = number,
> {
  eventId: string;
  type: TType;
  version: TVersion;
  aggregateType: TAggregate;
  aggregateId: string;
  /** Version of the aggregate after this event; consumers use it to guard projections. */
  aggregateVersion: number;
  occurredAt: string;
  producer: string;
  correlationId: string;
  causationId: string | null;
  actor: EventActor;
  data: TData;
}

export const EventActorSchema = Type.Object(
  { id: Nullable(Text()), role: Text() },
  { additionalProperties: false },
);

/** The envelope fields without `data`; `defineEvent` pins type, version and aggregateType to constants. */
export const envelopeProperties = {
  eventId: Uuid(),
  type: Text({ pattern: '^[a-z][a-z_]*\\.[a-z][a-z_]*$' }),
  version: Type.Integer({ minimum: 1 }),
  aggregateType: Text(),
  aggregateId: Uuid(),
  aggregateVersion: Type.Integer({ minimum: 1 }),
  occurredAt: DateTime(),
  producer: Text(),
  correlationId: Text(),
  causationId: Nullable(Text()),
  actor: EventActorSchema,
};

/** Any envelope, data unchecked. Per-event schemas come from `defineEvent`. */
export const EventEnvelopeSchema = Type.Object(
  { ...envelopeProperties, data: Type.Unknown() },
  { $id: 'https://opsgraph.dev/events/envelope.json', additionalProperties: false },
);

export const KAFKA_HEADERS = {
  eventId: 'event-id',
  type: 'event-type',
  version: 'event-version',
  aggregateType: 'aggregate-type',
  aggregateId: 'aggregate-id',
  aggregateVersion: 'aggregate-version',
  occurredAt: 'occurred-at',
  producer: 'producer',
  correlationId: 'correlation-id',
  causationId: 'causation-id',
  traceparent: 'traceparent',
  tracestate: 'tracestate',
} as const;

export type EventHeaderName = (typeof KAFKA_HEADERS)[keyof typeof KAFKA_HEADERS];

/** Envelope metadata carried in headers, so consumers can route or skip without parsing the value. */
export type EventHeaders = Omit<EventEnvelope, 'data' | 'actor'> & { traceparent: string | null };

/** Structurally the kafkajs `IHeaders` type, which this lib does not import. */
export type KafkaHeaderValues = Record<string, Buffer | string | (Buffer | string)[] | undefined>;

/** JSON Schema of the headers (all values are strings on the wire); used by the AsyncAPI document. */
export const KafkaHeadersSchema: TSchema = Type.Object(
  {
    [KAFKA_HEADERS.eventId]: Uuid(),
    [KAFKA_HEADERS.type]: Text(),
    [KAFKA_HEADERS.version]: Type.String({ pattern: '^[1-9][0-9]*$' }),
    [KAFKA_HEADERS.aggregateType]: Text(),
    [KAFKA_HEADERS.aggregateId]: Uuid(),
    [KAFKA_HEADERS.aggregateVersion]: Type.String({ pattern: '^[1-9][0-9]*$' }),
    [KAFKA_HEADERS.occurredAt]: DateTime(),
    [KAFKA_HEADERS.producer]: Text(),
    [KAFKA_HEADERS.correlationId]: Text(),
    [KAFKA_HEADERS.causationId]: Type.Optional(Text({ description: 'Absent when the event has no cause.' })),
    [KAFKA_HEADERS.traceparent]: Type.Optional(
      Text({
        description: 'W3C trace context of the operation that wrote the event; absent outside a trace.',
      }),
    ),
    [KAFKA_HEADERS.tracestate]: Type.Optional(Text({ description: 'W3C trace state, with `traceparent`.' })),
  },
  { additionalProperties: true },
);

export function toKafkaHeaders(
  envelope: EventEnvelope,
  options: { traceparent?: string | null; tracestate?: string | null } = {},
): Record<string, string> {
  const headers: Record<string, string> = {
    [KAFKA_HEADERS.eventId]: envelope.eventId,
    [KAFKA_HEADERS.type]: envelope.type,
    [KAFKA_HEADERS.version]: String(envelope.version),
    [KAFKA_HEADERS.aggregateType]: envelope.aggregateType,
    [KAFKA_HEADERS.aggregateId]: envelope.aggregateId,
    [KAFKA_HEADERS.aggregateVersion]: String(envelope.aggregateVersion),
    [KAFKA_HEADERS.occurredAt]: envelope.occurredAt,
    [KAFKA_HEADERS.producer]: envelope.producer,
    [KAFKA_HEADERS.correlationId]: envelope.correlationId,
  };
  if (envelope.causationId !== null) headers[KAFKA_HEADERS.causationId] = envelope.causationId;
  if (options.traceparent) headers[KAFKA_HEADERS.traceparent] = options.traceparent;
  if (options.traceparent && options.tracestate) headers[KAFKA_HEADERS.tracestate] = options.tracestate;
  return headers;
}

export class InvalidEventHeadersError extends Error {
  override readonly name = 'InvalidEventHeadersError';
}

/** Reads headers written by `toKafkaHeaders`; throws `InvalidEventHeadersError` if a required one is missing. */
export function fromKafkaHeaders(headers: KafkaHeaderValues | undefined): EventHeaders {
  const read = (name: EventHeaderName): string | null => {
    const raw = headers?.[name];
    const value = Array.isArray(raw) ? raw[raw.length - 1] : raw;
    return value === undefined ? null : value.toString();
  };
  const required = (name: EventHeaderName): string => {
    const value = read(name);
    if (!value) throw new InvalidEventHeadersError(`missing Kafka header "${name}"`);
    return value;
  };
  const positiveInt = (name: EventHeaderName): number => {
    const value = required(name);
    if (!/^[1-9][0-9]*$/.test(value))
      throw new InvalidEventHeadersError(`Kafka header "${name}" is not a positive integer: ${value}`);
    return Number(value);
  };
  return {
    eventId: required(KAFKA_HEADERS.eventId),
    type: required(KAFKA_HEADERS.type),
    version: positiveInt(KAFKA_HEADERS.version),
    aggregateType: required(KAFKA_HEADERS.aggregateType),
    aggregateId: required(KAFKA_HEADERS.aggregateId),
    aggregateVersion: positiveInt(KAFKA_HEADERS.aggregateVersion),
    occurredAt: required(KAFKA_HEADERS.occurredAt),
    producer: required(KAFKA_HEADERS.producer),
    correlationId: required(KAFKA_HEADERS.correlationId),
    causationId: read(KAFKA_HEADERS.causationId),
    traceparent: read(KAFKA_HEADERS.traceparent),
  };
}
