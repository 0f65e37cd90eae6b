import { Max, Min } from 'class-validator';
import { ArgsType, Field, Int } from 'type-graphql';
import { BadUserInputError } from '../errors/errors';
import { decodeCursor, type CursorValues } from './cursor';

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

/** `first`/`after` for any list; extend it with `filter` and `orderBy` in the subgraph's own @ArgsType. */
@ArgsType()
export class ConnectionArgs {
  @Field(() => Int, { defaultValue: DEFAULT_PAGE_SIZE, description: `Page size, at most ${MAX_PAGE_SIZE}` })
  @Min(0)
  @Max(MAX_PAGE_SIZE)
  first: number;

  @Field(() => String, { nullable: true, description: 'Opaque cursor: endCursor of the previous page' })
  after?: string | null;
}

export interface PageRequest {
  first: number;
  after: CursorValues | null;
}

/**
 * Checked page request (also for schemas built without validation): the size, and the decoded keyset
 * to continue after. Repositories fetch `first + 1` rows and hand them to `toConnection`.
 */
export function pageRequest(args: { first?: number | null; after?: string | null }): PageRequest {
  const first = args.first ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(first) || first < 0 || first > MAX_PAGE_SIZE) {
    throw new BadUserInputError(`first must be between 0 and ${MAX_PAGE_SIZE}`, 'first');
  }
  return { first, after: args.after ? decodeCursor(args.after, 'after') : null };
}
