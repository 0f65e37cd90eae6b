import { composeServices } from '@apollo/composition';
import { parse } from 'graphql';

export interface SubgraphSdl {
  name: string;
  url: string;
  sdl: string;
}

export class CompositionError extends Error {
  override name = 'CompositionError';
  constructor(readonly messages: string[]) {
    super(`composition failed:\n${messages.map((message) => `  - ${message}`).join('\n')}`);
  }
}

/** Subgraph SDLs → supergraph SDL (federation 2, @apollo/composition); throws CompositionError with every message. */
export function composeSupergraph(subgraphs: SubgraphSdl[]): string {
  const parsed = subgraphs.map(({ name, url, sdl }) => {
    try {
      return { name, url, typeDefs: parse(sdl) };
    } catch (error) {
      throw new CompositionError([`${name}: SDL does not parse: ${(error as Error).message}`]);
    }
  });
  const result = composeServices(parsed);
  if (result.errors) throw new CompositionError(result.errors.map((error) => error.message));
  return result.supergraphSdl.endsWith('\n') ? result.supergraphSdl : `${result.supergraphSdl}\n`;
}

const JOIN_GRAPH = /@join__graph\(name:\s*"([^"]+)",\s*url:\s*"([^"]*)"\)/g;

/** The subgraphs (name, URL) a supergraph was composed from. */
export function subgraphsOf(supergraphSdl: string): { name: string; url: string }[] {
  return [...supergraphSdl.matchAll(JOIN_GRAPH)].map((match) => ({ name: match[1], url: match[2] }));
}
