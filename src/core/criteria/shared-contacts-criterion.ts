/**
 * Criterion 4, shared contacts: the two meet the same people at their customers
 * (seniority and function: owners, CEOs, HR directors, CFOs, home owners …), ideally
 * entering the customer at different stages (the recruiter first, then the developer
 * of staff), so referrals come at the right time.
 */
import type { CustomerStage } from '../lexicon/lexicon-schema.ts';
import type { ReasonFact } from '../reasons/reason-fact.ts';
import { cosine, isEmpty, shared, sharedIds, weightedJaccard } from '../scoring/similarity.ts';
import type { Weights } from '../vectors/member-vector.ts';
import { UNKNOWN, type Criterion } from './criterion.ts';

/**
 * The stage with the largest weight (ties: the first by name). Stage names are
 * compared by code point, which orders them as `localeCompare` does
 * (test/core/criteria-contract.test.ts), without its call: in a process holding a
 * million members the first such call took 7–10 ms (docs/benchmarks.md, session 16).
 */
function mainStage(stages: Weights<CustomerStage>): CustomerStage | null {
  let best: CustomerStage | null = null;
  let bestWeight = 0;
  for (const stage in stages) {
    const w = stages[stage as CustomerStage]!;
    if (best === null || w > bestWeight || (w === bestWeight && stage < best)) {
      best = stage as CustomerStage;
      bestWeight = w;
    }
  }
  return best;
}

export const sharedContactsCriterion: Criterion = {
  name: 'sharedContacts',
  symmetric: true,
  evaluate(self, other) {
    const a = self.vector;
    const b = other.vector;
    if (isEmpty(a.seniority) || isEmpty(b.seniority)) return UNKNOWN;
    const facts: ReasonFact[] = [];
    const seniority = cosine(a.seniority, b.seniority);
    const functions = cosine(a.functions, b.functions);
    const roles = weightedJaccard(a.roles, b.roles);
    const commonRoles = sharedIds(a.roles, b.roles);
    if (commonRoles.length > 0) facts.push({ key: 'shared-roles', roles: commonRoles });
    else {
      const commonFunctions = shared(Object.keys(a.functions), Object.keys(b.functions));
      if (commonFunctions.length > 0 && functions >= 0.5) facts.push({ key: 'shared-functions', functions: commonFunctions });
      else facts.push({ key: 'different-contacts' });
    }
    const contacts = 0.35 * seniority + 0.35 * functions + 0.3 * Math.min(1, roles * 1.5);

    let stageBonus = 0.5;
    let confidence = 0.7;
    const mine = mainStage(a.stages);
    const theirs = mainStage(b.stages);
    if (mine && theirs) {
      confidence = 0.9;
      const similarity = cosine(a.stages, b.stages);
      stageBonus = similarity < 0.5 ? 1 : 0.5;
      // Different stages only where the score counts them different: a member who comes in at growth
      // and at hiring shares hiring with one who comes in at hiring.
      if (similarity < 0.5) facts.push({ key: 'different-stages', mine, theirs });
      else facts.push({ key: 'same-stage', stage: sharedStage(a.stages, b.stages) ?? mine });
    }
    const score = 0.85 * contacts + 0.15 * stageBonus;
    return { score: Math.round(score * 1000) / 1000, confidence, facts };
  },
};

/** The stage both come in at most (the larger of the two smaller weights; ties by name). */
function sharedStage(a: Readonly<Record<string, number>>, b: Readonly<Record<string, number>>): CustomerStage | null {
  let best: [CustomerStage, number] | null = null;
  for (const [stage, w] of Object.entries(a) as [CustomerStage, number][]) {
    const both = Math.min(w, b[stage] ?? 0);
    if (both > 0 && (!best || both > best[1] || (both === best[1] && stage < best[0]))) best = [stage, both];
  }
  return best ? best[0] : null;
}
