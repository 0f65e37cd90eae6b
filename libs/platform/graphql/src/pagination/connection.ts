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
  @ObjectType(`${name}Edge`)
  class EdgeType implements Edge<T> {
    @Field()
    cursor: string;

    @Field(() => NodeClass)
    node: T;
  }

  @Directive('@shareable')
  @ObjectType(`${name}Connection`)
  class ConnectionType implements ConnectionShape<T> {
    @Field(() => [EdgeType])
    edges: EdgeType[];

    @Field(() => PageInfo)
    pageInfo: PageInfo;

    @Field(() => Int)
    totalCount: number;
  }

  connections.set(name, ConnectionType);
  return ConnectionType;
}
