import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { getMetadataStorage } from 'type-graphql';
import { isPublicOperation } from '../../src/graphql/access.js';
import { buildGatewaySchema, resolvers } from '../../src/graphql/build-schema.js';
import { printGatewaySchema } from '../../src/graphql/print-schema.js';
import { projectRoot } from '../../src/paths.js';

test('schema/schema.graphql matches the resolvers (run `npm run schema:emit` after changing them)', async () => {
  const committed = await readFile(join(projectRoot, 'schema', 'schema.graphql'), 'utf8');
  expect(committed).toBe(await printGatewaySchema());
});

test('every query and mutation declares its access: @Authorized or @Public', async () => {
  await buildGatewaySchema();
  const storage = getMetadataStorage();
  const authorized = new Set(storage.authorizedFields.map((field) => `${field.target.name}.${field.fieldName}`));
  const operations = [...storage.queries, ...storage.mutations].filter((op) => resolvers.includes(op.target));
  expect(operations.length).toBeGreaterThan(10);
  const undeclared = operations
    .map((op) => ({ key: `${op.target.name}.${op.methodName}`, resolver: op.target.name, method: op.methodName }))
    .filter((op) => !authorized.has(op.key) && !isPublicOperation(op.resolver, op.method))
    .map((op) => op.key);
  expect(undeclared).toEqual([]);
  const both = operations
    .map((op) => `${op.target.name}.${op.methodName}`)
    .filter((key) => authorized.has(key) && isPublicOperation(key.split('.')[0] ?? '', key.split('.')[1] ?? ''));
  expect(both).toEqual([]);
});

test('the public operations are exactly login and refresh', async () => {
  await buildGatewaySchema();
  const storage = getMetadataStorage();
  const publicOps = [...storage.queries, ...storage.mutations]
    .filter((op) => isPublicOperation(op.target.name, op.methodName))
    .map((op) => op.schemaName)
    .sort();
  expect(publicOps).toEqual(['login', 'refresh']);
});
