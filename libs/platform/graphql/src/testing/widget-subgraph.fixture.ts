// A small subgraph built only with the kit; the kit's own tests run it. Not exported.
import { ArrayMaxSize, IsInt, Length, Max, Min } from 'class-validator';
import type DataLoader from 'dataloader';
import {
  Arg,
  Args,
  ArgsType,
  Authorized,
  Ctx,
  Directive,
  Field,
  ID,
  InputType,
  Int,
  Mutation,
  ObjectType,
  Query,
  Resolver,
} from 'type-graphql';
import { requireCaller } from '../auth/auth-checker';
import { Role } from '../auth/role';
import { NotFoundError } from '../errors/errors';
import { batchedReference } from '../federation/batched-reference';
import { buildFederatedSchema } from '../federation/build-federated-schema';
import { createLoader } from '../federation/create-loader';
import { Connection, type ConnectionShape } from '../pagination/connection';
import { ConnectionArgs, pageRequest } from '../pagination/connection-args';
import { toConnection } from '../pagination/to-connection';
import type { SubgraphContext } from '../server/context';

@Directive('@key(fields: "id")')
@ObjectType()
export class Widget {
  @Field(() => ID)
  id: string;

  @Field()
  name: string;

  @Field(() => Int)
  size: number;

  @Field()
  createdAt: Date;

  @Field(() => Role)
  ownerRole: Role;
}

export const WidgetConnection = Connection(Widget);

@InputType()
export class CreateWidgetInput {
  @Field()
  @Length(3, 40)
  name: string;

  @Field(() => Int)
  @IsInt()
  @Min(1)
  @Max(10)
  size: number;

  @Field(() => [String], { defaultValue: [] })
  @ArrayMaxSize(3)
  tags: string[];
}

@ArgsType()
export class WidgetsArgs extends ConnectionArgs {
  @Field(() => Int, { nullable: true })
  minSize?: number;
}

export class WidgetRepository {
  readonly batchCalls: string[][] = [];
  private readonly rows: Widget[] = [];

  constructor(seed: number) {
    for (let index = 0; index < seed; index += 1) {
      this.rows.push({
        id: `00000000-0000-4000-8000-${String(index + 1).padStart(12, '0')}`,
        name: `widget ${index + 1}`,
        size: (index % 10) + 1,
        createdAt: new Date(Date.UTC(2024, 0, 1, 0, index)),
        ownerRole: Role.AGENT,
      });
    }
  }

  async findByIds(ids: readonly string[]): Promise<Widget[]> {
    this.batchCalls.push([...ids]);
    return this.rows.filter((row) => ids.includes(row.id));
  }

  /** Keyset page in (createdAt, id) order, `limit` rows after `after`. */
  async page(limit: number, after: unknown[] | null, minSize?: number) {
    const matching = this.rows
      .filter((row) => minSize === undefined || row.size >= minSize)
      .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.id.localeCompare(b.id));
    const start = after
      ? matching.findIndex((row) => [row.createdAt.toISOString(), row.id].join() === after.join()) + 1
      : 0;
    return { rows: matching.slice(start, start + limit), total: matching.length };
  }

  async add(input: CreateWidgetInput, role: Role): Promise<Widget> {
    const widget = {
      id: `00000000-0000-4000-9000-${String(this.rows.length + 1).padStart(12, '0')}`,
      name: input.name,
      size: input.size,
      createdAt: new Date(),
      ownerRole: role,
    };
    this.rows.push(widget);
    return widget;
  }
}

export type WidgetContext = SubgraphContext<{
  repository: WidgetRepository;
  widgetLoader: DataLoader<string, Widget | null>;
}>;

@Resolver(() => Widget)
export class WidgetResolver {
  @Query(() => Widget)
  async widget(@Arg('id', () => ID) id: string, @Ctx() ctx: WidgetContext): Promise<Widget> {
    const widget = await ctx.widgetLoader.load(id);
    if (!widget) throw new NotFoundError('Widget', id);
    return widget;
  }

  @Query(() => WidgetConnection)
  async widgets(@Args() args: WidgetsArgs, @Ctx() ctx: WidgetContext): Promise<ConnectionShape<Widget>> {
    const page = pageRequest(args);
    const { rows, total } = await ctx.repository.page(page.first + 1, page.after, args.minSize);
    return toConnection(rows, page.first, (row) => [row.createdAt.toISOString(), row.id], total);
  }

  @Authorized(Role.ADMIN, Role.OPS_MANAGER)
  @Mutation(() => Widget)
  async createWidget(@Arg('input') input: CreateWidgetInput, @Ctx() ctx: WidgetContext): Promise<Widget> {
    return ctx.repository.add(input, requireCaller(ctx).role);
  }

  @Query(() => String, { description: 'Fails with an unexpected error (tests the INTERNAL mapping).' })
  async explode(): Promise<string> {
    throw new Error('database password is hunter2');
  }
}

export function buildWidgetSchema() {
  return buildFederatedSchema({
    resolvers: [WidgetResolver],
    referenceResolvers: {
      Widget: { __resolveReference: batchedReference((ctx: WidgetContext) => ctx.widgetLoader) },
    },
  });
}

export function widgetContext(repository: WidgetRepository) {
  return {
    repository,
    widgetLoader: createLoader(
      (ids) => repository.findByIds(ids),
      (widget: Widget) => widget.id,
    ),
  };
}
