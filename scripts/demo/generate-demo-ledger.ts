/**
 * Writes data/demo/activity.csv: a seeded, generated activity history (24 months of
 * one-to-ones and referrals) for the demo network. Its hidden preferences differ from
 * the default weights on purpose; see src/core/activity/ledger-generator.ts and
 * docs/evaluation.md. Re-running it reproduces the file byte for byte.
 *
 *   node --import tsx scripts/demo/generate-demo-ledger.ts [--check]
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createPartnerfit } from '../../src/app/partnerfit.ts';
import { demoLedgerCsv } from '../../src/app/demo-ledger.ts';

const ROSTER = fileURLToPath(new URL('../../data/demo/roster.csv', import.meta.url));
const OUT = fileURLToPath(new URL('../../data/demo/activity.csv', import.meta.url));

const app = await createPartnerfit({ directory: 'memory://' });
try {
  await app.ingest(ROSTER);
  const csv = demoLedgerCsv(await app.scoredMembers(), app.knowledge);
  if (process.argv.includes('--check')) {
    const same = readFileSync(OUT, 'utf8') === csv;
    process.stdout.write(same ? 'data/demo/activity.csv is up to date\n' : 'data/demo/activity.csv differs from the generator output\n');
    process.exitCode = same ? 0 : 1;
  } else {
    writeFileSync(OUT, csv);
    process.stdout.write(`wrote ${OUT} (${csv.split('\n').length - 2} rows)\n`);
  }
} finally {
  await app.close();
}
