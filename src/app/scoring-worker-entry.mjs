// Entry of the scoring worker: registers the TypeScript loader in the worker, then loads it.
import { register } from 'tsx/esm/api';

register();
await import('./scoring-worker.ts');
