import type { RequestMeta } from '@opsgraph/domain';
import { buildFederatedSchema, ExpectedVersion } from '@opsgraph/graphql-kit';
import { graphql, printSchema } from 'graphql';
import { Field, ID, InputType, ObjectType, Query, Resolver } from 'type-graphql';
import { useCaseMutations } from './use-case-mutations';

@ObjectType()
class Gadget {
  @Field(() => ID)
  id: string;

  @Field()
  label: string;
}

@InputType()
class RenameGadgetInput {
  @Field(() => ID)
  id: string;

  @ExpectedVersion()
  expectedVersion: number;

  @Field()
  label: string;
}

@InputType()
class RemoveGadgetInput {
  @Field(() => ID)
  id: string;
}

class GadgetService {
  readonly calls: { useCase: string; meta: RequestMeta; input: object }[] = [];

  async rename(meta: RequestMeta, input: RenameGadgetInput): Promise<Gadget> {
    this.calls.push({ useCase: 'rename', meta, input });
    return { id: input.id, label: input.label };
  }

  async remove(meta: RequestMeta, input: RemoveGadgetInput): Promise<Gadget> {
    this.calls.push({ useCase: 'remove', meta, input });
    return { id: input.id, label: 'gone' };
  }
}

type GadgetContext = RequestMeta & { services: { gadgets: GadgetService } };

const GadgetMutations = useCaseMutations(
  () => Gadget,
  (ctx: GadgetContext) => ctx.services.gadgets,
  {
    renameGadget: { useCase: 'rename', input: RenameGadgetInput, description: 'Managers only' },
    removeGadget: { useCase: 'remove', input: RemoveGadgetInput, roles: ['ADMIN'] },
  },
);

useCaseMutations(
  () => Gadget,
  (ctx: GadgetContext) => ctx.services.gadgets,
  {
    // @ts-expect-error rename does not accept a RemoveGadgetInput (the table is type-checked entry by entry)
    renameWithTheWrongInput: { useCase: 'rename', input: RemoveGadgetInput },
  },
);

@Resolver()
class GadgetQueries {
  @Query(() => String)
  ping(): string {
    return 'pong';
  }
}

const ID_1 = '0b6f3c1e-8a4d-4c8e-9f57-2f1d4b6a9c01';

describe('useCaseMutations', () => {
  let schema: Awaited<ReturnType<typeof buildFederatedSchema>>;
  beforeAll(async () => {
    schema = await buildFederatedSchema({ resolvers: [GadgetQueries, GadgetMutations] });
  });

  it('declares one mutation per entry, in the table order, with its input, return type and description (else: who may call it)', () => {
    const sdl = printSchema(schema);
    const mutations = schema.getMutationType()!.getFields();
    expect(
      Object.values(mutations).map((field) => ({
        name: field.name,
        description: field.description,
        args: field.args.map((arg) => `${arg.name}: ${String(arg.type)} (${arg.description})`),
        type: String(field.type),
      })),
    ).toEqual([
      {
        name: 'renameGadget',
        description: 'Managers only',
        args: [
          'input: RenameGadgetInput! (The change; refused input writes nothing (BAD_USER_INPUT names the field))',
        ],
        type: 'Gadget!',
      },
      {
        name: 'removeGadget',
        description: 'Allowed for ADMIN',
        args: [
          'input: RemoveGadgetInput! (The change; refused input writes nothing (BAD_USER_INPUT names the field))',
        ],
        type: 'Gadget!',
      },
    ]);
    expect(sdl).toContain(
      'input RenameGadgetInput {\n  id: ID!\n\n  """The version the client last saw; a stale one is a CONFLICT"""\n  expectedVersion: Int!\n  label: String!\n}',
    );
  });

  it("hands the input and the request's metadata to the entry's use-case", async () => {
    const gadgets = new GadgetService();
    const caller = { userId: 'user-1', role: 'ADMIN' } as unknown as RequestMeta['caller'];
    const result = await graphql({
      schema,
      source: `mutation { renameGadget(input: { id: "${ID_1}", expectedVersion: 2, label: "new" }) { id label } }`,
      contextValue: { caller, correlationId: 'corr-1', services: { gadgets } },
    });
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({ renameGadget: { id: ID_1, label: 'new' } });
    expect(gadgets.calls).toEqual([
      {
        useCase: 'rename',
        meta: { caller, correlationId: 'corr-1' },
        input: expect.objectContaining({ id: ID_1, expectedVersion: 2, label: 'new' }),
      },
    ]);
  });

  it('refuses an expectedVersion below 1 before the use-case runs (@ExpectedVersion)', async () => {
    const gadgets = new GadgetService();
    const result = await graphql({
      schema,
      source: `mutation { renameGadget(input: { id: "${ID_1}", expectedVersion: 0, label: "new" }) { id } }`,
      contextValue: { caller: null, correlationId: 'corr-2', services: { gadgets } },
    });
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(gadgets.calls).toEqual([]);
  });

  it("lets only the entry's roles call it (@Authorized), before the use-case runs", async () => {
    const gadgets = new GadgetService();
    const call = (role: string) =>
      graphql({
        schema,
        source: `mutation { removeGadget(input: { id: "${ID_1}" }) { id } }`,
        contextValue: { caller: { userId: 'user-1', role }, correlationId: 'corr-3', services: { gadgets } },
      });
    expect((await call('AGENT')).errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN' });
    expect(gadgets.calls).toEqual([]);
    expect((await call('ADMIN')).errors).toBeUndefined();
    expect(gadgets.calls.map((entry) => entry.useCase)).toEqual(['remove']);
  });
});
