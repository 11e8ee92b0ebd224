/**
 * The programmatic API: one object per open database, with the jobs the CLI and the
 * HTTP server expose. Both are thin wrappers around it.
 */
import { PartnerfitError } from '../core/errors.ts';
import type { EngineKnowledge } from '../core/knowledge.ts';
import { vectorVersion } from '../core/vectors/vector-version.ts';
import type { IngestOptions, IngestReport } from '../ingest/ingest-roster.ts';
import { loadKnowledge } from '../knowledge/knowledge-files.ts';
import { migrationState, openDatabase, type Database, type DatabaseOptions } from '../storage/database.ts';
import { createMemberStore } from '../storage/member-store.ts';
import { createNetworkStore, type NetworkInfo, type NetworkPolicy } from '../storage/network-store.ts';
import { DEFAULT_SCORING_CONFIG, type ScoringConfig } from '../core/scoring/scoring-config.ts';
import { createScoringJobs, type ScoringJobs } from './scoring-jobs.ts';
import { describeMember, type MemberInspection } from './member-inspection.ts';
import { overviewOf, type RosterOverview } from './roster-overview.ts';
import type { ApplicantJobOptions, ApplicantJobOutcome } from '../applicants/applicant-job.ts';
import type { ApplicantResult } from '../core/applicants/applicant-assessment.ts';
import { createApplicantJobStore, type ApplicantJob, type RowRejection } from '../storage/applicant-job-store.ts';
import { applicantResults } from './applicant-output.ts';
import { defaultScoringThreads, inThreadEngine, workerEngine } from './scoring-engine.ts';
import { createApiKeyStore, type ApiKey, type KeyRole } from '../storage/api-key-store.ts';
import { eraseMember, type Erasure } from '../storage/member-erasure.ts';
import type { MemberProfile } from '../core/profile/member-profile.ts';
import { createActivityJobs, type ActivityJobs } from './activity-jobs.ts';
import { createActivityStore } from '../storage/activity-store.ts';

export interface Partnerfit extends ScoringJobs, ActivityJobs {
  readonly database: Pick<Database, 'kind' | 'location'>;
  readonly knowledge: EngineKnowledge;
  /** Members in, per the input contract. */
  ingest(file: string, options?: IngestOptions): Promise<IngestReport>;
  /** A stored member as the engine understood them. */
  inspect(id: string): Promise<MemberInspection>;
  /** Rebuilds vectors built by another lexicon or vectoriser version; returns how many. */
  refreshVectors(onProgress?: (done: number) => void): Promise<number>;
  /**
   * Loads what reading profiles needs (the vectoriser with its language detector, the
   * lexicon's label index), which is otherwise loaded by the first ingest, applicant
   * batch or admission: a server calls it before it listens, so that no request waits
   * the second it takes.
   */
  loadProfileReader(): Promise<void>;
  countMembers(network?: string): Promise<number>;
  /** Members per network and language, recognition rate, trades written in several languages. */
  overview(network?: string): Promise<RosterOverview>;
  networks(): Promise<NetworkInfo[]>;
  /** Sets a network's competitor policy: `exclusive` (one seat per trade) or `open`. */
  setPolicy(network: string, policy: NetworkPolicy): Promise<NetworkInfo>;
  readonly scoringConfig: ScoringConfig;
  /** Scores a file of applicants as a resumable job (see src/applicants/applicant-job.ts). */
  scoreApplicants(file: string, options?: ApplicantJobOptions): Promise<ApplicantJobOutcome>;
  applicantJob(id: string): Promise<ApplicantJob & { readonly rows: number; readonly scored: number; readonly rejectedLines: number }>;
  /** A finished job's results in file order. */
  applicantResults(jobId: string): AsyncIterable<ApplicantResult>;
  applicantRejections(jobId: string): Promise<RowRejection[]>;
  /** Makes a scored applicant a member, through the store ingest writes with. */
  admitApplicant(applicantId: string, options?: { readonly job?: string }): Promise<AdmittedApplicant>;
  /** Erases a member and everything derived from them (see src/storage/member-erasure.ts). */
  deleteMember(id: string): Promise<Erasure>;
  /** The stored profile, as given (for `GET /members/{id}`). */
  memberProfile(id: string): Promise<{ readonly profile: MemberProfile; readonly updatedAt: Date }>;
  createApiKey(role: KeyRole, network: string, member?: string | null): Promise<ApiKey & { readonly key: string }>;
  verifyApiKey(key: string): Promise<ApiKey | null>;
  /** Database reachable and migrations applied (readiness). */
  ready(): Promise<{ readonly database: string; readonly migrationsApplied: number; readonly migrationsKnown: number }>;
  close(): Promise<void>;
}

export interface AdmittedApplicant {
  readonly member: string;
  readonly network: string | null;
  readonly job: string;
  /** False when the member existed with exactly this profile already. */
  readonly changed: boolean;
  /** The committee's verdict at scoring time (admitting is their call, whatever it was). */
  readonly verdict: 'accept' | 'review' | 'conflict';
}

export interface PartnerfitOptions extends DatabaseOptions {
  readonly knowledge?: EngineKnowledge;
  /** An open database to work on; the caller keeps it and closes it. */
  readonly database?: Database;
  /**
   * Worker threads for scoring (suggestions, competitors, reports); 0 (the default)
   * scores in the calling thread. The HTTP server uses workers so its event loop stays free.
   */
  readonly scoringThreads?: number;
  /** Load all networks' members in one read when the first is needed (a server: it soon answers about any member). */
  readonly preloadScopes?: boolean;
  /** Where trained models live (default `models`; the CLI reads PARTNERFIT_MODELS). */
  readonly modelsDirectory?: string;
}

/**
 * Reading profiles (matching text against the lexicon, detecting languages: eld's
 * n-gram tables alone take about a second to load) is loaded when a profile is first
 * read; commands that score stored vectors (suggest, competitors, report) never load it.
 */
const vectorizer = () => import('../core/vectors/member-vectorizer.ts');
const rosterIngest = () => import('../ingest/ingest-roster.ts');
const applicantJob = () => import('../applicants/applicant-job.ts');

export async function createPartnerfit(options: PartnerfitOptions): Promise<Partnerfit> {
  const knowledge = options.knowledge ?? loadKnowledge();
  const database = options.database ?? (await openDatabase(options));
  const ownsDatabase = options.database === undefined;
  const members = createMemberStore(database.db);
  const networkStore = createNetworkStore(database.db);
  const scoringConfig = DEFAULT_SCORING_CONFIG;
  const version = vectorVersion(knowledge);

  const refreshVectors = async (onProgress?: (done: number) => void): Promise<number> => {
    let done = 0;
    let after: string | undefined;
    for (;;) {
      const profiles = await members.staleProfiles(version, 1000, after);
      if (profiles.length === 0) return done;
      const { vectorizeMember } = await vectorizer();
      await members.saveVectors(profiles.map((p) => ({ memberId: p.id, vector: vectorizeMember(p, knowledge) })));
      done += profiles.length;
      after = profiles[profiles.length - 1]!.id;
      onProgress?.(done);
    }
  };

  const applicantJobs = createApplicantJobStore(database.db);
  const apiKeys = createApiKeyStore(database.db);
  // Every write bumps the generation: cached scopes, indexes and answers of older generations are dropped.
  let generation = 0;
  const written = <T>(value: T): T => {
    generation++;
    return value;
  };
  const threads = options.scoringThreads === undefined ? 0 : options.scoringThreads < 0 ? defaultScoringThreads() : options.scoringThreads;
  const engine = threads > 0 ? workerEngine(threads, () => scoringConfig) : inThreadEngine(knowledge, () => scoringConfig);
  let activityJobs: ActivityJobs | undefined;
  const jobs = createScoringJobs(members, networkStore, knowledge, () => scoringConfig, () => refreshVectors(), {
    engine,
    generation: () => generation,
    preloadScopes: options.preloadScopes ?? false,
    activity: {
      evidenceFor: (scope) => activityJobs!.evidenceFor(scope),
      hasActivity: (network) => activityJobs!.hasActivity(network),
      configFor: (network) => activityJobs!.configFor(network),
      ledger: (network, ledgerOptions) => activityJobs!.ledger(network, ledgerOptions),
    },
  });
  activityJobs = createActivityJobs({
    activities: createActivityStore(database.db),
    members,
    knowledge,
    scoredMembers: jobs.scoredMembers,
    modelsDirectory: options.modelsDirectory ?? 'models',
    vectorVersion: version,
  });

  return {
    ...jobs,
    ...activityJobs,
    // Activity and trained models change scores: cached answers of the older generation go.
    ingestActivity: async (file, activityOptions) => {
      try {
        return await activityJobs.ingestActivity(file, activityOptions);
      } finally {
        generation++;
      }
    },
    train: async (trainOptions) => written(await activityJobs.train(trainOptions)),
    scoringConfig,
    networks: () => networkStore.listNetworks(),
    async setPolicy(network, policy) {
      if (!(await networkStore.setPolicy(network, policy))) throw await networkStore.unknown(network);
      return written((await networkStore.getNetwork(network))!);
    },
    database: { kind: database.kind, location: database.location },
    knowledge,
    ingest: async (file, ingestOptions) => {
      try {
        const { ingestRoster } = await rosterIngest();
        const report = await ingestRoster(file, members, knowledge, { vectorizeInWorker: database.kind === 'postgres', ...ingestOptions });
        if (report.accepted > report.unchanged) await members.refreshStatistics();
        return report;
      } finally {
        // Even a failed ingest may have stored whole batches.
        generation++;
      }
    },
    async inspect(id) {
      const stored = await members.getMember(id);
      if (!stored) throw await members.unknown(id);
      let vector = stored.vector;
      if (!vector || vector.version !== version) {
        vector = (await vectorizer()).vectorizeMember(stored.profile, knowledge);
        await members.saveVectors([{ memberId: id, vector }]);
      }
      return describeMember(stored.profile, vector, knowledge, version, stored.updatedAt);
    },
    refreshVectors,
    async loadProfileReader() {
      await Promise.all([vectorizer(), rosterIngest(), applicantJob()]);
      void knowledge.lexicon.vocabulary;
    },
    scoreApplicants: async (file, jobOptions) =>
      (await applicantJob()).runApplicantJob(file, { jobs: applicantJobs, members, networks: networkStore, knowledge, config: scoringConfig }, jobOptions),
    async applicantJob(id) {
      const job = await applicantJobs.getJob(id);
      if (!job) throw new PartnerfitError('not-found', `no applicant job "${id}"`);
      return { ...job, ...(await applicantJobs.counts(id)) };
    },
    applicantResults: (jobId) => applicantResults(applicantJobs, jobId),
    applicantRejections: (jobId) => applicantJobs.rejections(jobId),
    async admitApplicant(applicantId, admitOptions = {}) {
      const row = await applicantJobs.findApplicant(applicantId, admitOptions.job);
      if (!row) {
        throw new PartnerfitError('not-found', `no applicant "${applicantId}"${admitOptions.job ? ` in job ${admitOptions.job}` : ' in any applicant job'}`);
      }
      const { storeProfiles } = await rosterIngest();
      const saved = written(await storeProfiles([row.profile], members, knowledge));
      await applicantJobs.markAdmitted(row.jobId, row.line);
      return { member: applicantId, network: row.profile.network, job: row.jobId, changed: saved.unchanged.length === 0, verdict: row.verdict };
    },
    countMembers: (network) => members.countMembers(network),
    async overview(network) {
      await refreshVectors();
      return overviewOf(withVectors(members.iterateMembers(network)), knowledge);
    },
    async deleteMember(id) {
      const erasure = written(await eraseMember(database.db, id));
      if (!erasure.member) throw new PartnerfitError('not-found', `no member with id "${id}"`);
      return erasure;
    },
    async memberProfile(id) {
      const stored = await members.getMember(id);
      if (!stored) throw await members.unknown(id);
      return { profile: stored.profile, updatedAt: stored.updatedAt };
    },
    async createApiKey(role, network, member = null) {
      if (!(await networkStore.getNetwork(network))) throw await networkStore.unknown(network);
      if (role === 'member') {
        if (!member) throw new PartnerfitError('usage', 'a member key needs --member ID');
        const stored = await members.getMember(member);
        if (!stored) throw await members.unknown(member);
        if (stored.profile.network !== network) throw new PartnerfitError('usage', `member "${member}" is not in network "${network}"`);
      } else if (member) {
        throw new PartnerfitError('usage', 'an admin key is for a whole network; leave out --member');
      }
      return apiKeys.create(role, network, role === 'member' ? member : null);
    },
    verifyApiKey: (key) => apiKeys.verify(key),
    async ready() {
      const state = await migrationState(database.db);
      return { database: database.kind, migrationsApplied: state.applied, migrationsKnown: state.known };
    },
    close: async () => {
      await engine.close();
      if (ownsDatabase) await database.close();
    },
  };
}

async function* withVectors<T extends { vector: unknown }>(
  rows: AsyncIterable<T>,
): AsyncIterable<T & { vector: NonNullable<T['vector']> }> {
  for await (const row of rows) if (row.vector) yield row as T & { vector: NonNullable<T['vector']> };
}
