// The fields this subgraph contributes to other subgraphs' entities: an asset's and a customer's incidents, an
// employee's incident roles. One batched query per request for all parents; empty for callers who may not view
// incidents (as if there were none).
import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { IncidentRecord } from '../incidents/incident.rules';
import { EmployeeIncidentRole, Incident } from '../incidents/incident.type';
import { permissions } from '../permissions';
import type { IncidentContext } from '../subgraph';
import { AssetReference, CustomerReference, EmployeeReference } from './entity-references';

const visible = <T>(ctx: IncidentContext, load: () => Promise<T[]>): Promise<T[]> =>
  permissions.can(ctx.caller, 'VIEW_INCIDENTS') ? load() : Promise.resolve([]);

@Resolver(() => AssetReference)
export class AssetIncidentsResolver {
  @FieldResolver(() => [Incident], { description: 'Incidents affecting the asset, latest occurrence first' })
  incidents(@Root() asset: AssetReference, @Ctx() ctx: IncidentContext): Promise<IncidentRecord[]> {
    return visible(ctx, () => ctx.loaders.ofAssets.load(asset.id));
  }
}

@Resolver(() => CustomerReference)
export class CustomerIncidentsResolver {
  @FieldResolver(() => [Incident], {
    description: 'Incidents affecting the customer, latest occurrence first',
  })
  incidents(@Root() customer: CustomerReference, @Ctx() ctx: IncidentContext): Promise<IncidentRecord[]> {
    return visible(ctx, () => ctx.loaders.ofCustomers.load(customer.id));
  }
}

@Resolver(() => EmployeeReference)
export class EmployeeIncidentRolesResolver {
  @FieldResolver(() => [EmployeeIncidentRole], {
    description: 'Incidents the employee commands or holds a command role in, latest occurrence first',
  })
  incidentRoles(@Root() employee: EmployeeReference, @Ctx() ctx: IncidentContext) {
    return visible(ctx, async () =>
      (await ctx.loaders.ofPeople.load(employee.id)).flatMap((incident) => [
        ...(incident.commanderId === employee.id ? [{ incident, role: 'Commander' }] : []),
        ...incident.roles
          .filter((r) => r.employeeId === employee.id)
          .map((r) => ({ incident, role: r.role })),
      ]),
    );
  }
}
