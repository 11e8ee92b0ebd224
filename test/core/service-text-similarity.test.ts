/**
 * The word-by-word service similarity keeps bounded tables (words interned to ids,
 * pair similarities cached); when they start over, answers must not change, also
 * for word lists turned into ids before the restart.
 */
import { describe, expect, it } from 'vitest';
import { serviceTextSimilarity } from '../../src/core/competition/service-text-similarity.ts';
import type { WeightedWord } from '../../src/core/lexicon/business-vocabulary.ts';
import { createRandom } from '../../src/core/random/seeded-random.ts';

const words = (...list: [string, number][]): WeightedWord[] => list.map(([word, weight]) => ({ word, weight }));

describe('service text similarity', () => {
  const swedish = words(['=bakery', 1], ['konditori', 1], ['tillverkning', 0.5]);
  const danish = words(['=bakery', 1], ['konditorei', 1]);
  const english = words(['repair', 1], ['bicycles', 0.8]);

  it('pairs cognates and vocabulary words across languages, and tells different trades apart', () => {
    const alike = serviceTextSimilarity(swedish, danish);
    expect(alike.similarity).toBeGreaterThan(0.6);
    expect(alike.sharedWords).toContain('bakery');
    expect(serviceTextSimilarity(swedish, english).similarity).toBe(0);
    // Symmetric in the similarity.
    expect(serviceTextSimilarity(danish, swedish).similarity).toBeCloseTo(alike.similarity, 12);
  });

  it('answers the same after its word table starts over (more than 200,000 distinct words)', () => {
    const before = [serviceTextSimilarity(swedish, danish), serviceTextSimilarity(danish, english), serviceTextSimilarity(swedish, english)];
    // Flood the table in one list: it starts over midway, while swedish/danish keep ids of the old table.
    const random = createRandom(3);
    const letters = 'abcdefghijklmnopqrstuvwxyzåäöæø';
    const flood: WeightedWord[] = Array.from({ length: 210_000 }, (_, i) => ({ word: Array.from({ length: 9 }, () => letters[Math.floor(random.next() * letters.length)]).join('') + i, weight: 1 }));
    serviceTextSimilarity(flood, danish);
    const after = [serviceTextSimilarity(swedish, danish), serviceTextSimilarity(danish, english), serviceTextSimilarity(swedish, english)];
    expect(after).toEqual(before);
  });
});
