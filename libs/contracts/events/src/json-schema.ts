import type { TSchema } from '@sinclair/typebox';
import type { EventDefinition } from './define-event';

export type JsonSchema = { [key: string]: unknown };

export const JSON_SCHEMA_DRAFT_07 = 'http://json-schema.org/draft-07/schema#';

/** A plain JSON copy of a typebox schema (typebox keeps its metadata under symbol keys). */
export function plainSchema(schema: TSchema): JsonSchema {
  return JSON.parse(JSON.stringify(schema)) as JsonSchema;
}

/**
 * The schema consumers validate against: the producer's schema with every object left open
 * (`additionalProperties: false` dropped), so that a field added within a version (docs/events/README.md) does not
 * break a validating consumer. Producers keep validating strictly (`validateEvent`), which catches typos in the
 * fields they send.
 */
export function openSchema(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(openSchema);
  if (!schema || typeof schema !== 'object') return schema;
  const open: JsonSchema = {};
  for (const [key, value] of Object.entries(schema)) {
    if (key === 'additionalProperties' && value === false) continue;
    open[key] = openSchema(value);
  }
  return open;
}

/** The published (consumer) payload schema of an event, as in the AsyncAPI document. */
export function consumerSchema(definition: EventDefinition): JsonSchema {
  return openSchema(plainSchema(definition.schema)) as JsonSchema;
}

/** The standalone JSON Schema document of an event, as published in docs/events/schemas. */
export function eventJsonSchema(definition: EventDefinition): JsonSchema {
  return { $schema: JSON_SCHEMA_DRAFT_07, ...consumerSchema(definition) };
}
