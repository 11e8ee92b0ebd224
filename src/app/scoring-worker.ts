/** A scoring worker thread (see scoring-engine.ts): keeps copies of scopes, runs the pure scoring jobs on them. */
import { parentPort } from 'node:worker_threads';
import { findCompetitorPairs } from '../core/competition/competitor-pairs.ts';
import { buildNetworkReport } from '../core/report/network-report.ts';
import { loadKnowledge } from '../knowledge/knowledge-files.ts';
import { computeSuggestions, MISSING_SCOPE, type EngineRequest, type Scope } from './scoring-engine.ts';

const knowledge = loadKnowledge();
/** Scopes by key, kept until they hold this many members together (the least recently sent go first). */
const scopes = new Map<string, Scope>();
const MAX_MEMBERS = 250_000;

parentPort!.on('message', (request: EngineRequest) => {
  if (request.kind === 'scope') {
    scopes.delete(request.scope.key);
    scopes.set(request.scope.key, request.scope);
    let held = 0;
    for (const s of scopes.values()) held += s.members.length;
    for (const [oldest, s] of scopes) {
      if (held <= MAX_MEMBERS || oldest === request.scope.key) break;
      scopes.delete(oldest);
      held -= s.members.length;
    }
    return;
  }
  try {
    const scope = scopes.get(request.scopeKey);
    if (!scope || scope.generation !== request.generation) throw new Error(`${MISSING_SCOPE} ${request.scopeKey}@${request.generation}`);
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
