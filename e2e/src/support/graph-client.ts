// A small GraphQL-over-HTTP client for the e2e tests and the seed (no test framework inside).

export interface GraphQLErrorShape {
  message: string;
  path?: (string | number)[];
  extensions?: { code?: string; [key: string]: unknown };
}

export interface GraphReply<T> {
  status: number;
  data?: T | null;
  errors?: GraphQLErrorShape[];
}

export class GraphError extends Error {
  constructor(
    readonly reply: GraphReply<unknown>,
    operation: string,
  ) {
    super(
      `${operation.replace(/\s+/g, ' ').slice(0, 80)}… → HTTP ${reply.status}: ${(reply.errors ?? [])
        .map((error) => `${error.extensions?.code ?? '?'} ${error.message}`)
        .join('; ')}`,
    );
  }

  get codes(): (string | undefined)[] {
    return (this.reply.errors ?? []).map((error) => error.extensions?.code);
  }
}

export interface GraphClient {
  /** The whole reply, errors included. */
  request<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    headers?: Record<string, string>,
  ): Promise<GraphReply<T>>;
  /** The data, or a GraphError when there are errors. */
  data<T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>): Promise<T>;
}

export function graphClient(url: string, token?: string): GraphClient {
  const request: GraphClient['request'] = async (query, variables, headers = {}) => {
    const response = await fetch(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...headers,
      },
      body: JSON.stringify({ query, variables }),
    });
    const text = await response.text();
    try {
      const body = JSON.parse(text) as { data?: never; errors?: GraphQLErrorShape[] };
      return { status: response.status, data: body.data, errors: body.errors };
    } catch {
      return { status: response.status, errors: [{ message: text.slice(0, 500) }] };
    }
  };
  return {
    request,
    async data(query, variables) {
      const reply = await request(query, variables);
      if (reply.errors?.length || !reply.data) throw new GraphError(reply, query);
      return reply.data as never;
    },
  };
}
