import type { Logger } from '@opsgraph/observability';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { QueryLimitError, tokenLimitOf } from './limits/query-limits';
import { countError } from './metrics';

/** A GraphQL error body the gateway writes itself (401, 413, malformed JSON), before Apollo Server is involved. */
export function errorBody(message: string, code: string, extensions: Record<string, unknown> = {}): string {
  return JSON.stringify({ errors: [{ message, extensions: { code, ...extensions } }] });
}

/** Apollo Server's (uncoded) refusal of a persisted query whose hash is not the sha256 of the query sent with it. */
const HASH_MISMATCH_MESSAGE = 'provided sha does not match query';
export const HASH_MISMATCH = 'PERSISTED_QUERY_HASH_MISMATCH';

function limitError(formatted: GraphQLFormattedError, error: QueryLimitError): GraphQLFormattedError {
  return { message: error.message, locations: formatted.locations, extensions: { ...error.extensions } };
}

/**
 * Apollo Server `formatError` for the gateway. Runs only for errors, so the success path pays nothing.
 * - our query-limit errors get back the code Apollo's ValidationError wrapper replaced (and the token limit, which
 *   graphql reports as a syntax error, gets the same code);
 * - a persisted-query hash mismatch (a client error Apollo leaves uncoded) gets its own code;
 * - subgraph errors keep their codes (the subgraphs already sanitised them);
 * - in production, anything uncoded becomes INTERNAL with a fixed message, and subgraph response bodies are dropped.
 */
export function createFormatError(options: { production: boolean; logger: Logger }) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    let result = formatted;
    const original = error instanceof GraphQLError ? error.originalError : undefined;
    const code = formatted.extensions?.code;
    if (original instanceof QueryLimitError) {
      result = limitError(formatted, original);
    } else if (code === 'GRAPHQL_PARSE_FAILED') {
      const max = tokenLimitOf(formatted.message);
      if (max !== undefined) result = limitError(formatted, new QueryLimitError('tokens', max));
    } else if (
      formatted.message === HASH_MISMATCH_MESSAGE &&
      !formatted.path &&
      (code ?? 'INTERNAL_SERVER_ERROR') === 'INTERNAL_SERVER_ERROR'
    ) {
      result = {
        message: 'The sha256Hash sent does not match the query sent with it',
        extensions: { code: HASH_MISMATCH },
      };
    } else if (code === undefined || code === 'INTERNAL_SERVER_ERROR') {
      options.logger.error(
        { err: original ?? error, path: formatted.path },
        'uncoded error in gateway response',
      );
      if (options.production) {
        result = {
          message: 'Internal server error',
          locations: formatted.locations,
          path: formatted.path,
          extensions: { code: 'INTERNAL' },
        };
      }
    }
    if (options.production && result.extensions && 'response' in result.extensions) {
      const { response: _response, ...extensions } = result.extensions;
      result = { ...result, extensions };
    }
    countError(String(result.extensions?.code ?? 'INTERNAL'));
    return result;
  };
}
