// The agent console's flows as typed functions: a UI (or a test) calls these and gets the generated result types.
import type { AgentConsoleClient } from './client';
import {
  AcknowledgeTicketDocument,
  AgentQueueDocument,
  AssignTicketDocument,
  CustomerByCodeDocument,
  OpenTicketDocument,
  ResolveTicketDocument,
  StartTicketWorkDocument,
  TicketPageDocument,
  type AgentQueueQueryVariables,
  type AssignTicketInput,
  type OpenTicketInput,
  type TicketSummaryFragment,
} from './gql/graphql';

type Versioned = Pick<TicketSummaryFragment, 'id' | 'version'>;

export function agentConsole(client: AgentConsoleClient) {
  return {
    queue: async (variables: AgentQueueQueryVariables) =>
      (await client.request(AgentQueueDocument, variables)).tickets,
    ticket: async (id: string) => (await client.request(TicketPageDocument, { id })).ticket,
    findCustomer: async (code: string) =>
      (await client.request(CustomerByCodeDocument, { code })).customerByCode,
    open: async (input: OpenTicketInput) => (await client.request(OpenTicketDocument, { input })).openTicket,
    assign: async (ticket: Versioned, input: Omit<AssignTicketInput, 'ticketId' | 'expectedVersion'>) =>
      (
        await client.request(AssignTicketDocument, {
          input: { ...input, ticketId: ticket.id, expectedVersion: ticket.version },
        })
      ).assignTicket,
    acknowledge: async (ticket: Versioned) =>
      (
        await client.request(AcknowledgeTicketDocument, {
          input: { ticketId: ticket.id, expectedVersion: ticket.version },
        })
      ).acknowledgeTicket,
    startWork: async (ticket: Versioned) =>
      (
        await client.request(StartTicketWorkDocument, {
          input: { ticketId: ticket.id, expectedVersion: ticket.version },
        })
      ).startTicketWork,
    resolve: async (ticket: Versioned, resolutionSummary: string) =>
      (
        await client.request(ResolveTicketDocument, {
          input: { ticketId: ticket.id, expectedVersion: ticket.version, resolutionSummary },
        })
      ).resolveTicket,
  };
}

export type AgentConsole = ReturnType<typeof agentConsole>;
