import { composeServices } from '@apollo/composition';
import { parse } from 'graphql';
import { buildWidgetSchema } from '../testing/widget-subgraph.fixture';
import { printSubgraphSdl } from './build-federated-schema';

// A second subgraph that contributes a field to Widget and has its own list (PageInfo again).
const reviewsSdl = `
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key", "@shareable"])
  type Widget @key(fields: "id") { id: ID! reviewCount: Int! }
  type Review { id: ID! }
  type ReviewEdge @shareable { cursor: String! node: Review! }
  type ReviewConnection @shareable { edges: [ReviewEdge!]! pageInfo: PageInfo! totalCount: Int! }
  type PageInfo @shareable { hasNextPage: Boolean! endCursor: String }
  type Query { reviews: ReviewConnection! }
`;

describe('printSubgraphSdl', () => {
  it('prints a federation 2 subgraph that composes with another one', async () => {
    const sdl = printSubgraphSdl(await buildWidgetSchema());
    expect(sdl).toContain('@link(url: "https://specs.apollo.dev/federation/v2.7"');
    expect(sdl).toMatch(/type Widget\s+@key\(fields: "id"\)/);
    expect(sdl).not.toContain('_entities');

    const result = composeServices([
      { name: 'widgets', url: 'http://widgets/graphql', typeDefs: parse(sdl) },
      { name: 'reviews', url: 'http://reviews/graphql', typeDefs: parse(reviewsSdl) },
    ]);
    expect(result.errors).toBeUndefined();
    expect(result.supergraphSdl).toContain('join__type(graph: WIDGETS, key: "id")');
    expect(result.supergraphSdl).toContain('reviewCount: Int!');
    expect(result.supergraphSdl).toContain('scalar DateTime');
  });
});
