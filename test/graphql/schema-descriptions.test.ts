import { isInputObjectType, isInterfaceType, isIntrospectionType, isObjectType, isSpecifiedScalarType, type GraphQLArgument, type GraphQLSchema } from 'graphql';
import { buildGatewaySchema } from '../../src/graphql/build-schema.js';
import { gatewayResolvers } from '../../src/modules/resolvers.js';

/**
 * The platform-admin API (fleet, datasources, migrations, pool diagnostics) is for operators and
 * documented in the README; this check covers what a SPA or mobile developer reads in the sandbox.
 */
const PLATFORM_ADMIN_TYPES =
  /^(Fleet|TenantPoolStats|TenantDiagnosis|TenantSchemaStatus|Migration|CachedTenantClient|ClientConnections|DatabaseSchemaStatus|DiagnosisStep|CreateTenant|NewDatabaseInput|ClearTenantCache|DatasourceKind)/;
const PLATFORM_ADMIN_OPERATIONS = new Set([
  'tenants', 'tenant', 'createTenant', 'setTenantStatus', 'tenantConnection', 'tenantPoolStats', 'clearTenantCache', 'migrationRuns', 'migrationRun', 'fleetSchemaStatus',
]);

/** Types, fields and arguments without a description. */
function undescribed(schema: GraphQLSchema): string[] {
  const roots = new Set([schema.getQueryType()?.name, schema.getMutationType()?.name]);
  const missing: string[] = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (isIntrospectionType(type) || isSpecifiedScalarType(type) || PLATFORM_ADMIN_TYPES.test(type.name)) {
      continue;
    }
    if (!type.description && !roots.has(type.name)) {
      missing.push(type.name);
    }
    if (isObjectType(type) || isInputObjectType(type) || isInterfaceType(type)) {
      for (const field of Object.values(type.getFields())) {
        if (roots.has(type.name) && PLATFORM_ADMIN_OPERATIONS.has(field.name)) {
          continue;
        }
        if (!field.description) {
          missing.push(`${type.name}.${field.name}`);
        }
        const args: readonly GraphQLArgument[] = 'args' in field ? field.args : [];
        missing.push(...args.filter((arg) => !arg.description).map((arg) => `${type.name}.${field.name}(${arg.name})`));
      }
    }
  }
  return missing;
}

test('every type, field and argument of the tenant API has a description a SPA developer can read', async () => {
  const schema = await buildGatewaySchema(gatewayResolvers);
  expect(undescribed(schema)).toEqual([]);
});
