// One step of a walk through the graph: a mutation by convention `name(input: $input)` that returns the changed
// aggregate (a ticket, an appraisal…), whose id and version the next step sends back.
import type { GraphClient } from './graph-client';

export type Step = { id: string; version: number; status: string };

/**
 * Runs `mutation(input: $input)` as `client` and returns the aggregate's id, version and status (and `fields`, for
 * a caller that reads more of the answer). The input type is `<Mutation>Input` unless `inputType` names it.
 */
export async function change(
  client: GraphClient,
  mutation: string,
  input: Record<string, unknown>,
  options: { inputType?: string; fields?: string } = {},
): Promise<Step> {
  const type = options.inputType ?? `${mutation[0].toUpperCase()}${mutation.slice(1)}Input`;
  const reply = await client.data<{ result: Step }>(
    `mutation ($input: ${type}!) { result: ${mutation}(input: $input) { id version status ${options.fields ?? ''} } }`,
    { input },
  );
  return reply.result;
}
