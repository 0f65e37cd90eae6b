import { graphql, printSchema } from 'graphql';
import { Arg, Field, ID, InputType, Mutation, Query, Resolver } from 'type-graphql';
import { buildFederatedSchema } from '../federation/build-federated-schema';
import { ExpectedVersion, Text } from './decorators';
import { OpaqueId } from './input-hygiene';

@InputType()
class RenameInput {
  @Field(() => ID)
  id: string;

  @Field()
  @Text({ max: 20 })
  name: string;

  @Field(() => [ID], { nullable: true })
  others?: string[] | null;

  @Field(() => ID, { nullable: true })
  @OpaqueId()
  userId?: string | null;

  @ExpectedVersion()
  expectedVersion: number;
}

@Resolver()
class ProbeResolver {
  static calls = 0;

  @Query(() => String)
  thing(@Arg('id', () => ID) id: string): string {
    ProbeResolver.calls++;
    return id;
  }

  @Mutation(() => String)
  rename(@Arg('input') input: RenameInput): string {
    ProbeResolver.calls++;
    return `${input.name}@${input.expectedVersion}`;
  }
}

const ID_1 = '0b6f3c1e-8a4d-4c8e-9f57-2f1d4b6a9c01';

describe('input hygiene', () => {
  let schema: Awaited<ReturnType<typeof buildFederatedSchema>>;
  beforeAll(async () => {
    schema = await buildFederatedSchema({ resolvers: [ProbeResolver] });
  });
  const run = (source: string, variableValues?: Record<string, unknown>) =>
    graphql({ schema, source, variableValues, contextValue: { caller: null } });

  it('accepts UUID ids and clean text', async () => {
    const result = await run(`mutation($i: RenameInput!) { rename(input: $i) }`, {
      i: { id: ID_1, name: 'ok', expectedVersion: 2, others: [ID_1] },
    });
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({ rename: 'ok@2' });
  });

  it('lets an @OpaqueId() field carry any id, but still no NUL', async () => {
    const source = `mutation($i: RenameInput!) { rename(input: $i) }`;
    const ok = await run(source, {
      i: { id: ID_1, name: 'ok', expectedVersion: 1, userId: 'portal-user-1' },
    });
    expect(ok.errors).toBeUndefined();
    const nul = await run(source, { i: { id: ID_1, name: 'ok', expectedVersion: 1, userId: 'a\u0000' } });
    expect(nul.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.userId' });
  });

  it('does not print the opt-out into the SDL', () => {
    expect(printSchema(schema)).not.toMatch(/opsgraphOpaqueId|VersionedInput/);
  });

  const RENAME = `mutation($i: RenameInput!) { rename(input: $i) }`;
  const rename = (patch: Record<string, unknown>) => ({
    i: { id: ID_1, name: 'x', expectedVersion: 1, ...patch },
  });

  it.each([
    ['a bad id argument', `{ thing(id: "not-a-uuid") }`, undefined, 'id'],
    ['a bad id in an input', RENAME, rename({ id: '1' }), 'input.id'],
    ['a bad id in a list', RENAME, rename({ others: [ID_1, 'x'] }), 'input.others.1'],
    ['a NUL in text', RENAME, rename({ name: 'a\u0000b' }), 'input.name'],
    ['blank text', RENAME, rename({ name: '   ' }), 'input.name'],
    ['a version below 1', RENAME, rename({ expectedVersion: 0 }), 'input.expectedVersion'],
  ])(
    'refuses %s with BAD_USER_INPUT naming the field, before the resolver',
    async (_what, source, variables, field) => {
      const before = ProbeResolver.calls;
      const result = await run(source, variables);
      expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
      expect(ProbeResolver.calls).toBe(before);
    },
  );
});
