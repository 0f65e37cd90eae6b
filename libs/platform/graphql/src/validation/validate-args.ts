import { validate, type ValidationError, type ValidatorOptions } from 'class-validator';
import { getNamedType, type GraphQLResolveInfo } from 'graphql';
import { getMetadataStorage, type ValidatorFn } from 'type-graphql';
import { BadUserInputError } from '../errors/errors';
import { toViolations } from './violations';

// Same defaults as type-graphql's built-in validation: GraphQL already enforces presence and types.
const OPTIONS: ValidatorOptions = { skipMissingProperties: true, forbidUnknownValues: false };

/**
 * The name of the GraphQL argument an `@Arg('input') input: SomeInput` value came from, so that violations
 * read `input.title` (a path a client can map to its variables). `@Args()` classes need no prefix: their
 * properties are the arguments themselves.
 */
function argumentPrefix(argType: unknown, info: GraphQLResolveInfo): string {
  const inputType = getMetadataStorage().inputTypes.find((meta) => meta.target === argType);
  if (!inputType) return '';
  const field = info.parentType.getFields()[info.fieldName];
  const argument = field?.args.find((arg) => getNamedType(arg.type).name === inputType.name);
  return argument?.name ?? '';
}

/** type-graphql `validateFn`: class-validator rules → one `BadUserInputError` with the field path. */
export const validateArguments: ValidatorFn = async (argValue, argType, { info }) => {
  if (argValue === null || typeof argValue !== 'object') return;
  const values: object[] = Array.isArray(argValue) ? argValue : [argValue];
  const prefix = argumentPrefix(argType, info);
  const errors: ValidationError[] = [];
  for (const [index, value] of values.entries()) {
    if (value === null || typeof value !== 'object') continue;
    const found = await validate(value, OPTIONS);
    const path = Array.isArray(argValue) ? [prefix, String(index)].filter(Boolean).join('.') : prefix;
    errors.push(
      ...found.map((error) => (path ? { ...error, property: `${path}.${error.property}` } : error)),
    );
  }
  const violations = toViolations(errors);
  if (violations.length > 0) {
    throw new BadUserInputError(violations[0].message, violations[0].field, violations);
  }
};
