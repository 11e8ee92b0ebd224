/** A scoring worker thread (see scoring-engine.ts): keeps copies of scopes, runs the pure scoring jobs on them. */
import { parentPort } from 'node:worker_threads';
import { findCompetitorPairs } from '../core/competition/competitor-pairs.ts';
import { buildNetworkReport } from '../core/report/network-report.ts';
import { loadKnowledge } from '../knowledge/knowledge-files.ts';
import { serveRequests } from '../workers/worker-pool.ts';
import { computeSuggestions, MISSING_SCOPE, trimScopes, type EngineRequest, type Scope } from './scoring-engine.ts';

const knowledge = loadKnowledge();
/** Scopes by key, kept until they hold this many members together (the least recently sent go first). */
const scopes = new Map<string, Scope>();
const MAX_MEMBERS = 250_000;

serveRequests(parentPort!, (message) => {
  const request = message as unknown as EngineRequest;
  if (request.kind === 'scope') {
    scopes.delete(request.scope.key);
    scopes.set(request.scope.key, request.scope);
    trimScopes(scopes, MAX_MEMBERS, request.scope.key);
    return undefined;
  }
  const scope = scopes.get(request.scopeKey);
  if (!scope || scope.generation !== request.generation) throw new Error(`${MISSING_SCOPE} ${request.scopeKey}@${request.generation}`);
  switch (request.kind) {
    case 'suggestions':
      return computeSuggestions(scope, request.task, knowledge, request.config);
    case 'competitors':
      return findCompetitorPairs(scope.members, request.onlyMember);
    case 'report':
      return buildNetworkReport(request.network, scope.members, { knowledge }, request.config);
  }
});
