import { randomUUID } from 'node:crypto';
import { Type, type Static, type TObject, type TProperties, type TSchema } from '@sinclair/typebox';
import { envelopeProperties, type EventActor, type EventEnvelope } from './envelope';

export const EVENT_SCHEMA_BASE_URL = 'https://opsgraph.dev/events';

export interface EventDefinition<
  TType extends string = string,
  TVersion extends number = number,
  TAggregate extends string = string,
  TData extends TSchema = TSchema,
> {
  readonly type: TType;
  readonly version: TVersion;
  readonly aggregateType: TAggregate;
  readonly description: string;
  readonly dataSchema: TData;
  /** JSON Schema of the whole envelope, with `type`, `version` and `aggregateType` as constants. */
  readonly schema: TObject;
}

/** The envelope type of an event definition: `EventOf<typeof TicketOpened>`. */
export type EventOf<D> =
  D extends EventDefinition<infer TType, infer TVersion, infer TAggregate, infer TData>
    ? EventEnvelope<TType, Static<TData>, TAggregate, TVersion>
    : never;

export type EventDataOf<D> =
  D extends EventDefinition<string, number, string, infer TData> ? Static<TData> : never;

export const eventKey = (type: string, version: number): string => `${type}@v${version}`;
export const eventSchemaId = (type: string, version: number): string =>
  `${EVENT_SCHEMA_BASE_URL}/${type}/v${version}.json`;

export function defineEvent<
  const TType extends string,
  const TVersion extends number,
  const TAggregate extends string,
  TData extends TSchema,
>(spec: {
  type: TType;
  version: TVersion;
  aggregateType: TAggregate;
  description: string;
  data: TData;
}): EventDefinition<TType, TVersion, TAggregate, TData> {
  const { type, version, aggregateType, description, data } = spec;
  if (!type.startsWith(`${aggregateType}.`)) {
    throw new Error(`event type "${type}" must be "${aggregateType}.<past_tense_verb>"`);
  }
  if (!Number.isInteger(version) || version < 1)
    throw new Error(`event ${type}: version must be an integer >= 1`);
  if (data['type'] !== 'object' || data['additionalProperties'] !== false) {
    throw new Error(`event ${type}: data must be an object schema with additionalProperties: false`);
  }
  const schema = Type.Object(
    {
      ...envelopeProperties,
      type: Type.Literal(type),
      version: Type.Literal(version),
      aggregateType: Type.Literal(aggregateType),
      data,
    },
    {
      $id: eventSchemaId(type, version),
      title: `${type} v${version}`,
      description,
      additionalProperties: false,
    },
  );
  return Object.freeze({ type, version, aggregateType, description, dataSchema: data, schema });
}

/**
 * The event definer of an aggregate whose events all carry its state after the event: each event's data is
 * `snapshot` plus the event's own `properties` (version 1; `describe` may append a note every description shares).
 */
export function snapshotEvents<const TAggregate extends string, TSnapshot extends TProperties>(
  aggregateType: TAggregate,
  snapshot: TSnapshot,
  describe: (description: string) => string = (description) => description,
) {
  return <const TType extends `${TAggregate}.${string}`, T extends TProperties>(
    type: TType,
    description: string,
    properties: T,
  ) =>
    defineEvent({
      type,
      version: 1,
      aggregateType,
      description: describe(description),
      data: Type.Object({ ...snapshot, ...properties }, { additionalProperties: false }),
    });
}

export interface CreateEventFields<D extends EventDefinition> {
  aggregateId: string;
  aggregateVersion: number;
  producer: string;
  actor: EventActor;
  data: EventDataOf<D>;
  /** Defaults to the new event's own id (the event starts a new causal chain). */
  correlationId?: string;
  causationId?: string | null;
  eventId?: string;
  occurredAt?: Date | string;
}

/** Builds the envelope; it does not validate (call `validateEvent` where formats matter, e.g. the outbox). */
export function createEvent<D extends EventDefinition>(
  definition: D,
  fields: CreateEventFields<D>,
): EventOf<D> {
  const eventId = fields.eventId ?? randomUUID();
  const occurredAt = fields.occurredAt ?? new Date();
  const envelope: EventEnvelope<D['type'], EventDataOf<D>, D['aggregateType'], D['version']> = {
    eventId,
    type: definition.type,
    version: definition.version,
    aggregateType: definition.aggregateType,
    aggregateId: fields.aggregateId,
    aggregateVersion: fields.aggregateVersion,
    occurredAt: typeof occurredAt === 'string' ? occurredAt : occurredAt.toISOString(),
    producer: fields.producer,
    correlationId: fields.correlationId ?? eventId,
    causationId: fields.causationId ?? null,
    actor: { id: fields.actor.id, role: fields.actor.role },
    data: fields.data,
  };
  return envelope as EventOf<D>;
}
