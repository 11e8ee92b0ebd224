/**
 * Worker thread that understands profiles (vectorises them) for ingest, so reading
 * and storing on the main thread overlap with the text work on the second core.
 */
import { parentPort } from 'node:worker_threads';
import type { MemberProfile } from '../core/profile/member-profile.ts';
import { vectorizeMember } from '../core/vectors/member-vectorizer.ts';
import { loadKnowledge } from '../knowledge/knowledge-files.ts';

const knowledge = loadKnowledge();
parentPort!.on('message', (message: { id: number; profiles: MemberProfile[] }) => {
  try {
    parentPort!.postMessage({ id: message.id, vectors: message.profiles.map((p) => vectorizeMember(p, knowledge)) });
  } catch (error) {
    parentPort!.postMessage({ id: message.id, error: (error as Error).message });
  }
});
