// Mutations that take one `input` and hand it, with the request's metadata, to a use-case: declared as a table
// (GraphQL field → use-case and input class) instead of one hand-written resolver method each.
import type { RequestMeta } from '@opsgraph/domain';
import { Arg, Authorized, Ctx, Mutation, Resolver, type ClassType } from 'type-graphql';
import { metaOf } from '../write/request-meta';

type InputClass = abstract new (...args: never[]) => object;
type UseCase = (meta: RequestMeta, input: never) => Promise<unknown>;

/** The names of the methods of `S` that are use-cases: `(meta, input) => Promise<…>`. */
type UseCaseName<S> = { [K in keyof S]: S[K] extends UseCase ? K : never }[keyof S] & string;

export interface UseCaseMutation<S> {
  /** The method of the service that does the work. */
  useCase: UseCaseName<S>;
  /** The mutation's `input` argument (an @InputType class the use-case accepts). */
  input: InputClass;
  description?: string;
  /** Only callers with one of these roles may call it (type-graphql `@Authorized`); omitted: any caller. */
  roles?: readonly string[];
}

/** `Spec` when its use-case accepts its input class; otherwise a type no table entry can have. */
type Accepted<S, Spec> = Spec extends { useCase: infer U; input: abstract new (...args: never[]) => infer I }
  ? U extends keyof S
    ? S[U] extends (meta: RequestMeta, input: infer Accepts) => Promise<unknown>
      ? [I] extends [Accepts]
        ? Spec
        : { useCase: never }
      : never
    : never
  : never;

const INPUT_DESCRIPTION = 'The change; refused input writes nothing (BAD_USER_INPUT names the field)';

/** The public schema's description of a mutation its table entry does not describe: who may call it. */
const whoMay = (roles: readonly string[] | undefined) =>
  roles ? `Allowed for ${roles.join(', ')}` : 'Allowed for any signed-in caller the rules permit';

/**
 * A resolver class with one mutation per entry of `mutations`: `field(input: Input!): Returns!`, answered by
 * `services(ctx)[useCase](metaOf(ctx), input)`. The fields are added in the table's order (the SDL's order).
 */
export function useCaseMutations<C extends RequestMeta, S, Table extends Record<string, UseCaseMutation<S>>>(
  returns: () => ClassType,
  services: (ctx: C) => S,
  mutations: Table & { [K in keyof Table]: Accepted<S, Table[K]> },
): ClassType {
  @Resolver()
  class UseCaseMutations {}
  const prototype = UseCaseMutations.prototype as unknown as Record<string, unknown>;
  for (const [field, { useCase, input, description, roles }] of Object.entries<UseCaseMutation<S>>(
    mutations,
  )) {
    prototype[field] = function (payload: object, ctx: C): Promise<unknown> {
      const service = services(ctx);
      return (service[useCase] as (meta: RequestMeta, input: object) => Promise<unknown>).call(
        service,
        metaOf(ctx),
        payload,
      );
    };
    Arg('input', () => input, { description: INPUT_DESCRIPTION })(prototype, field, 0);
    Ctx()(prototype, field, 1);
    const method = Object.getOwnPropertyDescriptor(prototype, field)!;
    if (roles) Authorized(...roles)(prototype, field, method);
    Mutation(returns, { description: description ?? whoMay(roles) })(prototype, field, method);
  }
  return UseCaseMutations;
}
