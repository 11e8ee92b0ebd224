/**
 * Ranking and classification metrics as plain functions (as in Gorse's evaluator):
 * precision@k, NDCG@k, MRR, precision/recall/F1, AUC.
 */

/** Share of the first k ranked items that are relevant (k in the denominator). */
export function precisionAtK(ranked: readonly string[], relevant: ReadonlySet<string>, k: number): number {
  if (k <= 0) return 0;
  return ranked.slice(0, k).filter((id) => relevant.has(id)).length / k;
}

/** NDCG@k with binary gains. 0 when nothing is relevant. */
export function ndcgAtK(ranked: readonly string[], relevant: ReadonlySet<string>, k: number): number {
  let dcg = 0;
  ranked.slice(0, k).forEach((id, i) => {
    if (relevant.has(id)) dcg += 1 / Math.log2(i + 2);
  });
  let ideal = 0;
  for (let i = 0; i < Math.min(k, relevant.size); i++) ideal += 1 / Math.log2(i + 2);
  return ideal > 0 ? dcg / ideal : 0;
}

/** Reciprocal rank of the first relevant item; 0 when none is ranked. */
export function reciprocalRank(ranked: readonly string[], relevant: ReadonlySet<string>): number {
  const index = ranked.findIndex((id) => relevant.has(id));
  return index === -1 ? 0 : 1 / (index + 1);
}

export interface Confusion {
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  trueNegatives: number;
}

export function emptyConfusion(): Confusion {
  return { truePositives: 0, falsePositives: 0, falseNegatives: 0, trueNegatives: 0 };
}

export function addOutcome(c: Confusion, predicted: boolean, actual: boolean): void {
  if (predicted && actual) c.truePositives++;
  else if (predicted) c.falsePositives++;
  else if (actual) c.falseNegatives++;
  else c.trueNegatives++;
}

export function precisionRecallF1(c: Confusion): { precision: number; recall: number; f1: number } {
  const precision = c.truePositives + c.falsePositives > 0 ? c.truePositives / (c.truePositives + c.falsePositives) : 0;
  const recall = c.truePositives + c.falseNegatives > 0 ? c.truePositives / (c.truePositives + c.falseNegatives) : 0;
  const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1 };
}

/** Area under the ROC curve (ties count half), by ranking: O(n log n). */
export function auc(scores: readonly number[], labels: readonly boolean[]): number {
  const items = scores.map((s, i) => ({ s, y: labels[i]! })).sort((a, b) => a.s - b.s);
  let positives = 0;
  let negatives = 0;
  let rankSum = 0;
  let i = 0;
  while (i < items.length) {
    let j = i;
    while (j < items.length && items[j]!.s === items[i]!.s) j++;
    const averageRank = (i + j + 1) / 2; // ranks are 1-based
    for (let k = i; k < j; k++) {
      if (items[k]!.y) {
        positives++;
        rankSum += averageRank;
      } else negatives++;
    }
    i = j;
  }
  if (positives === 0 || negatives === 0) return 0.5;
  return (rankSum - (positives * (positives + 1)) / 2) / (positives * negatives);
}
