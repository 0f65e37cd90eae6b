// Deliberately broken inputs for the public-schema guards' own tests: each guard must fail on them.

/** A one-subgraph supergraph-like ownership source for fixture schemas. */
export const FIXTURE_SUPERGRAPH = `
enum join__Graph { ALPHA @join__graph(name: "alpha", url: "http://alpha") }
type Query @join__type(graph: ALPHA) { widget(id: ID!): Widget }
type Widget @join__type(graph: ALPHA) { id: ID! name: String! }
`;

export const DOCUMENTED = `
"""Entry points"""
type Query {
  """One widget"""
  widget("""Its id""" id: ID!): Widget
}
"""A widget"""
type Widget {
  """Its id"""
  id: ID!
  """Its name"""
  name: String!
}
`;

/** `Widget.name` lost its description, and the `id` argument never had one. */
export const UNDOCUMENTED = DOCUMENTED.replace('"""Its name"""', '').replace(
  '"""Its id""" id: ID!',
  'id: ID!',
);

/** `Widget.name` removed and `widget(id:)` became `widget(id: Int!)`: both break clients. */
export const BROKEN = DOCUMENTED.replace(/"""Its name"""\s*name: String!/, '').replace(
  'id: ID!): Widget',
  'id: Int!): Widget',
);
