/**
 * The scoring jobs of the programmatic API: suggestions for one member, competitor
 * pairs, the network report. They read members through the store, make sure vectors
 * are current, and hand plain values to the pure core.
 */
import { PartnerfitError } from '../core/errors.ts';
import type { EngineKnowledge } from '../core/knowledge.ts';
import type { Purpose } from '../core/ranking/partner-ranker.ts';
import type { NetworkReport } from '../core/report/network-report.ts';
import type { ScoredMember } from '../core/scoring/scored-member.ts';
import type { ScoringConfig } from '../core/scoring/scoring-config.ts';
import { vectorizeMember, vectorVersion } from '../core/vectors/member-vectorizer.ts';
import type { MemberReader, StoredMember } from '../storage/member-store.ts';
import type { NetworkPolicy, NetworkStore } from '../storage/network-store.ts';
import { competitorPairView, type CompetitorPairView, type SuggestionsView } from './partner-views.ts';
import type { Scope, ScoringEngine, SuggestionsResult } from './scoring-engine.ts';
import { buildPartnerIndex, type PartnerIndex } from '../retrieval/ann-partner-index.ts';

/** Above this many candidates, suggestions retrieve candidates from an HNSW index first. */
const ANN_THRESHOLD = 20_000;
/** Candidates the index hands to exact scoring (recall figures in docs/benchmarks.md). */
const ANN_CANDIDATES = 300;

export interface SuggestOptions {
  readonly top?: number;
  readonly purpose?: Purpose;
  readonly allNetworks?: boolean;
}

export interface CompetitorsOptions {
  readonly network?: string;
  readonly member?: string;
  /** Also pairs of members in different networks (by default a conflict is within one network). */
  readonly allNetworks?: boolean;
}

export interface NetworkReportWithPolicy extends NetworkReport {
  readonly policy: NetworkPolicy;
}

export interface ScoringJobs {
  suggest(memberId: string, options?: SuggestOptions): Promise<SuggestionsView & { readonly excludedCompetitors: readonly string[] }>;
  competitors(options?: CompetitorsOptions): Promise<{ pairs: CompetitorPairView[] }>;
  report(network: string): Promise<NetworkReportWithPolicy>;
  /** The members of one network (or all), as the scorers see them. */
  scoredMembers(network?: string): Promise<readonly ScoredMember[]>;
}

export interface ScoringJobsOptions {
  readonly engine: ScoringEngine;
  /** Bumped by the programmatic API on every write; cached scopes and answers of an older generation are dropped. */
  readonly generation: () => number;
}

/** Answers kept per process (the HTTP server asks the same questions many times). */
const SUGGESTION_CACHE_SIZE = 50_000;
const SCOPE_CACHE_SIZE = 64;
const REPORT_CACHE_SIZE = 8;

export function createScoringJobs(
  members: MemberReader,
  networks: NetworkStore,
  knowledge: EngineKnowledge,
  config: () => ScoringConfig,
  ensureVectors: () => Promise<unknown>,
  { engine, generation }: ScoringJobsOptions,
): ScoringJobs {
  const version = vectorVersion(knowledge);
  const toScored = (stored: StoredMember): ScoredMember => ({
    id: stored.profile.id,
    network: stored.profile.network,
    name: stored.profile.name,
    vector: stored.vector?.version === version ? stored.vector : vectorizeMember(stored.profile, knowledge),
  });
  const scopes = new Map<string, Scope>();
  const loadScope = async (network?: string): Promise<Scope> => {
    const key = network ?? '*';
    const now = generation();
    const cached = scopes.get(key);
    if (cached && cached.generation === now) return cached;
    await ensureVectors();
    const list: ScoredMember[] = [];
    for await (const stored of members.iterateMembers(network)) list.push(toScored(stored));
    const scope = { key, generation: now, members: list };
    scopes.delete(key);
    scopes.set(key, scope);
    if (scopes.size > SCOPE_CACHE_SIZE) scopes.delete(scopes.keys().next().value!);
    return scope;
  };
  // One index per scope and generation (the HTTP server asks many times).
  const indexes = new Map<string, { index: PartnerIndex; generation: number }>();
  const candidatesFor = (self: ScoredMember, scope: Scope, purpose: Purpose): readonly string[] | undefined => {
    const all = scope.members;
    if (all.length <= ANN_THRESHOLD) return undefined;
    if (purpose === 'overflow') {
      // Overflow partners share a trade: a linear filter on service concepts finds them all.
      const mine = new Set(self.vector.services.map((s) => s.id));
      return all.filter((m) => m.vector.services.some((s) => mine.has(s.id))).map((m) => m.id);
    }
    let cached = indexes.get(scope.key);
    if (!cached || cached.generation !== scope.generation) {
      cached = { index: buildPartnerIndex(all, knowledge), generation: scope.generation };
      indexes.set(scope.key, cached);
    }
    return cached.index.candidates(self, ANN_CANDIDATES).map((m) => m.id);
  };
  const requireMember = async (id: string): Promise<ScoredMember> => {
    const stored = await members.getMember(id);
    if (!stored) throw new PartnerfitError('not-found', `no member with id "${id}"`);
    return toScored(stored);
  };
  const answers = new Map<string, { generation: number; value: SuggestionsResult }>();
  // A report is all pairs of a network (a minute at 1,000 members): kept per generation, and
  // shared while it is computed, so a client that retries after a 503 gets the same run.
  const reports = new Map<string, { generation: number; value: Promise<NetworkReport> }>();

  return {
    scoredMembers: async (network) => (await loadScope(network)).members,
    async suggest(memberId, options = {}) {
      const top = options.top ?? 5;
      const purpose = options.purpose ?? 'referral';
      if (!Number.isInteger(top) || top < 1 || top > 1000) throw new PartnerfitError('usage', `top must be a whole number from 1 to 1000, not ${top}`);
      const now = generation();
      const key = `${memberId}\u0000${top}\u0000${purpose}\u0000${options.allNetworks ? 1 : 0}`;
      const known = answers.get(key);
      if (known && known.generation === now) return known.value;
      const self = await requireMember(memberId);
      const scope = await loadScope(options.allNetworks || !self.network ? undefined : self.network);
      const candidateIds = candidatesFor(self, scope, purpose);
      const value = await engine.suggestions(scope, { self, purpose, top, ...(candidateIds ? { candidateIds } : {}) });
      if (answers.size >= SUGGESTION_CACHE_SIZE) answers.delete(answers.keys().next().value!);
      answers.set(key, { generation: now, value });
      return value;
    },
    async competitors(options = {}) {
      if (options.network && !(await networks.getNetwork(options.network))) {
        throw new PartnerfitError('not-found', `no network with id "${options.network}"`);
      }
      let network = options.network;
      if (options.member) {
        const self = await requireMember(options.member);
        if (!options.allNetworks) network ??= self.network ?? undefined;
      }
      const scope = await loadScope(network);
      const byId = new Map(scope.members.map((m) => [m.id, m]));
      const pairs = (await engine.competitorPairs(scope, options.member)).filter(
        (p) => options.allNetworks || byId.get(p.a)!.network === byId.get(p.b)!.network,
      );
      return { pairs: pairs.map((p) => competitorPairView(p, byId, knowledge)) };
    },
    async report(network) {
      const info = await networks.getNetwork(network);
      if (!info) throw new PartnerfitError('not-found', `no network with id "${network}"`);
      const now = generation();
      let cached = reports.get(network);
      if (!cached || cached.generation !== now) {
        const value = loadScope(network).then((scope) => engine.networkReport(scope, network));
        cached = { generation: now, value };
        reports.delete(network);
        reports.set(network, cached);
        if (reports.size > REPORT_CACHE_SIZE) reports.delete(reports.keys().next().value!);
        value.catch(() => reports.get(network) === cached && reports.delete(network));
      }
      return { ...(await cached.value), policy: info.policy };
    },
  };
}
