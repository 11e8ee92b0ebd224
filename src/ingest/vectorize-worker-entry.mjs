// Entry of the vectorise worker: registers the TypeScript loader in the worker, then loads it.
import { register } from 'tsx/esm/api';

register();
await import('./vectorize-worker.ts');
