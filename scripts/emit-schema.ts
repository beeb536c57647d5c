import 'reflect-metadata';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { printGatewaySchema } from '../src/graphql/print-schema.js';
import { gatewayResolvers } from '../src/modules/resolvers.js';
import { projectRoot } from '../src/paths.js';

const target = join(projectRoot, 'schema', 'schema.graphql');
await writeFile(target, await printGatewaySchema(gatewayResolvers));
process.stdout.write(`wrote ${target}\n`);
