// The graph of assets, thin: each field asks the use-case and shapes the answer.
import { ConnectionArgs, pageRequest, toConnection, type ConnectionShape } from '@opsgraph/graphql-kit';
import { metaOf } from '@opsgraph/service-kit';
import { Arg, Args, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { AssetContext } from '../subgraph';
import { CreateAssetInput } from './asset.inputs';
import { cursorOf } from './asset.repository';
import type { AssetRecord } from './asset.rules';
import { Asset, AssetConnection } from './asset.type';

@Resolver(() => Asset)
export class AssetResolver {
  @Query(() => Asset, { nullable: true, description: 'One asset; null when there is none' })
  asset(@Arg('id', () => ID) id: string, @Ctx() ctx: AssetContext): Promise<AssetRecord | null> {
    return ctx.services.assets.byId(ctx.caller, id);
  }

  @Query(() => AssetConnection, { description: 'Assets, newest first' })
  async assets(
    @Args() args: ConnectionArgs,
    @Ctx() ctx: AssetContext,
  ): Promise<ConnectionShape<AssetRecord>> {
    const request = pageRequest(args);
    const { rows, total } = await ctx.services.assets.page(ctx.caller, request);
    return toConnection(rows, request.first, cursorOf, total);
  }

  @Mutation(() => Asset, { description: 'Creates a asset and publishes asset.created' })
  createAsset(@Arg('input') input: CreateAssetInput, @Ctx() ctx: AssetContext): Promise<AssetRecord> {
    return ctx.services.assets.create(input, metaOf(ctx));
  }
}
