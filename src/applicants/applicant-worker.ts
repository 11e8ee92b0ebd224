/** Worker thread that scores applicants network by network (see applicant-scorer.ts). */
import { parentPort, threadId, workerData } from 'node:worker_threads';
import type { MemberProfile } from '../core/profile/member-profile.ts';
import type { ScoringConfig } from '../core/scoring/scoring-config.ts';
import { vectorizeMember } from '../core/vectors/member-vectorizer.ts';
import { loadKnowledge } from '../knowledge/knowledge-files.ts';
import { serveRequests } from '../workers/worker-pool.ts';
import { logLiveHeap } from './live-heap-log.ts';
import { pairApplicants, scoreNetworkTask, type NetworkTask, type TaskMember } from './applicant-scorer.ts';

const knowledge = loadKnowledge();
const { config } = workerData as { config: ScoringConfig };
let tasks = 0;
serveRequests(parentPort!, (message) => {
  const request = message as unknown as
    | { kind: 'score'; task: NetworkTask }
    | { kind: 'pair'; applicants: TaskMember[] }
    | { kind: 'vectorize'; profiles: MemberProfile[] };
  switch (request.kind) {
    case 'score': {
      const scored = scoreNetworkTask(request.task, knowledge, config);
      if (++tasks % 25 === 0) logLiveHeap(`worker ${threadId}, ${tasks} networks`);
      return scored;
    }
    case 'pair':
      return pairApplicants(request.applicants);
    case 'vectorize':
      return request.profiles.map((p) => vectorizeMember(p, knowledge));
  }
});
