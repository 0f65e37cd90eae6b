// Input hygiene for every argument of every field, once: an `ID` must be a UUID (every entity id of the graph is
// one, and PostgreSQL rejects anything else with an error that would surface as INTERNAL), and no string may carry
// U+0000 (PostgreSQL cannot store it in text or jsonb). Both answer BAD_USER_INPUT naming the field, before any
// resolver runs, so nothing is written. An ID that names something outside the graph (a token's user id) opts out
// of the UUID rule with `@OpaqueId()`.
import {
  GraphQLID,
  getNullableType,
  isInputObjectType,
  isListType,
  type GraphQLInputType,
  type GraphQLResolveInfo,
} from 'graphql';
import { getMetadataStorage, type MiddlewareFn } from 'type-graphql';
import { BadUserInputError } from '../errors/errors';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: string): boolean {
  return UUID.test(value);
}

// Recorded per class and property: the federated schema is rebuilt from SDL, which keeps no field extensions.
const opaqueFields: { target: object; property: string }[] = [];
let opaqueByTypeName: Set<string> | undefined;

/** Marks an `ID` input field whose values are not UUIDs (e.g. a user id from the identity provider). */
export function OpaqueId(): PropertyDecorator {
  return (target, property) => {
    opaqueFields.push({ target: target.constructor, property: String(property) });
    opaqueByTypeName = undefined;
  };
}

function isOpaque(typeName: string, fieldName: string): boolean {
  opaqueByTypeName ??= new Set(
    opaqueFields.flatMap(({ target, property }) =>
      getMetadataStorage()
        .inputTypes.filter((type) => type.target === target)
        .map((type) => `${type.name}.${property}`),
    ),
  );
  return opaqueByTypeName.has(`${typeName}.${fieldName}`);
}

/** The first violation in `value` of input type `type` at `path`, or null. */
export function inputViolation(
  type: GraphQLInputType,
  value: unknown,
  path: string,
  opaque = false,
): BadUserInputError | null {
  if (value === null || value === undefined) return null;
  const inner = getNullableType(type);
  if (isListType(inner)) {
    if (!Array.isArray(value)) return inputViolation(inner.ofType, value, path, opaque);
    for (const [index, item] of value.entries()) {
      const violation = inputViolation(inner.ofType, item, `${path}.${index}`, opaque);
      if (violation) return violation;
    }
    return null;
  }
  if (isInputObjectType(inner)) {
    if (typeof value !== 'object') return null;
    const fields = inner.getFields();
    for (const [name, field] of Object.entries(fields)) {
      const violation = inputViolation(
        field.type,
        (value as Record<string, unknown>)[name],
        `${path}.${name}`,
        isOpaque(inner.name, name),
      );
      if (violation) return violation;
    }
    return null;
  }
  if (typeof value !== 'string') return null;
  if (inner === GraphQLID && !opaque && !isUuid(value))
    return new BadUserInputError(`${path} must be a UUID`, path);
  if (value.includes('\u0000'))
    return new BadUserInputError(`${path} must not contain the NUL character`, path);
  return null;
}

/** The first violation among a field's arguments. */
export function argumentsViolation(
  info: GraphQLResolveInfo,
  args: Record<string, unknown>,
): BadUserInputError | null {
  const field = info.parentType.getFields()[info.fieldName];
  if (!field || field.args.length === 0) return null;
  for (const argument of field.args) {
    const violation = inputViolation(argument.type, args[argument.name], argument.name);
    if (violation) return violation;
  }
  return null;
}

/** type-graphql middleware: runs the checks above before the resolver (see useInputHygiene). */
export const inputHygiene: MiddlewareFn = async ({ info, args }, next) => {
  const violation = argumentsViolation(info, args);
  if (violation) throw violation;
  return next();
};

// type-graphql's metadata is one global store; a (class, method) is registered once however many schemas are built.
const hygienic = new WeakMap<object, Set<string>>();

/**
 * Puts `inputHygiene` on every resolver method (query, mutation, field resolver, object-type field method) that
 * takes GraphQL arguments, as `@UseMiddleware(inputHygiene)` would, first among its own middlewares: after the auth
 * check, before validation and the resolver, as a global middleware would run. Not global: type-graphql runs global
 * middlewares on every field of every object, each an async call (a promise per scalar field of every row), while
 * a field without arguments has nothing to check.
 */
export function useInputHygiene(): void {
  const storage = getMetadataStorage();
  const withArguments = storage.params.filter((param) => param.kind === 'arg' || param.kind === 'args');
  for (const { target, methodName } of withArguments) {
    const methods = hygienic.get(target) ?? new Set<string>();
    hygienic.set(target, methods);
    if (methods.has(methodName)) continue;
    methods.add(methodName);
    storage.middlewares.unshift({ target, fieldName: methodName, middlewares: [inputHygiene] });
  }
}
