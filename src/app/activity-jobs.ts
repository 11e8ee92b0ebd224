/**
 * The activity jobs of the programmatic API: activity in, the evidence the criteria
 * read, the give/take ledger, training the pair model and the evaluation that
 * compares it with the default weights and the TF-IDF baseline. They read through
 * the stores and hand plain values to the pure core.
 */
import { createHash } from 'node:crypto';
import { byDate, dayNumber, type Activity } from '../core/activity/activity.ts';
import { buildNetworkLedger, DEFAULT_LEDGER_OPTIONS, type LedgerOptions, type NetworkLedger } from '../core/activity/network-ledger.ts';
import { DEFAULT_EVIDENCE_OPTIONS, EvidenceAccumulator, type ActivityEvidence } from '../core/activity/pair-evidence.ts';
import { PartnerfitError } from '../core/errors.ts';
import { replayLedger, type ReplayRanker, type ReplayResult } from '../core/evaluation/ledger-replay.ts';
import { profileText, sparseCosine, tfidfVectors } from '../core/evaluation/tfidf-baseline.ts';
import type { EngineKnowledge } from '../core/knowledge.ts';
import { ledgerPeriods } from '../core/learning/ledger-periods.ts';
import { logisticPairModel } from '../core/learning/pair-model.ts';
import { buildTrainingExamples } from '../core/learning/training-examples.ts';
import { rankPartners } from '../core/ranking/partner-ranker.ts';
import type { ScoredMember } from '../core/scoring/scored-member.ts';
import { DEFAULT_SCORING_CONFIG, type ScoringConfig } from '../core/scoring/scoring-config.ts';
import { ingestActivity, type ActivityIngestOptions } from '../ingest/ingest-activity.ts';
import type { IngestReport } from '../ingest/ingest-roster.ts';
import { loadModelFor, readModelInfo, saveModel, type StoredModelInfo } from '../learning/model-files.ts';
import type { TrainingMetrics } from '../learning/pair-model-trainer.ts';
import { evaluateSpeedDating, SPEED_DATING_FILE, type SpeedDatingResult } from '../learning/speed-dating.ts';
import type { ActivityReader, ActivityScope, ActivityWriter } from '../storage/activity-store.ts';
import type { MemberReader } from '../storage/member-store.ts';

export interface TrainJobOptions {
  readonly network?: string | undefined;
  readonly seed?: number;
  readonly periodDays?: number;
  readonly epochs?: number;
  readonly onProgress?: (message: string) => void;
}

export interface TrainReport {
  readonly network: string | null;
  readonly version: string;
  readonly folder: string;
  readonly trainingDataHash: string;
  readonly rows: number;
  readonly examples: number;
  readonly metrics: TrainingMetrics;
}

export interface EvalJobOptions {
  readonly network?: string | undefined;
  readonly k?: number;
  readonly periodDays?: number;
  /** Held-out periods at the end of the ledger; default a quarter of them (at least 1). */
  readonly heldOutPeriods?: number;
  readonly seed?: number;
  /** The speed-dating file; default ../shared/data/speed-dating/SpeedDatingData.csv (skipped when absent). */
  readonly speedDatingFile?: string;
}

export interface EvalReport {
  readonly network: string | null;
  readonly rows: number;
  readonly periodDays: number;
  readonly replay: ReplayResult;
  /** The model trained for the replay on the periods before the held-out ones. */
  readonly replayModel: { readonly version: string; readonly trainedOnPeriods: number; readonly metrics: TrainingMetrics };
  readonly speedDating: SpeedDatingResult | null;
}

export interface ActivityJobs {
  ingestActivity(file: string, options?: ActivityIngestOptions): Promise<IngestReport>;
  countActivities(scope?: ActivityScope): Promise<number>;
  /** Evidence for the pairs in scope, decayed to the latest activity of the network (the ledger's today). */
  evidenceFor(scope: ActivityScope & { readonly asOfNetwork?: string | null }): Promise<ActivityEvidence | undefined>;
  /** Whether the network has any activity at all. */
  hasActivity(network: string): Promise<boolean>;
  ledger(network: string, options?: Partial<LedgerOptions>): Promise<NetworkLedger>;
  /** The scoring config suggest uses for a network: its trained model when there is one, else the defaults. */
  configFor(network: string | null): ScoringConfig;
  trainedModel(network: string | null): StoredModelInfo | null;
  train(options?: TrainJobOptions): Promise<TrainReport>;
  evaluate(options?: EvalJobOptions): Promise<EvalReport>;
}

export interface ActivityJobDeps {
  readonly activities: ActivityReader & ActivityWriter;
  readonly members: MemberReader;
  readonly knowledge: EngineKnowledge;
  readonly scoredMembers: (network?: string) => Promise<readonly ScoredMember[]>;
  readonly modelsDirectory: string;
  readonly vectorVersion: string;
}

const DEFAULT_PERIOD_DAYS = 30;
/**
 * Closed pairs sampled for training examples (each with three negatives, both
 * directions): evaluating the criteria costs ~60–230 µs per direction here, so this
 * bounds training on a ledger of millions to seconds. Every row still feeds the evidence.
 */
const MAX_TRAINING_POSITIVES = 12_000;

export function createActivityJobs(deps: ActivityJobDeps): ActivityJobs {
  const { activities, knowledge } = deps;
  const loadAll = async (scope: ActivityScope): Promise<Activity[]> => {
    const list: Activity[] = [];
    for await (const a of activities.iterateActivities(scope)) list.push(a);
    return list;
  };
  const requireActivity = async (network: string | undefined) => {
    const rows = await loadAll({ network });
    if (rows.length === 0) {
      throw new PartnerfitError('unusable-input', `no activity stored${network ? ` for network "${network}"` : ''}: run partnerfit ingest-activity first`);
    }
    return byDate(rows);
  };
  const configFor = (network: string | null): ScoringConfig => {
    const model = loadModelFor(deps.modelsDirectory, network);
    return model ? { ...DEFAULT_SCORING_CONFIG, version: model.version, model } : DEFAULT_SCORING_CONFIG;
  };

  return {
    ingestActivity: (file, options) => ingestActivity(file, activities, options),
    countActivities: (scope) => activities.countActivities(scope),
    async evidenceFor(scope) {
      const latest = await activities.latestDate(scope.asOfNetwork ? { network: scope.asOfNetwork } : scope);
      if (latest === null) return undefined;
      const accumulator = new EvidenceAccumulator(DEFAULT_EVIDENCE_OPTIONS);
      for await (const a of activities.iterateActivities({ network: scope.network, member: scope.member })) accumulator.add(a);
      return accumulator.pairCount > 0 ? accumulator.view(dayNumber(latest)) : undefined;
    },
    hasActivity: async (network) => (await activities.latestDate({ network })) !== null,
    async ledger(network, options = {}) {
      const members = await deps.scoredMembers(network);
      return buildNetworkLedger(members, await loadAll({ network }), { ...DEFAULT_LEDGER_OPTIONS, ...options });
    },
    configFor,
    trainedModel: (network) => readModelInfo(deps.modelsDirectory, network),
    async train(options = {}) {
      const network = options.network;
      const seed = options.seed ?? 7;
      const periodDays = options.periodDays ?? DEFAULT_PERIOD_DAYS;
      const epochs = options.epochs;
      options.onProgress?.('reading members and activity');
      const members = await deps.scoredMembers(network);
      const rows = await requireActivity(network);
      const trainingDataHash = hashTrainingData(rows, deps.vectorVersion);
      options.onProgress?.(`building examples from ${rows.length} rows`);
      const examples = buildTrainingExamples(members, rows, knowledge, { periodDays, seed, maxPositives: MAX_TRAINING_POSITIVES });
      const version = `logistic-${createHash('sha256').update(`${trainingDataHash}|${seed}|${periodDays}|${epochs ?? 'auto'}`).digest('hex').slice(0, 12)}`;
      options.onProgress?.(`training on ${examples.count} examples`);
      const { trainPairModel } = await loadTrainer();
      const trained = await trainPairModel(examples, version, epochs === undefined ? { seed } : { seed, epochs });
      const info: StoredModelInfo = {
        config: trained.config,
        network: network ?? null,
        trainingDataHash,
        trainingRows: rows.length,
        options: { seed, periodDays, epochs: epochs ?? 'auto', vectorVersion: deps.vectorVersion },
        metrics: trained.metrics,
      };
      const folder = saveModel(deps.modelsDirectory, info, trained.artifacts);
      return { network: network ?? null, version, folder, trainingDataHash, rows: rows.length, examples: examples.count, metrics: trained.metrics };
    },
    async evaluate(options = {}) {
      const network = options.network;
      const periodDays = options.periodDays ?? DEFAULT_PERIOD_DAYS;
      const k = options.k ?? 5;
      const members = await deps.scoredMembers(network);
      const rows = await requireActivity(network);
      const periods = ledgerPeriods(rows, periodDays).length;
      const heldOut = Math.min(periods - 2, options.heldOutPeriods ?? Math.max(1, Math.round(periods / 4)));
      if (heldOut < 1) throw new PartnerfitError('unusable-input', `the ledger spans ${periods} period(s) of ${periodDays} days: too short to hold any out`);
      const fromPeriod = periods - heldOut;
      const seed = options.seed ?? 7;
      const examples = buildTrainingExamples(members, rows, knowledge, { periodDays, seed, endPeriod: fromPeriod, maxPositives: MAX_TRAINING_POSITIVES });
      const { trainPairModel } = await loadTrainer();
      const trained = await trainPairModel(examples, `replay-${hashTrainingData(rows, deps.vectorVersion).slice(0, 8)}`, { seed });
      const modelConfig: ScoringConfig = { ...DEFAULT_SCORING_CONFIG, version: trained.config.version, model: logisticPairModel(trained.config) };

      const profiles = new Map<string, string>();
      for await (const stored of deps.members.iterateMembers(network)) profiles.set(stored.profile.id, profileText(stored.profile));
      const tfidf = tfidfVectors(profiles);
      const byScorer = (name: string, config: ScoringConfig): ReplayRanker => ({
        name,
        rank: (self, candidates, context) => rankPartners(self, candidates, context, config, { purpose: 'referral', top: candidates.length }).map((r) => r.pair.other),
      });
      const rankers: ReplayRanker[] = [
        byScorer('default', DEFAULT_SCORING_CONFIG),
        byScorer('model', modelConfig),
        {
          name: 'tfidf',
          rank: (self, candidates) => {
            const mine = tfidf.get(self.id)!;
            return candidates
              .map((c) => ({ id: c.id, s: sparseCosine(mine, tfidf.get(c.id)!) }))
              .sort((a, b) => b.s - a.s || a.id.localeCompare(b.id))
              .map((c) => c.id);
          },
        },
      ];
      const replay = replayLedger(members, rows, knowledge, rankers, { periodDays, fromPeriod, k });
      return {
        network: network ?? null,
        rows: rows.length,
        periodDays,
        replay,
        replayModel: { version: trained.config.version, trainedOnPeriods: fromPeriod, metrics: trained.metrics },
        speedDating: evaluateSpeedDating(options.speedDatingFile ?? SPEED_DATING_FILE),
      };
    },
  };
}

/** TensorFlow.js loads only when a command trains: every other command starts without it. */
function loadTrainer(): Promise<typeof import('../learning/pair-model-trainer.ts')> {
  return import('../learning/pair-model-trainer.ts');
}

/** A hash of the ledger rows (in date order) and the vectors' version: what a model was trained on. */
export function hashTrainingData(rows: readonly Activity[], vectorVersion: string): string {
  const hash = createHash('sha256').update(vectorVersion);
  for (const row of rows) hash.update('\n').update(JSON.stringify(row));
  return hash.digest('hex');
}
