/**
 * The shared contract every criterion keeps (STYLE.md): scores in [0, 1] or null
 * (unknown), confidence in [0, 1], deterministic, symmetric where it says so, and an
 * explanation (facts) behind every known score. Checked on every ordered pair of a
 * sample of the demo network.
 */
import { describe, expect, it } from 'vitest';
import { CRITERIA } from '../../src/core/criteria/all-criteria.ts';
import { CRITERION_NAMES } from '../../src/core/criteria/criterion.ts';
import { createRandom } from '../../src/core/random/seeded-random.ts';
import { demoMembers, knowledge } from '../support/demo-members.ts';
import { parseActivity } from '../../src/core/activity/activity-parser.ts';
import { buildActivityEvidence } from '../../src/core/activity/pair-evidence.ts';
import { generateLedger } from '../../src/core/activity/ledger-generator.ts';
import { DEMO_LEDGER_SETTINGS } from '../../src/app/demo-ledger.ts';
import type { Activity } from '../../src/core/activity/activity.ts';
import type { ScoringContext } from '../../src/core/criteria/criterion.ts';
import { BUSINESS_AREAS, CUSTOMER_STAGES } from '../../src/core/lexicon/lexicon-schema.ts';

const members = demoMembers();
const random = createRandom(7);
const pairs = Array.from({ length: 400 }, () => [random.pick(members), random.pick(members)] as const).filter(([a, b]) => a.id !== b.id);
// The same contract with evidence from the generated demo ledger (chemistry and mutual profit read it).
const ledger = generateLedger(members, { knowledge }, DEMO_LEDGER_SETTINGS).flatMap((row): Activity[] => {
  const parsed = parseActivity({ ...row });
  return parsed.success ? [parsed.activity] : [];
});
const contexts: readonly [string, ScoringContext][] = [
  ['from profiles', { knowledge }],
  ['with activity evidence', { knowledge, activity: buildActivityEvidence(ledger) }],
];

describe('the five criteria', () => {
  // Ties between business areas (complementarity's facts) and customer stages (shared contacts') go to the
  // first by name, compared by code point: the same order as localeCompare for these names.
  it('order area and stage names by code point as localeCompare does', () => {
    for (const names of [BUSINESS_AREAS, CUSTOMER_STAGES] as readonly (readonly string[])[]) {
      for (const a of names) for (const b of names) expect(Math.sign(a.localeCompare(b)), `${a} ${b}`).toBe(a < b ? -1 : a > b ? 1 : 0);
    }
  });

  it('are exactly the five of PRODUCT.md, once each', () => {
    expect(CRITERIA.map((c) => c.name)).toEqual([...CRITERION_NAMES]);
  });

  for (const [label, context] of contexts) for (const criterion of CRITERIA) {
    describe(`${criterion.name} ${label}`, () => {
      it('scores in [0, 1] or null, with confidence in [0, 1]', () => {
        for (const [a, b] of pairs) {
          const r = criterion.evaluate(a, b, context);
          if (r.score !== null) {
            expect(r.score).toBeGreaterThanOrEqual(0);
            expect(r.score).toBeLessThanOrEqual(1);
          } else {
            expect(r.confidence).toBe(0);
          }
          expect(r.confidence).toBeGreaterThanOrEqual(0);
          expect(r.confidence).toBeLessThanOrEqual(1);
        }
      });

      it('is deterministic', () => {
        for (const [a, b] of pairs.slice(0, 50)) {
          expect(criterion.evaluate(a, b, context)).toEqual(criterion.evaluate(a, b, context));
        }
      });

      it('explains every known score with at least one fact', () => {
        for (const [a, b] of pairs) {
          const r = criterion.evaluate(a, b, context);
          if (r.score !== null && r.score > 0) expect(r.facts.length).toBeGreaterThan(0);
        }
      });

      if (criterion.symmetric) {
        it('is symmetric', () => {
          for (const [a, b] of pairs) {
            expect(criterion.evaluate(a, b, context).score).toBe(criterion.evaluate(b, a, context).score);
          }
        });
      } else {
        it('is directional: some pair scores differently each way', () => {
          const differs = pairs.some(([a, b]) => criterion.evaluate(a, b, context).score !== criterion.evaluate(b, a, context).score);
          expect(differs).toBe(true);
        });
      }
    });
  }
});
