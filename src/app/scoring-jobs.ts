/**
 * The scoring jobs of the programmatic API: suggestions for one member, competitor
 * pairs, the network report. They read members through the store, make sure vectors
 * are current, and hand plain values to the pure core.
 */
import { PartnerfitError } from '../core/errors.ts';
import { commonLanguage } from '../core/reasons/reason-writer.ts';
import type { CurrencyCode } from '../core/money/exchange-rates.ts';
import type { ReasonLanguage } from '../core/reasons/reason-phrases.ts';
import type { EngineKnowledge } from '../core/knowledge.ts';
import type { Purpose } from '../core/ranking/partner-ranker.ts';
import { buildNetworkReport, type NetworkReport } from '../core/report/network-report.ts';
import type { ScoredMember } from '../core/scoring/scored-member.ts';
import type { MemberVector } from '../core/vectors/member-vector.ts';
import { VectorPartSharer } from '../core/vectors/shared-vector-parts.ts';
import type { ScoringConfig } from '../core/scoring/scoring-config.ts';
import { vectorVersion } from '../core/vectors/vector-version.ts';
import type { MemberReader, StoredMember } from '../storage/member-store.ts';
import type { NetworkPolicy, NetworkStore } from '../storage/network-store.ts';
import { competitorPairView, type CompetitorPairView, type SuggestionsView } from './partner-views.ts';
import { computeSuggestions, trimScopes, type Scope, type ScoringEngine, type SuggestionsResult } from './scoring-engine.ts';
import type { ActivityEvidence } from '../core/activity/pair-evidence.ts';
import type { NetworkLedger } from '../core/activity/network-ledger.ts';
import { buildExactPartnerIndex, type ExactPartnerIndex } from '../core/retrieval/exact-partner-index.ts';

/**
 * Above this many candidates, referral suggestions search an exact partner index
 * (score bounds rule out most members unscored; the result is the same as scoring
 * all, figures in docs/benchmarks.md) instead of scoring every member.
 */
const INDEX_THRESHOLD = 20_000;
/**
 * Above this many candidates, and for up to `APPROXIMATE_MAX_TOP` partners, the index's
 * approximate mode answers instead (members sharing an industry or contact role,
 * the best `APPROXIMATE_BUDGET` by score bound scored exactly): the exact search grows
 * with the pool. At 1,000,000 members (docs/benchmarks.md, session 16) the exact
 * search took p50 6.5–7.5 ms, this mode 2.3–2.9 ms with recall@10 0.990 against it
 * (0.993 at 100,000); a budget of 300 gave 0.997 for about 15% more time.
 */
const APPROXIMATE_THRESHOLD = 200_000;
const APPROXIMATE_BUDGET = 200;
const APPROXIMATE_MAX_TOP = 20;

export interface SuggestOptions {
  readonly top?: number;
  readonly purpose?: Purpose;
  readonly allNetworks?: boolean;
  /** Reasons leave out partners' meeting ratings and referrals (what a member's own API key may see). */
  readonly withoutPartnersActivity?: boolean;
  /** The reasons' language (default: the member's own). */
  readonly language?: ReasonLanguage;
  /** The currency the reasons' amounts are in (default: the one of the member's country). */
  readonly currency?: CurrencyCode;
}

export interface CompetitorsOptions {
  readonly network?: string;
  readonly member?: string;
  /** Also pairs of members in different networks (by default a conflict is within one network). */
  readonly allNetworks?: boolean;
  /** The reasons' language (default: the one most members of the pair's network write in). */
  readonly language?: ReasonLanguage;
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
  /** Whether the network has any activity (without it there is no evidence for any of its members). */
  hasActivity(network: string): Promise<boolean>;
  configFor(network: string | null): ScoringConfig;
  ledger(network: string, options?: { readonly quietDays?: number }): Promise<NetworkLedger>;
}

export interface ScoringJobs {
  suggest(memberId: string, options?: SuggestOptions): Promise<SuggestionsView & { readonly excludedCompetitors: readonly string[] }>;
  competitors(options?: CompetitorsOptions): Promise<{ pairs: CompetitorPairView[] }>;
  report(network: string, options?: ReportOptions): Promise<NetworkReportWithPolicy>;
  /** The network of a member (null without one), from the members in memory when they are there. */
  memberNetwork(id: string): Promise<string | null>;
  /** The members of one network (or all), as the scorers see them. */
  scoredMembers(network?: string): Promise<readonly ScoredMember[]>;
}

export interface ScoringJobsOptions {
  readonly engine: ScoringEngine;
  /** Activity evidence and trained models; without them scoring works from profiles and default weights. */
  readonly activity?: ScoringActivitySources | undefined;
  /** Bumped by the programmatic API on every write; cached scopes and answers of an older generation are dropped. */
  readonly generation: () => number;
  /**
   * Load every network's scope in one read when the first is needed (when all members
   * fit the scope cache): a server answers about any member soon, and one read costs
   * less than a database round trip per network. The CLI reads only what it asks about.
   */
  readonly preloadScopes?: boolean;
}

/** Answers kept per process (the HTTP server asks the same questions many times). */
const SUGGESTION_CACHE_SIZE = 50_000;
/** Scopes (member lists) are kept until they hold this many members together; the least recently loaded go first. */
const SCOPE_CACHE_MEMBERS = 250_000;
const REPORT_CACHE_SIZE = 8;
/** Up to this many members, a server reads them all at once (a second or two, again after each write); above, network by network. */
const PRELOAD_MEMBERS = 50_000;

export function createScoringJobs(
  members: MemberReader,
  networks: NetworkStore,
  knowledge: EngineKnowledge,
  config: () => ScoringConfig,
  ensureVectors: () => Promise<unknown>,
  { engine, generation, activity, preloadScopes = false }: ScoringJobsOptions,
): ScoringJobs {
  const version = vectorVersion(knowledge);
  const scored = (stored: StoredMember, vector: MemberVector): ScoredMember => ({ id: stored.profile.id, network: stored.profile.network, name: stored.profile.name, vector });
  /**
   * The member with its stored vector; one stored under an older version (written since the vectors were last
   * brought up to date) is vectorised again, with the vectoriser loaded then (see `partnerfit.ts`).
   */
  const toScored = async (stored: StoredMember): Promise<ScoredMember> =>
    stored.vector?.version === version
      ? scored(stored, stored.vector)
      : scored(stored, (await import('../core/vectors/member-vectorizer.ts')).vectorizeMember(stored.profile, knowledge));
  const scopes = new Map<string, Scope>();
  // Members of cached scopes by id, and whether vectors were brought up to date, per generation.
  let known = { generation: -1, members: new Map<string, ScoredMember>(), vectorsChecked: false };
  const current = () => {
    if (known.generation !== generation()) known = { generation: generation(), members: new Map(), vectorsChecked: false };
    return known;
  };
  const keep = (scope: Scope) => {
    if (current().members.size + scope.members.length <= SCOPE_CACHE_MEMBERS) for (const m of scope.members) current().members.set(m.id, m);
    scopes.delete(scope.key);
    scopes.set(scope.key, scope);
    trimScopes(scopes, SCOPE_CACHE_MEMBERS, scope.key);
  };
  /** Every network's scope from one read, when all members fit the cache; false when they do not. */
  const preload = async (now: number): Promise<boolean> => {
    if ((await members.countMembers()) > PRELOAD_MEMBERS) return false;
    const byNetwork = new Map<string, ScoredMember[]>();
    const sharer = new VectorPartSharer();
    for await (const stored of members.iterateMembers()) {
      const m = sharer.member(await toScored(stored));
      if (!m.network) continue;
      let list = byNetwork.get(m.network);
      if (!list) byNetwork.set(m.network, (list = []));
      list.push(m);
    }
    for (const [key, list] of byNetwork) keep({ key, generation: now, members: list });
    return true;
  };
  // Reads in flight, shared: many requests about one network (or about all, preloading) wait for one read.
  const loading = new Map<string, { generation: number; scope: Promise<Scope> }>();
  let preloading = { generation: -1, done: Promise.resolve(false) };
  const readScope = async (key: string, network: string | undefined, now: number): Promise<Scope> => {
    if (!current().vectorsChecked) {
      await ensureVectors();
      current().vectorsChecked = true;
    }
    if (preloadScopes && network) {
      if (preloading.generation !== now) preloading = { generation: now, done: preload(now) };
      if (await preloading.done) {
        const scope = scopes.get(key);
        if (scope && scope.generation === now) return scope;
      }
    }
    const list: ScoredMember[] = [];
    // Equal vector parts kept once, as each row is read (a copy dies young): several times less heap
    // for a large scope, and shorter collections while its members are searched.
    const sharer = new VectorPartSharer();
    for await (const stored of members.iterateMembers(network)) list.push(sharer.member(await toScored(stored)));
    const scope = { key, generation: now, members: list };
    keep(scope);
    return scope;
  };
  const loadScope = async (network?: string): Promise<Scope> => {
    const key = network ?? '*';
    const now = generation();
    const cached = scopes.get(key);
    if (cached && cached.generation === now) return cached;
    const pending = loading.get(key);
    if (pending && pending.generation === now) return pending.scope;
    const scope = readScope(key, network, now);
    loading.set(key, { generation: now, scope });
    try {
      return await scope;
    } finally {
      if (loading.get(key)?.scope === scope) loading.delete(key);
    }
  };
  /** Networks without any activity, per generation (most of a server's networks: no query per suggestion). */
  const withoutActivity = new Map<string, number>();
  const evidenceOf = async (self: ScoredMember): Promise<ActivityEvidence | undefined> => {
    if (!activity) return undefined;
    const now = generation();
    if (self.network) {
      if (withoutActivity.get(self.network) === now) return undefined;
      if (!(await activity.hasActivity(self.network))) {
        withoutActivity.set(self.network, now);
        return undefined;
      }
    }
    return activity.evidenceFor({ member: self.id, asOfNetwork: self.network });
  };
  // One index per scope and generation (the HTTP server asks many times).
  const indexes = new Map<string, { index: ExactPartnerIndex; generation: number }>();
  const candidatesFor = (self: ScoredMember, scope: Scope, purpose: Purpose, top: number, suggestConfig: ScoringConfig): readonly string[] | undefined => {
    const all = scope.members;
    // A trained model is a function the compiled scorer cannot bound: such pools are scored in full.
    if (all.length <= INDEX_THRESHOLD || suggestConfig.model) return undefined;
    if (purpose === 'overflow') {
      // Overflow partners share a trade: a linear filter on service concepts finds them all.
      const mine = new Set(self.vector.services.map((s) => s.id));
      return all.filter((m) => m.vector.services.some((s) => mine.has(s.id))).map((m) => m.id);
    }
    let cached = indexes.get(scope.key);
    if (!cached || cached.generation !== scope.generation) {
      cached = { index: buildExactPartnerIndex(all, knowledge), generation: scope.generation };
      indexes.set(scope.key, cached);
    }
    // The best `top` on the profile score (exact, or nearly so in the largest pools), and the direct competitors met on the way (reported as left out).
    const found =
      all.length > APPROXIMATE_THRESHOLD && top <= APPROXIMATE_MAX_TOP
        ? cached.index.approximate(self, top, suggestConfig, APPROXIMATE_BUDGET, { sharedOnly: true })
        : cached.index.best(self, top, suggestConfig);
    return [...found.partners.map((p) => p.member.id), ...found.directCompetitors.map((m) => m.id)];
  };
  const requireMember = async (id: string): Promise<ScoredMember> => {
    const cached = current().members.get(id);
    if (cached) return cached;
    const stored = await members.getMember(id);
    if (!stored) throw await members.unknown(id);
    return await toScored(stored);
  };
  const answers = new Map<string, { generation: number; value: SuggestionsResult }>();
  // A report is all pairs of a network (seconds at 1,000 members, more for larger ones): kept per generation, and
  // shared while it is computed, so a client that retries after a 503 gets the same run.
  const reports = new Map<string, { generation: number; value: Promise<Omit<NetworkReportWithPolicy, 'policy'>> }>();

  return {
    scoredMembers: async (network) => (await loadScope(network)).members,
    memberNetwork: async (id) => (await requireMember(id)).network,
    async suggest(memberId, options = {}) {
      const top = options.top ?? 5;
      const purpose = options.purpose ?? 'referral';
      if (!Number.isInteger(top) || top < 1 || top > 1000) throw new PartnerfitError('usage', `top must be a whole number from 1 to 1000, not ${top}`);
      const now = generation();
      const key = `${memberId}\u0000${top}\u0000${purpose}\u0000${options.allNetworks ? 1 : 0}\u0000${options.withoutPartnersActivity ? 1 : 0}\u0000${options.language ?? ''}\u0000${options.currency ?? ''}`;
      const known = answers.get(key);
      if (known && known.generation === now) return known.value;
      const self = await requireMember(memberId);
      const scope = await loadScope(options.allNetworks || !self.network ? undefined : self.network);
      const suggestConfig = activity ? activity.configFor(self.network) : config();
      const candidateIds = candidatesFor(self, scope, purpose, top, suggestConfig);
      const task = { self, purpose, top, ...(candidateIds ? { candidateIds } : {}), ...(options.withoutPartnersActivity ? { withoutPartnersActivity: true } : {}), ...(options.language ? { language: options.language } : {}), ...(options.currency ? { currency: options.currency } : {}) };
      // Activity evidence for self's pairs, and the network's trained model when there is one. The
      // evidence and the model are objects with methods that do not cross to worker threads, so
      // such a suggestion is scored in this thread (a chapter's worth of pairs: milliseconds).
      const evidence = await evidenceOf(self);
      const value =
        evidence || suggestConfig.model
          ? computeSuggestions(scope, task, knowledge, suggestConfig, evidence)
          : await engine.suggestions(scope, task);
      if (answers.size >= SUGGESTION_CACHE_SIZE) answers.delete(answers.keys().next().value!);
      answers.set(key, { generation: now, value });
      return value;
    },
    async competitors(options = {}) {
      if (options.network && !(await networks.getNetwork(options.network))) {
        throw await networks.unknown(options.network);
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
      // Reasons in the language asked for, else in the language most members of the first member's network write in.
      const languages = new Map<string | null, ReasonLanguage>();
      const languageOf = (networkId: string | null) => {
        if (options.language) return options.language;
        if (!languages.has(networkId)) languages.set(networkId, commonLanguage(scope.members.filter((m) => m.network === networkId).map((m) => m.vector.replyLanguage)));
        return languages.get(networkId)!;
      };
      return { pairs: pairs.map((p) => competitorPairView(p, byId, knowledge, languageOf(byId.get(p.a)!.network))) };
    },
    async report(network, options = {}) {
      const info = await networks.getNetwork(network);
      if (!info) throw await networks.unknown(network);
      // Reports are cached per generation and shared while computed (a large network takes long; a
      // client retrying after a 503 gets the same run). The report keeps the default weights: its
      // good-partner threshold is set for them.
      const now = generation();
      const key = `${network}\u0000${options.quietDays ?? ''}`;
      let cached = reports.get(key);
      if (!cached || cached.generation !== now) {
        const value = (async (): Promise<Omit<NetworkReportWithPolicy, 'policy'>> => {
          const scope = await loadScope(network);
          const evidence = await activity?.evidenceFor({ network, asOfNetwork: network });
          if (!evidence || !activity) return { ...(await engine.networkReport(scope, network)), ledger: null };
          const ledger = await activity.ledger(network, options.quietDays === undefined ? {} : { quietDays: options.quietDays });
          return { ...buildNetworkReport(network, scope.members, { knowledge, activity: evidence }, config()), ledger };
        })();
        cached = { generation: now, value };
        reports.delete(key);
        reports.set(key, cached);
        if (reports.size > REPORT_CACHE_SIZE) reports.delete(reports.keys().next().value!);
        value.catch(() => reports.get(key) === cached && reports.delete(key));
      }
      return { ...(await cached.value), policy: info.policy };
    },
  };
}
