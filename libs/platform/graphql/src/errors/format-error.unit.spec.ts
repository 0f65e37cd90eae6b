import { ValidationError } from 'class-validator';
import { GraphQLError, locatedError, type GraphQLFormattedError } from 'graphql';
import { Writable } from 'node:stream';
import { createLogger } from '@opsgraph/observability';
import { ArgumentValidationError, AuthorizationError } from 'type-graphql';
import {
  BadUserInputError,
  ConflictError,
  ForbiddenError,
  InvalidTransitionError,
  NotFoundError,
  UnauthenticatedError,
} from './errors';
import { createFormatError } from './format-error';

/** What graphql-js + Apollo hand to formatError for an error thrown by a resolver at `path`. */
function fromResolver(thrown: unknown, path = ['ticket']): [GraphQLFormattedError, unknown] {
  const error = locatedError(thrown, undefined, path);
  const code = thrown instanceof GraphQLError ? thrown.extensions.code : 'INTERNAL_SERVER_ERROR';
  return [{ ...error.toJSON(), extensions: { code, stacktrace: ['Error: x', '    at secret.ts:1'] } }, error];
}

function capturingLogger() {
  const lines: Record<string, unknown>[] = [];
  const destination = new Writable({
    write(chunk, _encoding, done) {
      lines.push(JSON.parse(chunk.toString()));
      done();
    },
  });
  return { lines, logger: createLogger({ service: 'test', level: 'error', destination }) };
}

describe('errors', () => {
  it('carry the shared codes and their details', () => {
    expect(new BadUserInputError('too short', 'input.title').extensions).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'input.title',
    });
    expect(new NotFoundError('Ticket', 't1')).toMatchObject({
      message: 'Ticket t1 not found',
      extensions: { code: 'NOT_FOUND' },
    });
    expect(new ForbiddenError().extensions.code).toBe('FORBIDDEN');
    expect(new UnauthenticatedError().extensions.code).toBe('UNAUTHENTICATED');
    expect(new ConflictError('stale', { expectedVersion: 3, actualVersion: 4 }).extensions).toEqual({
      code: 'CONFLICT',
      expectedVersion: 3,
      actualVersion: 4,
    });
    expect(new InvalidTransitionError('closed tickets cannot be assigned', 'CLOSED').extensions).toEqual({
      code: 'INVALID_TRANSITION',
      currentState: 'CLOSED',
    });
  });
});

describe('formatError', () => {
  const format = createFormatError({
    logger: createLogger({ service: 'test', level: 'silent' }),
    includeStacktrace: false,
  });

  it('passes our errors through without a stack trace', () => {
    const result = format(...fromResolver(new InvalidTransitionError('no', 'CLOSED')));
    expect(result).toEqual({
      message: 'no',
      locations: undefined,
      path: ['ticket'],
      extensions: { code: 'INVALID_TRANSITION', currentState: 'CLOSED' },
    });
  });

  it('maps class-validator violations to BAD_USER_INPUT with the property path', () => {
    const child = Object.assign(new ValidationError(), {
      property: 'title',
      constraints: { isLength: 'title must be longer than or equal to 3 characters' },
    });
    const parent = Object.assign(new ValidationError(), { property: 'details', children: [child] });
    const result = format(...fromResolver(new ArgumentValidationError([parent])));
    expect(result.message).toBe('title must be longer than or equal to 3 characters');
    expect(result.extensions).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'details.title',
      violations: [{ field: 'details.title', message: 'title must be longer than or equal to 3 characters' }],
    });
  });

  it("maps type-graphql's UNAUTHORIZED to FORBIDDEN", () => {
    expect(format(...fromResolver(new AuthorizationError())).extensions).toEqual({ code: 'FORBIDDEN' });
  });

  it("keeps Apollo's request-level codes", () => {
    const validation = new GraphQLError('Cannot query field "nope" on type "Query".', {
      extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
    });
    const formatted = {
      ...validation.toJSON(),
      extensions: { code: 'GRAPHQL_VALIDATION_FAILED', stacktrace: ['x'] },
    };
    expect(format(formatted, validation)).toEqual({
      message: validation.message,
      extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
    });
    const coercion = new GraphQLError('Variable "$status" got invalid value "OPENED"', {
      extensions: { code: 'BAD_USER_INPUT' },
    });
    expect(format(coercion.toJSON(), coercion).extensions).toEqual({ code: 'BAD_USER_INPUT' });
  });

  it('hides anything else as INTERNAL and logs it with the stack', () => {
    const { lines, logger } = capturingLogger();
    const result = createFormatError({ logger, includeStacktrace: false })(
      ...fromResolver(new Error('connection to 10.0.0.5 refused')),
    );
    expect(result).toEqual({
      message: 'Internal server error',
      locations: undefined,
      path: ['ticket'],
      extensions: { code: 'INTERNAL' },
    });
    expect(JSON.stringify(result)).not.toContain('10.0.0.5');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({
      level: 'error',
      path: ['ticket'],
      err: { message: 'connection to 10.0.0.5 refused' },
    });
    expect((lines[0].err as { stack: string }).stack).toContain('format-error.unit.spec.ts');
  });

  it('treats a GraphQLError with a foreign code as INTERNAL', () => {
    const result = format(...fromResolver(new GraphQLError('x', { extensions: { code: 'SOMETHING_ELSE' } })));
    expect(result.extensions).toEqual({ code: 'INTERNAL' });
  });

  it('keeps the stack trace only when asked (NODE_ENV=development)', () => {
    const withStack = createFormatError({
      includeStacktrace: true,
      logger: createLogger({ service: 't', level: 'silent' }),
    });
    expect(withStack(...fromResolver(new ForbiddenError())).extensions?.stacktrace).toBeDefined();
    expect(format(...fromResolver(new ForbiddenError())).extensions?.stacktrace).toBeUndefined();
  });
});
