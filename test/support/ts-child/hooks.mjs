// Module hooks for register.mjs: `./x.js` resolves to `./x.ts` when only the source exists, and
// `.ts` files are transpiled one at a time (the project is `isolatedModules`, so that is exact).
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

// Transpiled files are cached by content, so only the first child of a run pays for TypeScript.
const cacheDir = join(tmpdir(), 'tenantgate-ts-child');
mkdirSync(cacheDir, { recursive: true });
let typescript;

const compilerOptions = (ts) => ({
  module: ts.ModuleKind.ESNext,
  target: ts.ScriptTarget.ES2022,
  experimentalDecorators: true,
  emitDecoratorMetadata: true,
  esModuleInterop: true,
  inlineSourceMap: true,
});

export async function resolve(specifier, context, nextResolve) {
  if (/^\.{1,2}\//.test(specifier) && specifier.endsWith('.js') && context.parentURL?.startsWith('file:')) {
    const candidate = new URL(specifier.replace(/\.js$/, '.ts'), context.parentURL);
    if (!existsSync(new URL(specifier, context.parentURL)) && existsSync(candidate)) {
      return { url: candidate.href, shortCircuit: true, format: 'module' };
    }
  }
  return nextResolve(specifier, context);
}

export async function load(url, context, nextLoad) {
  if (!url.startsWith('file:') || !url.endsWith('.ts')) {
    return nextLoad(url, context);
  }
  const path = fileURLToPath(url);
  const text = readFileSync(path, 'utf8');
  const cached = join(cacheDir, `${createHash('sha256').update(path).update('\0').update(text).digest('hex')}.js`);
  if (existsSync(cached)) {
    return { format: 'module', source: readFileSync(cached, 'utf8'), shortCircuit: true };
  }
  typescript ??= (await import('typescript')).default;
  const ts = typescript;
  const { outputText } = ts.transpileModule(text, { compilerOptions: compilerOptions(ts), fileName: path });
  // Written aside and renamed, so a concurrent child never reads half a file.
  writeFileSync(`${cached}.${process.pid}`, outputText);
  renameSync(`${cached}.${process.pid}`, cached);
  return { format: 'module', source: outputText, shortCircuit: true };
}
