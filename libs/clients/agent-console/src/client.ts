// A minimal typed GraphQL client for the agent console: every operation is a generated TypedDocumentNode, sent by
// its persisted hash only (what a gateway in trusted-documents mode runs). Against a gateway without the list
// (development: automatic persisted queries), the first PERSISTED_QUERY_NOT_FOUND is answered by sending the
// listed text once with the same hash, which registers it.
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import persistedDocuments from './gql/persisted-documents.json';

export interface GraphQLErrorBody {
  message: string;
  path?: (string | number)[];
  extensions?: { code?: string; [key: string]: unknown };
}

export class GraphQLRequestError extends Error {
  constructor(
    readonly status: number,
    readonly errors: GraphQLErrorBody[],
  ) {
    super(errors.map((error) => `${error.extensions?.code ?? 'ERROR'}: ${error.message}`).join('; '));
    this.name = 'GraphQLRequestError';
  }

  get codes(): string[] {
    return this.errors.map((error) => error.extensions?.code ?? 'UNKNOWN');
  }
}

export interface ClientOptions {
  url: string;
  token: string;
  /** Sent as `apollographql-client-name` / `-version` (Apollo's client awareness headers). */
  clientName?: string;
  clientVersion?: string;
}

type Meta = { __meta__?: { hash?: string } };
const manifest = persistedDocuments as Record<string, string>;

/** The generated document's persisted hash (`sha256:<hex>`) and the operation text listed for it. */
function persisted(document: TypedDocumentNode<unknown, unknown>): { hash: string; text: string } {
  const key = (document as Meta).__meta__?.hash;
  const text = key === undefined ? undefined : manifest[key];
  if (key === undefined || text === undefined)
    throw new Error('not a generated persisted document (run codegen)');
  return { hash: key.replace(/^sha256:/, ''), text };
}

export interface AgentConsoleClient {
  request<Result, Variables>(
    document: TypedDocumentNode<Result, Variables>,
    variables: Variables,
  ): Promise<Result>;
}

export function createClient(options: ClientOptions): AgentConsoleClient {
  const headers = {
    'content-type': 'application/json',
    authorization: `Bearer ${options.token}`,
    'apollographql-client-name': options.clientName ?? 'agent-console',
    'apollographql-client-version': options.clientVersion ?? '0.1.0',
  };
  const send = async (body: Record<string, unknown>) => {
    const response = await fetch(options.url, { method: 'POST', headers, body: JSON.stringify(body) });
    const reply = (await response.json()) as { data?: unknown; errors?: GraphQLErrorBody[] };
    return { status: response.status, reply };
  };
  return {
    async request(document, variables) {
      const { hash, text } = persisted(document as TypedDocumentNode<unknown, unknown>);
      const extensions = { persistedQuery: { version: 1, sha256Hash: hash } };
      let { status, reply } = await send({ variables, extensions });
      if (reply.errors?.some((error) => error.extensions?.code === 'PERSISTED_QUERY_NOT_FOUND')) {
        ({ status, reply } = await send({ query: text, variables, extensions }));
      }
      if (reply.errors?.length || reply.data == null)
        throw new GraphQLRequestError(status, reply.errors ?? []);
      return reply.data as never;
    },
  };
}
