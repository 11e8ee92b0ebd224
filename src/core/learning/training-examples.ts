/**
 * Training examples from a ledger, in time order: for every period, the pairs that
 * closed business in it are positives and sampled pairs of the same network that did
 * not are negatives; each is described by the criteria as they stood at the start of
 * the period (evidence from earlier activity only, never from the period itself).
 * Both directions of a pair become an example, as the model scores one side at a time.
 */
import type { Activity } from '../activity/activity.ts';
import { EvidenceAccumulator, type EvidenceOptions, DEFAULT_EVIDENCE_OPTIONS } from '../activity/pair-evidence.ts';
import { CRITERIA } from '../criteria/all-criteria.ts';
import type { CriterionName, CriterionResult, ScoringContext } from '../criteria/criterion.ts';
import type { EngineKnowledge } from '../knowledge.ts';
import { createRandom } from '../random/seeded-random.ts';
import type { ScoredMember } from '../scoring/scored-member.ts';
import { ledgerPeriods } from './ledger-periods.ts';
import { pairFeatures } from './pair-model.ts';

export interface TrainingExamples {
  /** Row-major, `featureCount` numbers per example. */
  readonly features: Float32Array;
  readonly labels: Float32Array;
  /** The period each example belongs to. */
  readonly periods: Int32Array;
  readonly featureCount: number;
  readonly count: number;
  readonly periodCount: number;
}

export interface ExampleOptions {
  readonly periodDays: number;
  /** Negatives sampled per positive pair (same member, same network, no business in the period). */
  readonly negativesPerPositive?: number;
  readonly seed?: number;
  readonly evidence?: EvidenceOptions;
  /** Periods before this index only feed evidence (default 1: the first period has no history). */
  readonly firstPeriod?: number;
  /** Periods from this index on are left out (held out for evaluation). */
  readonly endPeriod?: number;
  /**
   * At most about this many positive pairs in all (sampled evenly over the periods,
   * seeded), to bound the work on huge ledgers: every row still feeds the evidence.
   */
  readonly maxPositives?: number;
}

export function criterionResults(self: ScoredMember, other: ScoredMember, context: ScoringContext): Record<CriterionName, CriterionResult> {
  const results = {} as Record<CriterionName, CriterionResult>;
  for (const criterion of CRITERIA) results[criterion.name] = criterion.evaluate(self, other, context);
  return results;
}

export function buildTrainingExamples(
  members: readonly ScoredMember[],
  activities: readonly Activity[],
  knowledge: EngineKnowledge,
  options: ExampleOptions,
): TrainingExamples {
  const random = createRandom(options.seed ?? 1);
  const negatives = options.negativesPerPositive ?? 3;
  const byId = new Map(members.map((m) => [m.id, m]));
  const byNetwork = new Map<string, ScoredMember[]>();
  for (const m of members) {
    const key = m.network ?? '';
    let list = byNetwork.get(key);
    if (!list) byNetwork.set(key, (list = []));
    list.push(m);
  }
  const periods = ledgerPeriods(activities, options.periodDays);
  const accumulator = new EvidenceAccumulator(options.evidence ?? DEFAULT_EVIDENCE_OPTIONS);
  const first = options.firstPeriod ?? 1;
  const end = Math.min(options.endPeriod ?? periods.length, periods.length);
  const perPeriod = options.maxPositives === undefined ? Infinity : Math.ceil(options.maxPositives / Math.max(1, end - first));
  const features: number[] = [];
  const labels: number[] = [];
  const periodOf: number[] = [];
  const push = (self: ScoredMember, other: ScoredMember, label: number, period: number, context: ScoringContext) => {
    features.push(...pairFeatures(criterionResults(self, other, context)));
    features.push(...pairFeatures(criterionResults(other, self, context)));
    labels.push(label, label);
    periodOf.push(period, period);
  };
  for (const period of periods.slice(0, end)) {
    if (period.index >= first) {
      const context: ScoringContext = { knowledge, activity: accumulator.view(period.startDay) };
      let positives: [string, string][] = [];
      for (const [a, partners] of period.closed) for (const b of partners) if (a < b && byId.has(a) && byId.has(b)) positives.push([a, b]);
      if (positives.length > perPeriod) positives = random.sample(positives, perPeriod);
      for (const [a, b] of positives) {
        const self = byId.get(a)!;
        const other = byId.get(b)!;
        push(self, other, 1, period.index, context);
        const pool = byNetwork.get(self.network ?? '') ?? [];
        const closedWithSelf = period.closed.get(a);
        for (let i = 0, tries = 0; i < negatives && tries < negatives * 4; tries++) {
          const candidate = pool[random.int(pool.length)];
          if (!candidate || candidate.id === a || closedWithSelf?.has(candidate.id)) continue;
          push(self, candidate, 0, period.index, context);
          i++;
        }
      }
    }
    accumulator.addAll(period.activities);
  }
  const count = labels.length;
  return {
    features: Float32Array.from(features),
    labels: Float32Array.from(labels),
    periods: Int32Array.from(periodOf),
    featureCount: count > 0 ? features.length / count : pairFeatures(emptyResults()).length,
    count,
    periodCount: periods.length,
  };
}

function emptyResults(): Record<CriterionName, CriterionResult> {
  const results = {} as Record<CriterionName, CriterionResult>;
  for (const criterion of CRITERIA) results[criterion.name] = { score: null, confidence: 0, facts: [] };
  return results;
}
