import { Connection } from '@opsgraph/graphql-kit';
import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';

@Directive('@key(fields: "id")')
@ObjectType({ description: 'A kpi of the kpi subgraph' })
export class Kpi {
  @Field(() => ID)
  id: string;

  @Field({ description: 'What it is called' })
  title: string;

  @Field(() => Int, { description: 'Counts its changes: a change names the version it was made against' })
  version: number;

  @Field({ description: 'When it was created' })
  createdAt: Date;
}

/** `KpiConnection` and `KpiEdge`, created when the module loads (before the schema is built). */
export const KpiConnection = Connection(Kpi);
