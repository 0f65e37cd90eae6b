// FAULT tickets about unknown assets in the graph, thin.
import {
  cursorKeys,
  pageRequest,
  toConnection,
  ConnectionArgs,
  type ConnectionShape,
} from '@opsgraph/graphql-kit';
import { useCaseMutations } from '@opsgraph/service-kit';
import { Args, Ctx, Query, Resolver } from 'type-graphql';
import type { AssetContext, AssetServices } from '../subgraph';
import { AssetFault } from './fault.type';
import type { UnmatchedTicketRecord } from './unmatched-ticket.repository';
import {
  AttachFaultTicketInput,
  DismissFaultTicketInput,
  UnmatchedFaultTicket,
  UnmatchedFaultTicketConnection,
} from './unmatched-ticket.type';

@Resolver()
export class UnmatchedFaultTicketsResolver {
  @Query(() => UnmatchedFaultTicketConnection, {
    description:
      'FAULT tickets naming an asset the ledger does not know, newest first (not the dismissed ones)',
  })
  async unmatchedFaultTickets(
    @Args() args: ConnectionArgs,
    @Ctx() ctx: AssetContext,
  ): Promise<ConnectionShape<UnmatchedTicketRecord>> {
    const request = pageRequest(args);
    const keys = cursorKeys(request.after, ['timestamp', 'uuid'] as const);
    const after = keys && { receivedAt: keys[0], ticketId: keys[1] };
    const { rows, total } = await ctx.services.unmatchedTickets.page(ctx.caller, request.first + 1, after);
    return toConnection(rows, request.first, (row) => [row.receivedAt.toISOString(), row.ticketId], total);
  }
}

const services = (ctx: AssetContext): AssetServices['unmatchedTickets'] => ctx.services.unmatchedTickets;

export const AttachFaultTicketMutations = useCaseMutations(() => AssetFault, services, {
  attachFaultTicket: {
    useCase: 'attach',
    input: AttachFaultTicketInput,
    description:
      'Records an unmatched FAULT ticket as a fault of the asset it is about; publishes asset.fault_reported',
  },
});

export const DismissFaultTicketMutations = useCaseMutations(() => UnmatchedFaultTicket, services, {
  dismissFaultTicket: {
    useCase: 'dismiss',
    input: DismissFaultTicketInput,
    description: 'Takes an unmatched FAULT ticket off the list for good (audited with the reason)',
  },
});
