/**
 * What the engine found in a roster at a glance: members per network and language,
 * how much of the services text the lexicon recognised, and the trades that members
 * wrote in more than one language (the cross-lingual matching at work).
 */
import type { EngineKnowledge } from '../core/knowledge.ts';
import type { MemberProfile } from '../core/profile/member-profile.ts';
import type { MemberVector } from '../core/vectors/member-vector.ts';

export interface RosterOverview {
  readonly members: number;
  readonly networks: Record<string, number>;
  readonly languages: Record<string, { readonly roster: number; readonly detected: number }>;
  /** Services list entries in which at least one concept was recognised, of all entries. */
  readonly servicesRecognised: { readonly recognised: number; readonly total: number };
  readonly multilingualTrades: readonly {
    readonly concept: string;
    readonly label: string;
    readonly members: readonly { readonly id: string; readonly language: string | null; readonly term: string }[];
  }[];
}

export async function overviewOf(
  members: AsyncIterable<{ profile: MemberProfile; vector: MemberVector }>,
  knowledge: EngineKnowledge,
): Promise<RosterOverview> {
  let count = 0;
  const networks: Record<string, number> = {};
  const languages: Record<string, { roster: number; detected: number }> = {};
  let recognised = 0;
  let total = 0;
  const trades = new Map<string, { id: string; language: string | null; term: string }[]>();
  for await (const { profile, vector } of members) {
    count++;
    const network = profile.network ?? '(none)';
    networks[network] = (networks[network] ?? 0) + 1;
    const language = vector.language ?? 'unknown';
    const slot = (languages[language] ??= { roster: 0, detected: 0 });
    if (vector.languageSource === 'roster') slot.roster++;
    else slot.detected++;
    total += profile.services.length;
    recognised += profile.services.length - vector.unrecognised.services.length;
    const main = vector.services[0];
    if (main) {
      const list = trades.get(main.id) ?? [];
      list.push({ id: profile.id, language: vector.language, term: main.term });
      trades.set(main.id, list);
    }
  }
  const multilingualTrades = [...trades.entries()]
    .filter(([, list]) => new Set(list.map((m) => m.language)).size > 1)
    .sort((a, b) => new Set(b[1].map((m) => m.language)).size - new Set(a[1].map((m) => m.language)).size || a[0].localeCompare(b[0]))
    .map(([concept, list]) => ({ concept, label: knowledge.lexicon.label(concept, 'en'), members: list }));
  return { members: count, networks, languages, servicesRecognised: { recognised, total }, multilingualTrades };
}
