/**
 * The plain baseline partnerfit is compared with: TF-IDF cosine over all of a
 * member's profile text (no lexicon, no languages, no criteria). Tokens are folded
 * and stemmed by nothing, as a bag-of-words system would.
 */
import type { MemberProfile } from '../profile/member-profile.ts';
import { foldWord, tokenize } from '../text/text-normalizer.ts';

export type SparseVector = ReadonlyMap<string, number>;

export function profileText(p: MemberProfile): string {
  return [p.industry, p.stage, ...p.services, ...p.targetIndustries, ...p.targetCompanySizes, ...p.contactRoles, ...p.interests, p.region]
    .filter(Boolean)
    .join(' ');
}

/** TF-IDF vectors (L2-normalised) for a set of documents. */
export function tfidfVectors(documents: ReadonlyMap<string, string>): Map<string, SparseVector> {
  const termCounts = new Map<string, Map<string, number>>();
  const documentFrequency = new Map<string, number>();
  for (const [id, text] of documents) {
    const counts = new Map<string, number>();
    for (const token of tokenize(text).map(foldWord)) counts.set(token, (counts.get(token) ?? 0) + 1);
    termCounts.set(id, counts);
    for (const term of counts.keys()) documentFrequency.set(term, (documentFrequency.get(term) ?? 0) + 1);
  }
  const n = documents.size;
  const vectors = new Map<string, SparseVector>();
  for (const [id, counts] of termCounts) {
    const vector = new Map<string, number>();
    let norm = 0;
    for (const [term, count] of counts) {
      const weight = (1 + Math.log(count)) * Math.log((1 + n) / (1 + documentFrequency.get(term)!));
      vector.set(term, weight);
      norm += weight * weight;
    }
    norm = Math.sqrt(norm) || 1;
    for (const [term, weight] of vector) vector.set(term, weight / norm);
    vectors.set(id, vector);
  }
  return vectors;
}

export function sparseCosine(a: SparseVector, b: SparseVector): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let dot = 0;
  for (const [term, weight] of small) dot += weight * (large.get(term) ?? 0);
  return dot;
}
