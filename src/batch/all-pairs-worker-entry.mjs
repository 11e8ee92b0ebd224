// Entry of an all-pairs worker: loads it through the TypeScript loader.
import { importTypeScript } from '../workers/typescript-loader.mjs';

await importTypeScript(new URL('./all-pairs-worker.ts', import.meta.url).href, ['zod']);
