/**
 * Loads the engine's knowledge from the files the project ships in `data/lexicon/`.
 * Read once per process; every later call returns the same object.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createKnowledge, type EngineKnowledge } from '../core/knowledge.ts';

const LEXICON_DIR = fileURLToPath(new URL('../../data/lexicon/', import.meta.url));
const LEXICON_PARTS = ['concepts.json', 'interests.json', 'vocabulary.json'];

let cached: EngineKnowledge | null = null;

export function loadKnowledge(): EngineKnowledge {
  if (cached) return cached;
  const read = (name: string): unknown => JSON.parse(readFileSync(LEXICON_DIR + name, 'utf8'));
  cached = createKnowledge(LEXICON_PARTS.map(read), read('regions.json'));
  return cached;
}
