// Entry of the vectorise worker: loads it through the TypeScript loader.
import { importTypeScript } from '../workers/typescript-loader.mjs';

await importTypeScript(new URL('./vectorize-worker.ts', import.meta.url).href, ['zod', 'eld/medium']);
