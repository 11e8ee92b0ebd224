/**
 * The scoring jobs of the programmatic API: suggestions for one member, competitor
 * pairs, the network report. They read members through the store, make sure vectors
 * are current, and hand plain values to the pure core.
 */
import { findCompetitorPairs } from '../core/competition/competitor-pairs.ts';
import { detectCompetition } from '../core/competition/competitor-detector.ts';
import type { ScoringContext } from '../core/criteria/criterion.ts';
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
import { buildExactPartnerIndex, type ExactPartnerIndex } from '../core/retrieval/exact-partner-index.ts';

/**
 * Above this many candidates, referral suggestions search an exact partner index
 * (score bounds rule out most members unscored; the result is the same as scoring
 * all, figures in docs/benchmarks.md) instead of scoring every member.
 */
const INDEX_THRESHOLD = 20_000;

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
  scoredMembers(network?: string): Promise<ScoredMember[]>;
}

export function createScoringJobs(
  members: MemberReader,
  networks: NetworkStore,
  knowledge: EngineKnowledge,
  config: () => ScoringConfig,
  ensureVectors: () => Promise<unknown>,
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
  const indexes = new Map<string, { index: ExactPartnerIndex; members: readonly ScoredMember[] }>();
  const candidatesFor = (self: ScoredMember, scope: string | undefined, all: readonly ScoredMember[], purpose: Purpose, top: number): readonly ScoredMember[] => {
    if (all.length <= INDEX_THRESHOLD) return all;
    if (purpose === 'overflow') {
      // Overflow partners share a trade: a linear filter on service concepts finds them all.
      const mine = new Set(self.vector.services.map((s) => s.id));
      return all.filter((m) => m.vector.services.some((s) => mine.has(s.id)));
    }
    const key = scope ?? '*';
    let cached = indexes.get(key);
    if (!cached || cached.members.length !== all.length) {
      cached = { index: buildExactPartnerIndex(all, knowledge), members: all };
      indexes.set(key, cached);
    }
    // The exact best `top`, and the direct competitors met on the way (reported as left out).
    const found = cached.index.best(self, top, config());
    return [...found.partners.map((p) => p.member), ...found.directCompetitors];
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
      const pool = candidatesFor(self, scope, candidates, purpose, top);
      const ranked = rankPartners(self, pool, context, config(), { purpose, top });
      // Direct competitors are never referral partners; say who was left out, and why.
      const excluded = purpose === 'referral' ? pool.filter((m) => m.id !== self.id && detectCompetition(self, m).level === 'direct').map((m) => m.id) : [];
      const byId = new Map(candidates.map((m) => [m.id, m]));
      return { ...suggestionsView(self, ranked, byId, purpose, config().version, knowledge), excludedCompetitors: excluded };
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
    async report(network) {
      const info = await networks.getNetwork(network);
      if (!info) throw new PartnerfitError('not-found', `no network with id "${network}"`);
      const list = await scoredMembers(network);
      return { ...buildNetworkReport(network, list, context, config()), policy: info.policy };
    },
  };
}
