/** A scoring worker thread (see scoring-engine.ts): keeps copies of scopes, runs the pure scoring jobs on them. */
import { parentPort } from 'node:worker_threads';
import { findCompetitorPairs } from '../core/competition/competitor-pairs.ts';
import { buildNetworkReport } from '../core/report/network-report.ts';
import { loadKnowledge } from '../knowledge/knowledge-files.ts';
import { computeSuggestions, type EngineRequest, type Scope } from './scoring-engine.ts';

const knowledge = loadKnowledge();
/** Scopes by key; a bounded number are kept (the least recently sent goes first). */
const scopes = new Map<string, Scope>();
const MAX_SCOPES = 64;

parentPort!.on('message', (request: EngineRequest) => {
  if (request.kind === 'scope') {
    scopes.delete(request.scope.key);
    scopes.set(request.scope.key, request.scope);
    if (scopes.size > MAX_SCOPES) scopes.delete(scopes.keys().next().value!);
    return;
  }
  try {
    const scope = scopes.get(request.scopeKey);
    if (!scope || scope.generation !== request.generation) throw new Error(`scope ${request.scopeKey}@${request.generation} is not on this worker`);
    let value: unknown;
    switch (request.kind) {
      case 'suggestions':
        value = computeSuggestions(scope, request.task, knowledge, request.config);
        break;
      case 'competitors':
        value = findCompetitorPairs(scope.members, request.onlyMember);
        break;
      case 'report':
        value = buildNetworkReport(request.network, scope.members, { knowledge }, request.config);
        break;
    }
    parentPort!.postMessage({ id: request.id, value });
  } catch (error) {
    parentPort!.postMessage({ id: request.id, error: (error as Error).message });
  }
});
