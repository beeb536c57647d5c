import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { envSchema } from '../../src/config/config.schema.js';
import { projectRoot } from '../../src/paths.js';

test('.env.example documents every variable the config reads, each with a comment', async () => {
  const lines = (await readFile(join(projectRoot, '.env.example'), 'utf8')).split('\n');
  const missing = Object.keys(envSchema.shape).filter((name) => {
    const index = lines.findIndex((line) => new RegExp(`^#? ?${name}=`).test(line));
    return index < 1 || !lines[index - 1]?.startsWith('#');
  });
  expect(missing).toEqual([]);
});
