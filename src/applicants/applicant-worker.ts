/** Worker thread that scores applicants network by network (see applicant-scorer.ts). */
import { parentPort, workerData } from 'node:worker_threads';
import type { ScoringConfig } from '../core/scoring/scoring-config.ts';
import { loadKnowledge } from '../knowledge/knowledge-files.ts';
import { scoreNetworkTask, type NetworkTask } from './applicant-scorer.ts';

const knowledge = loadKnowledge();
const { config } = workerData as { config: ScoringConfig };
parentPort!.on('message', (message: { id: number; task: NetworkTask }) => {
  try {
    parentPort!.postMessage({ id: message.id, results: scoreNetworkTask(message.task, knowledge, config) });
  } catch (error) {
    parentPort!.postMessage({ id: message.id, error: (error as Error).message });
  }
});
