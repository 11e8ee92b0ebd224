/**
 * The scoring jobs of the programmatic API: suggestions for one member, competitor
 * pairs, the network report. They read members through the store, make sure vectors
 * are current, and hand plain values to the pure core.
 */
import { findCompetitorPairs } from '../core/competition/competitor-pairs.ts';
import { detectCompetition } from '../core/competition/competitor-detector.ts';
import type { ScoringContext } from '../core/criteria/criterion.ts';
import type { ActivityEvidence } from '../core/activity/pair-evidence.ts';
import type { NetworkLedger } from '../core/activity/network-ledger.ts';
import { PartnerfitError } from '../core/errors.ts';
import type { EngineKnowledge } from '../core/knowledge.ts';
import { rankPartners, type Purpose } from '../core/ranking/partner-ranker.ts';
import { buildNetworkReport, type NetworkReport } from '../core/report/network-report.ts';
import type { ScoredMember } from '../core/scoring/scored-member.ts';
import type { ScoringConfig } from '../core/scoring/scoring-config.ts';
import { vectorizeMember, vectorVersion } from '../core/vectors/member-vectorizer.ts';
import type { MemberReader, StoredMember } from '../storage/member-store.ts';
import type { NetworkPolicy, NetworkStore } from '../storage/network-store.ts';
import { competitorPairView, suggestionsView, type CompetitorPairView, type SuggestionsView } from './partner-views.ts';
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

export interface ReportOptions {
  /** A member without activity in this many days before the ledger's latest day has gone quiet (default 90). */
  readonly quietDays?: number;
}

export interface NetworkReportWithPolicy extends NetworkReport {
  readonly policy: NetworkPolicy;
  /** The give/take ledger, when the network has activity. */
  readonly ledger?: NetworkLedger | null;
}

/** Where scoring gets activity evidence and trained models from (see activity-jobs.ts). */
export interface ScoringActivitySources {
  evidenceFor(scope: { readonly network?: string; readonly member?: string; readonly asOfNetwork?: string | null }): Promise<ActivityEvidence | undefined>;
  configFor(network: string | null): ScoringConfig;
  ledger(network: string, options?: { readonly quietDays?: number }): Promise<NetworkLedger>;
}

export interface ScoringJobs {
  suggest(memberId: string, options?: SuggestOptions): Promise<SuggestionsView & { readonly excludedCompetitors: readonly string[] }>;
  competitors(options?: CompetitorsOptions): Promise<{ pairs: CompetitorPairView[] }>;
  report(network: string, options?: ReportOptions): Promise<NetworkReportWithPolicy>;
  /** The members of one network (or all), as the scorers see them. */
  scoredMembers(network?: string): Promise<ScoredMember[]>;
}

export function createScoringJobs(
  members: MemberReader,
  networks: NetworkStore,
  knowledge: EngineKnowledge,
  config: () => ScoringConfig,
  ensureVectors: () => Promise<unknown>,
  activity?: ScoringActivitySources,
): ScoringJobs {
  const context: ScoringContext = { knowledge };
  const version = vectorVersion(knowledge);
  const toScored = (stored: StoredMember): ScoredMember => ({
    id: stored.profile.id,
    network: stored.profile.network,
    name: stored.profile.name,
    vector: stored.vector?.version === version ? stored.vector : vectorizeMember(stored.profile, knowledge),
  });
  const scoredMembers = async (network?: string): Promise<ScoredMember[]> => {
    await ensureVectors();
    const list: ScoredMember[] = [];
    for await (const stored of members.iterateMembers(network)) list.push(toScored(stored));
    return list;
  };
  // One index per scope, kept while the process lives (the HTTP server asks many times).
  const indexes = new Map<string, { index: PartnerIndex; members: readonly ScoredMember[] }>();
  const candidatesFor = (self: ScoredMember, scope: string | undefined, all: readonly ScoredMember[], purpose: Purpose): readonly ScoredMember[] => {
    if (all.length <= ANN_THRESHOLD) return all;
    if (purpose === 'overflow') {
      // Overflow partners share a trade: a linear filter on service concepts finds them all.
      const mine = new Set(self.vector.services.map((s) => s.id));
      return all.filter((m) => m.vector.services.some((s) => mine.has(s.id)));
    }
    const key = scope ?? '*';
    let cached = indexes.get(key);
    if (!cached || cached.members.length !== all.length) {
      cached = { index: buildPartnerIndex(all, knowledge), members: all };
      indexes.set(key, cached);
    }
    return cached.index.candidates(self, ANN_CANDIDATES);
  };
  const requireMember = async (id: string): Promise<ScoredMember> => {
    const stored = await members.getMember(id);
    if (!stored) throw new PartnerfitError('not-found', `no member with id "${id}"`);
    return toScored(stored);
  };

  return {
    scoredMembers,
    async suggest(memberId, options = {}) {
      const top = options.top ?? 5;
      const purpose = options.purpose ?? 'referral';
      if (!Number.isInteger(top) || top < 1 || top > 1000) throw new PartnerfitError('usage', `top must be a whole number from 1 to 1000, not ${top}`);
      const self = await requireMember(memberId);
      const scope = options.allNetworks || !self.network ? undefined : self.network;
      const candidates = await scoredMembers(scope);
      const pool = candidatesFor(self, scope, candidates, purpose);
      // Activity evidence for self's pairs, and the network's trained model when there is one.
      const evidence = await activity?.evidenceFor({ member: self.id, asOfNetwork: self.network });
      const suggestConfig = activity ? activity.configFor(self.network) : config();
      const ranked = rankPartners(self, pool, { ...context, activity: evidence }, suggestConfig, { purpose, top });
      // Direct competitors are never referral partners; say who was left out, and why.
      const excluded = purpose === 'referral' ? pool.filter((m) => m.id !== self.id && detectCompetition(self, m).level === 'direct').map((m) => m.id) : [];
      const byId = new Map(candidates.map((m) => [m.id, m]));
      return { ...suggestionsView(self, ranked, byId, purpose, suggestConfig.version, knowledge), excludedCompetitors: excluded };
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
      const list = await scoredMembers(network);
      const byId = new Map(list.map((m) => [m.id, m]));
      const pairs = findCompetitorPairs(list, options.member).filter(
        (p) => options.allNetworks || byId.get(p.a)!.network === byId.get(p.b)!.network,
      );
      return { pairs: pairs.map((p) => competitorPairView(p, byId, knowledge)) };
    },
    async report(network, options = {}) {
      const info = await networks.getNetwork(network);
      if (!info) throw new PartnerfitError('not-found', `no network with id "${network}"`);
      const list = await scoredMembers(network);
      // The report keeps the default weights: its good-partner threshold is set for them.
      const evidence = await activity?.evidenceFor({ network, asOfNetwork: network });
      const ledger = evidence && activity ? await activity.ledger(network, options.quietDays === undefined ? {} : { quietDays: options.quietDays }) : null;
      return { ...buildNetworkReport(network, list, { ...context, activity: evidence }, config()), policy: info.policy, ledger };
    },
  };
}
