// Deliberately broken inputs for the public-schema guards' own tests: each guard must fail on them.

/** A one-subgraph supergraph-like ownership source for fixture schemas. */
export const FIXTURE_SUPERGRAPH = `
enum join__Graph { ALPHA @join__graph(name: "alpha", url: "http://alpha") }
type Query @join__type(graph: ALPHA) { widget(id: ID!): Widget widgets(filter: WidgetFilter): [Widget!]! }
type Widget @join__type(graph: ALPHA) { id: ID! name: String! size: WidgetSize! }
enum WidgetSize @join__type(graph: ALPHA) { SMALL LARGE }
input WidgetFilter @join__type(graph: ALPHA) { size: WidgetSize }
scalar Colour @join__type(graph: ALPHA)
`;

/** Every kind of public element, each with a description. */
export const DOCUMENTED = `
"""Entry points"""
type Query {
  """One widget"""
  widget("""Its id""" id: ID!): Widget
  """Widgets matching a filter"""
  widgets("""Which widgets""" filter: WidgetFilter): [Widget!]!
}
"""A widget"""
type Widget {
  """Its id"""
  id: ID!
  """Its name"""
  name: String!
  """How big it is"""
  size: WidgetSize!
}
"""How big a widget is"""
enum WidgetSize {
  """Fits in a hand"""
  SMALL
  """Needs two hands"""
  LARGE
}
"""Which widgets to list"""
input WidgetFilter {
  """Only widgets of this size"""
  size: WidgetSize
}
"""A colour as #rrggbb"""
scalar Colour
`;

/**
 * One undocumented element of each kind: a field (`Widget.name`), an argument (`widget(id:)`), an enum value
 * (`WidgetSize.LARGE`), an input field (`WidgetFilter.size`) and a scalar (`Colour`).
 */
export const UNDOCUMENTED = DOCUMENTED.replace('"""Its name"""', '')
  .replace('"""Its id""" id: ID!', 'id: ID!')
  .replace('"""Needs two hands"""', '')
  .replace('"""Only widgets of this size"""', '')
  .replace('"""A colour as #rrggbb"""', '');

/** `Widget.name` removed and `widget(id:)` became `widget(id: Int!)`: both break clients. */
export const BROKEN = DOCUMENTED.replace(/"""Its name"""\s*name: String!/, '').replace(
  'id: ID!): Widget',
  'id: Int!): Widget',
);
