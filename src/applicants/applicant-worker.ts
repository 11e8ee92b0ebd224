/** Worker thread that scores applicants network by network (see applicant-scorer.ts). */
import { parentPort, workerData } from 'node:worker_threads';
import type { ScoringConfig } from '../core/scoring/scoring-config.ts';
import { loadKnowledge } from '../knowledge/knowledge-files.ts';
import { serveRequests } from '../workers/worker-pool.ts';
import { scoreNetworkTask, type NetworkTask } from './applicant-scorer.ts';

const knowledge = loadKnowledge();
const { config } = workerData as { config: ScoringConfig };
serveRequests(parentPort!, (message) => scoreNetworkTask((message as unknown as { task: NetworkTask }).task, knowledge, config));
