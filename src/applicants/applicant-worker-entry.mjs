// Entry of the applicant scoring worker: registers the TypeScript loader in the worker, then loads it.
import { register } from 'tsx/esm/api';

register();
await import('./applicant-worker.ts');
