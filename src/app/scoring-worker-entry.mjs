// Entry of the scoring worker: loads it through the TypeScript loader.
import { importTypeScript } from '../workers/typescript-loader.mjs';

await importTypeScript(new URL('./scoring-worker.ts', import.meta.url).href, ['zod']);
