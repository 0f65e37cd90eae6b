import { unwrapResolverError } from '@apollo/server/errors';
import { createLogger, type Logger } from '@opsgraph/observability';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { ArgumentValidationError, AuthenticationError, AuthorizationError } from 'type-graphql';
import { toViolations } from '../validation/violations';
import { APOLLO_REQUEST_CODES, ErrorCode } from './error-codes';
import {
  BadUserInputError,
  ForbiddenError,
  InternalError,
  OpsgraphError,
  UnauthenticatedError,
} from './errors';

export interface FormatErrorOptions {
  logger?: Logger;
  /** Stack traces in `extensions.stacktrace`; default only when NODE_ENV=development. */
  includeStacktrace?: boolean;
}

export function isDevelopment(): boolean {
  return process.env.NODE_ENV === 'development';
}

/** Maps anything a resolver threw onto the shared error set; `undefined` means "not ours, not Apollo's". */
function toKnownError(original: unknown): OpsgraphError | undefined {
  if (original instanceof OpsgraphError) return original;
  if (original instanceof ArgumentValidationError) {
    const violations = toViolations(original.extensions.validationErrors);
    const first = violations[0] ?? { field: '', message: original.message };
    return new BadUserInputError(first.message, first.field, violations);
  }
  if (original instanceof AuthenticationError) return new UnauthenticatedError();
  if (original instanceof AuthorizationError) return new ForbiddenError();
  return undefined;
}

/** The code the client will see for this error (also the label of the resolver error counter). */
export function errorCodeOf(error: unknown): string {
  const known = toKnownError(unwrapResolverError(error));
  if (known) return known.code;
  const code = error instanceof GraphQLError ? error.extensions.code : undefined;
  return typeof code === 'string' && APOLLO_REQUEST_CODES.has(code) ? code : ErrorCode.INTERNAL;
}

/**
 * Apollo Server `formatError`: our errors and Apollo's request-level errors (parse, validation, variable
 * coercion) pass through; type-graphql's validation/auth errors are mapped; everything else becomes
 * `INTERNAL` with a fixed message and is logged here with its stack.
 */
export function createFormatError(options: FormatErrorOptions = {}) {
  let logger = options.logger;
  const includeStacktrace = options.includeStacktrace ?? isDevelopment();

  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const stacktrace = includeStacktrace ? formatted.extensions?.stacktrace : undefined;
    const withStack = (extensions: Record<string, unknown>) =>
      stacktrace === undefined ? extensions : { ...extensions, stacktrace };
    const original = unwrapResolverError(error);

    const known = toKnownError(original);
    if (known) {
      return {
        message: known.message,
        locations: formatted.locations,
        path: formatted.path,
        extensions: withStack({ ...known.extensions }),
      };
    }

    const code = formatted.extensions?.code;
    if (typeof code === 'string' && APOLLO_REQUEST_CODES.has(code)) {
      const { stacktrace: _dropped, ...extensions } = formatted.extensions ?? {};
      return { ...formatted, extensions: withStack(extensions) };
    }

    logger ??= createLogger({ service: 'graphql' });
    logger.error({ err: original, path: formatted.path }, 'unhandled error in GraphQL request');
    const internal = new InternalError();
    return {
      message: internal.message,
      locations: formatted.locations,
      path: formatted.path,
      extensions: withStack({ ...internal.extensions }),
    };
  };
}

export const formatError = createFormatError();
