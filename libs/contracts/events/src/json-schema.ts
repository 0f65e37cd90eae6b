import type { TSchema } from '@sinclair/typebox';
import type { EventDefinition } from './define-event';

export type JsonSchema = { [key: string]: unknown };

export const JSON_SCHEMA_DRAFT_07 = 'http://json-schema.org/draft-07/schema#';

/** A plain JSON copy of a typebox schema (typebox keeps its metadata under symbol keys). */
export function plainSchema(schema: TSchema): JsonSchema {
  return JSON.parse(JSON.stringify(schema)) as JsonSchema;
}

/** The standalone JSON Schema document of an event, as published in docs/events/schemas. */
export function eventJsonSchema(definition: EventDefinition): JsonSchema {
  return { $schema: JSON_SCHEMA_DRAFT_07, ...plainSchema(definition.schema) };
}
