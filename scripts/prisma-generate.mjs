// Generates both Prisma clients (postinstall). `prisma generate` never runs the native schema
// engine but tries to download it first; on machines that cannot reach Prisma's binary host we
// point PRISMA_SCHEMA_ENGINE_BINARY at an existing file so generation works offline
// (see shared/notes/prisma-offline.md). Online machines keep Prisma's normal behaviour.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const schemas = ['prisma/control/schema.prisma', 'prisma/tenant/schema.prisma'];
if (!existsSync(schemas[0])) {
  process.exit(0);
}

function generate(schema, env) {
  const result = spawnSync('npx', ['--no-install', 'prisma', 'generate', '--schema', schema], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { CHECKPOINT_DISABLE: '1', ...env },
    encoding: 'utf8',
  });
  return { ok: result.status === 0, output: `${result.stdout}${result.stderr}` };
}

for (const schema of schemas) {
  let result = generate(schema, process.env);
  if (!result.ok && !process.env.PRISMA_SCHEMA_ENGINE_BINARY) {
    result = generate(schema, { ...process.env, PRISMA_SCHEMA_ENGINE_BINARY: process.execPath });
  }
  if (!result.ok) {
    process.stderr.write(result.output);
    process.stderr.write(`prisma generate failed for ${schema}\n`);
    process.exit(1);
  }
  process.stdout.write(`generated Prisma client for ${schema}\n`);
}
