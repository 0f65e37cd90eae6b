export interface GraphQLReply<T = Record<string, unknown>> {
  status: number;
  headers: Headers;
  body: {
    data?: T | null;
    errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[];
  };
}

/** POST a GraphQL operation (or any JSON body) to a gateway; never throws on HTTP errors. */
export async function post<T = Record<string, unknown>>(
  url: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<GraphQLReply<T>> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await response.text();
  let parsed: GraphQLReply<T>['body'];
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = { errors: [{ message: text }] };
  }
  return { status: response.status, headers: response.headers, body: parsed };
}

export function codes(reply: GraphQLReply<unknown>): unknown[] {
  return (reply.body.errors ?? []).map((error) => error.extensions?.code);
}
