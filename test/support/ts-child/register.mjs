// Lets a child process run the TypeScript sources as they are (`node --import <this> scripts/tenantgate.ts`),
// so tests can start the real CLI as its own process without a build step. Test-only.
import { register } from 'node:module';

register('./hooks.mjs', import.meta.url);
