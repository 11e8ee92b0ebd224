/**
 * The learning loop on the demo ledger: the generated file is reproducible; the
 * trained model beats the default weights and the TF-IDF baseline on the held-out
 * periods of the replay; training is seeded (same data and seed → same weights and
 * version); suggest uses the network's model and names its version.
 */
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPartnerfit, type Partnerfit } from '../../src/app/partnerfit.ts';
import { demoLedgerCsv } from '../../src/app/demo-ledger.ts';
import { DEMO_ACTIVITY, DEMO_ROSTER } from '../../src/cli/commands/demo-command.ts';
import { DEFAULT_SCORING_CONFIG } from '../../src/core/scoring/scoring-config.ts';
import { readModelInfo } from '../../src/learning/model-files.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'partnerfit-models-'));
let app: Partnerfit;
beforeAll(async () => {
  app = await createPartnerfit({ directory: 'memory://', modelsDirectory: path.join(dir, 'a') });
  await app.ingest(DEMO_ROSTER);
  await app.ingestActivity(DEMO_ACTIVITY);
});
afterAll(async () => app?.close());

describe('learning from the demo ledger', () => {
  it('data/demo/activity.csv is what the seeded generator writes', async () => {
    expect(demoLedgerCsv(await app.scoredMembers(), app.knowledge)).toBe(readFileSync(DEMO_ACTIVITY, 'utf8'));
  });

  it('the trained model beats the default weights and TF-IDF on the held-out periods', async () => {
    const report = await app.evaluate({ speedDatingFile: path.join(dir, 'absent.csv') });
    const { model, default: defaults, tfidf } = report.replay.rankers as Record<string, { precisionAtK: number; ndcgAtK: number; mrr: number }>;
    expect(report.replay.heldOutPeriods).toBeGreaterThanOrEqual(4);
    expect(report.replay.queries).toBeGreaterThan(100);
    for (const metric of ['precisionAtK', 'ndcgAtK', 'mrr'] as const) {
      expect(model![metric]).toBeGreaterThan(defaults![metric]);
      expect(model![metric]).toBeGreaterThan(tfidf![metric]);
    }
    expect(report.speedDating).toBeNull();
  });

  it('trains reproducibly and suggest then uses the model and names its version', async () => {
    const first = await app.train({ network: 'malmo-bni' });
    const info = readModelInfo(path.join(dir, 'a'), 'malmo-bni')!;
    expect(info.config.version).toBe(first.version);
    expect(info.trainingDataHash).toBe(first.trainingDataHash);
    expect(info.metrics.validationAuc).toBeGreaterThan(0.5);
    for (const name of ['model.json', 'weights.bin', 'partnerfit-model.json']) expect(existsSync(path.join(first.folder, name))).toBe(true);

    const other = await createPartnerfit({ directory: 'memory://', modelsDirectory: path.join(dir, 'b') });
    try {
      await other.ingest(DEMO_ROSTER);
      await other.ingestActivity(DEMO_ACTIVITY);
      const second = await other.train({ network: 'malmo-bni' });
      expect(second.version).toBe(first.version);
      expect(readModelInfo(path.join(dir, 'b'), 'malmo-bni')!.config).toEqual(info.config);
    } finally {
      await other.close();
    }

    const inNetwork = await app.suggest('se-001');
    expect(inNetwork.modelVersion).toBe(first.version);
    const elsewhere = await app.suggest('de-001');
    expect(elsewhere.modelVersion).toBe(DEFAULT_SCORING_CONFIG.version);
  });
});
