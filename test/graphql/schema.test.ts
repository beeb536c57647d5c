import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { getMetadataStorage } from 'type-graphql';
import { isPublicOperation } from '../../src/graphql/access.js';
import { buildGatewaySchema } from '../../src/graphql/build-schema.js';
import { gatewayResolvers as resolvers } from '../../src/modules/resolvers.js';
import { printGatewaySchema } from '../../src/graphql/print-schema.js';
import { projectRoot } from '../../src/paths.js';

test('schema/schema.graphql matches the resolvers (run `npm run schema:emit` after changing them)', async () => {
  const committed = await readFile(join(projectRoot, 'schema', 'schema.graphql'), 'utf8');
  expect(committed).toBe(await printGatewaySchema(resolvers));
});

test('every query and mutation declares its access: @Authorized or @Public, inherited ones included', async () => {
  await buildGatewaySchema(resolvers);
  const storage = getMetadataStorage();
  // An operation belongs to the gateway when its class is a listed resolver or one they inherit
  // from (the generic entity resolvers); the generic classes share a name, so match by class.
  const inSchema = (target: Function) => resolvers.some((resolver) => resolver === target || Object.prototype.isPrototypeOf.call(target, resolver));
  const operations = [...storage.queries, ...storage.mutations].filter((op) => inSchema(op.target));
  expect(operations.length).toBeGreaterThan(80);
  const authorized = (op: (typeof operations)[number]) =>
    storage.authorizedFields.some((field) => field.target === op.target && field.fieldName === op.methodName);
  const isPublic = (op: (typeof operations)[number]) => isPublicOperation(op.target.name, op.methodName);
  expect(operations.filter((op) => !authorized(op) && !isPublic(op)).map((op) => op.schemaName)).toEqual([]);
  expect(operations.filter((op) => authorized(op) && isPublic(op)).map((op) => op.schemaName)).toEqual([]);
});

test('the public operations are exactly login and refresh', async () => {
  await buildGatewaySchema(resolvers);
  const storage = getMetadataStorage();
  const publicOps = [...storage.queries, ...storage.mutations]
    .filter((op) => isPublicOperation(op.target.name, op.methodName))
    .map((op) => op.schemaName)
    .sort();
  expect(publicOps).toEqual(['login', 'refresh']);
});
