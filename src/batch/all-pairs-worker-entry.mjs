// Entry of an all-pairs worker: registers the TypeScript loader in the worker, then loads it.
import { register } from 'tsx/esm/api';

register();
await import('./all-pairs-worker.ts');
