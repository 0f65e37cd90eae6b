import { Directive, Field, Int, ObjectType, type ClassType } from 'type-graphql';
import { PageInfo } from './page-info';

export interface Edge<T> {
  cursor: string;
  node: T;
}

export interface ConnectionShape<T> {
  edges: Edge<T>[];
  pageInfo: PageInfo;
  totalCount: number;
}

const connections = new Map<string, ClassType<ConnectionShape<unknown>>>();

/**
 * `XConnection { edges { cursor node } pageInfo totalCount }` and `XEdge` for a node class, created once per
 * name (type-graphql would register a second call as a duplicate type):
 * `@Query(() => Connection(Widget)) widgets(): Promise<ConnectionShape<Widget>>`.
 * Marked @shareable so that two subgraphs may both expose a list of the same entity.
 */
export function Connection<T extends object>(
  NodeClass: ClassType<T>,
  name: string = NodeClass.name,
): ClassType<ConnectionShape<T>> {
  const existing = connections.get(name);
  if (existing) return existing as ClassType<ConnectionShape<T>>;

  @Directive('@shareable')
  @ObjectType(`${name}Edge`, { description: `One ${name} of a page, with its cursor` })
  class EdgeType implements Edge<T> {
    @Field({
      description: 'Opaque position of this node: pass it as `after` to read the nodes that follow it',
    })
    cursor: string;

    @Field(() => NodeClass, { description: `The ${name}` })
    node: T;
  }

  @Directive('@shareable')
  @ObjectType(`${name}Connection`, { description: `A page of ${name} results (cursor pagination)` })
  class ConnectionType implements ConnectionShape<T> {
    @Field(() => [EdgeType], { description: 'The page, in the order of the list' })
    edges: EdgeType[];

    @Field(() => PageInfo, { description: 'Whether more follow, and the cursor to continue from' })
    pageInfo: PageInfo;

    @Field(() => Int, { description: 'How many match the filter in all (not only this page)' })
    totalCount: number;
  }

  connections.set(name, ConnectionType);
  return ConnectionType;
}
