// Entry of the applicant scoring worker: loads it through the TypeScript loader.
import { importTypeScript } from '../workers/typescript-loader.mjs';

await importTypeScript(new URL('./applicant-worker.ts', import.meta.url).href, ['zod', 'eld/medium']);
