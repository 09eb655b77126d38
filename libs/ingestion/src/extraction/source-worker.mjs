// The extraction worker when the pool runs from the TypeScript sources (under vitest, which compiles
// only its own thread): TypeScript is compiled on load here too, so the worker runs the same sources.
import { register } from 'node:module';

register('./source-loader-hooks.mjs', import.meta.url);
export const { extract, searchKey } = await import('./extraction.worker.ts');
