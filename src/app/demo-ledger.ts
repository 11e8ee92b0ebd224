/**
 * The demo network's generated ledger (data/demo/activity.csv): the generator's
 * settings in one place, so the script that writes the file and the test that checks
 * it is reproducible use the same ones.
 */
import { ACTIVITY_CSV_HEADER, activityCsvLine, generateLedger } from '../core/activity/ledger-generator.ts';
import type { EngineKnowledge } from '../core/knowledge.ts';
import type { ScoredMember } from '../core/scoring/scored-member.ts';

export const DEMO_LEDGER_SETTINGS = {
  seed: 20261,
  start: '2024-11-01',
  months: 24,
  meetingsPerMember: 1.2,
  /** Take, never give. */
  freeRiders: ['se-007', 'de-016', 'uk-009'],
  /** No activity in the last four months. */
  goneQuiet: ['se-012', 'dk-006', 'de-022'],
  quietMonths: 4,
} as const;

export function demoLedgerCsv(members: readonly ScoredMember[], knowledge: EngineKnowledge): string {
  const sorted = [...members].sort((a, b) => a.id.localeCompare(b.id));
  const rows = generateLedger(sorted, { knowledge }, DEMO_LEDGER_SETTINGS);
  return `${ACTIVITY_CSV_HEADER}\n${rows.map(activityCsvLine).join('\n')}\n`;
}
