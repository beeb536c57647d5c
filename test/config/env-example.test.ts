import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { envSchema } from '../../src/config/config.schema.js';
import { projectRoot } from '../../src/paths.js';

test('.env.example documents every variable the config reads, each with a comment in its paragraph', async () => {
  const lines = (await readFile(join(projectRoot, '.env.example'), 'utf8')).split('\n');
  const missing = Object.keys(envSchema.shape).filter((name) => {
    const index = lines.findIndex((line) => new RegExp(`^#? ?${name}=`).test(line));
    let start = index;
    while (start > 0 && lines[start - 1]?.trim()) {
      start -= 1;
    }
    const paragraph = lines.slice(start, index);
    return index < 0 || !paragraph.some((line) => line.startsWith('# ') && !line.includes('='));
  });
  expect(missing).toEqual([]);
});
