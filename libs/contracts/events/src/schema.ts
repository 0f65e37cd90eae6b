import { Type, type SchemaOptions, type TSchema, type TUnsafe } from '@sinclair/typebox';

/** `{ type: 'string', enum: [...] }` rather than typebox's `anyOf` of consts: smaller and clearer JSON Schema. */
export function StringEnum<const T extends readonly string[]>(
  values: T,
  options: SchemaOptions = {},
): TUnsafe<T[number]> {
  return Type.Unsafe<T[number]>({ ...options, type: 'string', enum: [...values] });
}

export const Nullable = <T extends TSchema>(schema: T, options: SchemaOptions = {}) =>
  Type.Union([schema, Type.Null()], options);

export const Uuid = (options: SchemaOptions = {}) => Type.String({ ...options, format: 'uuid' });
export const DateTime = (options: SchemaOptions = {}) => Type.String({ ...options, format: 'date-time' });
export const DateOnly = (options: SchemaOptions = {}) => Type.String({ ...options, format: 'date' });
export const Text = (options: SchemaOptions = {}) => Type.String({ minLength: 1, ...options });
