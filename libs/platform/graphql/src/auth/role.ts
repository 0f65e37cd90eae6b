import { Role } from '@opsgraph/domain';
import { registerEnumType } from 'type-graphql';

// The domain's roles as the GraphQL enum `Role`; one per caller in `x-opsgraph-role`.
registerEnumType(Role, { name: 'Role', description: 'Role of a platform user' });

export { Role, isRole } from '@opsgraph/domain';
