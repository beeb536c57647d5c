import { buildGatewaySchema } from '../../src/graphql/build-schema.js';
import { gatewayResolvers } from '../../src/modules/resolvers.js';
import { auditRuleOf, returnsIdentifiedObject } from '../../src/graphql/audit-target.js';

// The audit plugin names a mutation's target from its return type unless the mutation declares
// one; this keeps a mutation added later from writing rows that say nothing about what changed.

test('every mutation names its audit target: an object with an id, a declared @AuditTarget, or @NotAudited', async () => {
  const schema = await buildGatewaySchema(gatewayResolvers);
  const fields = Object.values(schema.getMutationType()?.getFields() ?? {});
  expect(fields.length).toBeGreaterThan(10);
  const unnamed = fields.filter((field) => auditRuleOf(field).kind === 'returnType' && !returnsIdentifiedObject(field)).map((field) => field.name);
  expect(unnamed).toEqual([]);
});

test('exactly the auth and platform-admin mutations (audited by their own services) are kept out of the generic trail, each with a reason', async () => {
  const schema = await buildGatewaySchema(gatewayResolvers);
  const skipped = Object.values(schema.getMutationType()?.getFields() ?? {})
    .map((field) => ({ name: field.name, rule: auditRuleOf(field) }))
    .filter(({ rule }) => rule.kind === 'skip');
  expect(skipped.map(({ name }) => name).sort()).toEqual(['checkTenantSchemaStatus', 'clearTenantCache', 'createTenant', 'login', 'logout', 'refresh', 'setTenantStatus', 'switchTenant']);
  for (const { rule } of skipped) {
    expect(rule.kind === 'skip' && rule.reason.length).toBeGreaterThan(10);
  }
});
