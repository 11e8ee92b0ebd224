/**
 * `MemberVector`: a member as the engine understood them, the input of every
 * criterion. Stored as JSON beside the member and stamped with the version of the
 * lexicon and the vectoriser that built it.
 */
import type { NaceCode } from '../codes/nace-code.ts';
import type { RegionRef } from '../lexicon/region-gazetteer.ts';
import type {
  BusinessArea,
  BusinessFunction,
  CustomerStage,
  Seniority,
} from '../lexicon/lexicon-schema.ts';
import type { MatchVia } from '../lexicon/concept-lexicon.ts';
import type { WeightedWord } from '../lexicon/business-vocabulary.ts';
import type { Capacity, SizeBand } from '../profile/member-profile.ts';
import type { TextLanguage } from '../text/language.ts';

export interface WeightedConcept {
  readonly id: string;
  /** How central the concept is to the member, in (0, 1]. */
  readonly weight: number;
  readonly via: MatchVia | 'nace';
  /** The member's own words the concept was recognised in. */
  readonly term: string;
}

export type Weights<K extends string> = Partial<Record<K, number>>;

export interface MemberVector {
  readonly kind: 'member-vector';
  readonly version: string;
  readonly language: string | null;
  readonly languageSource: 'roster' | 'detected' | 'unknown';
  readonly languageConfidence: number;
  /** The language reasons are written in for this member. */
  readonly replyLanguage: TextLanguage;
  /** What the member sells (services and their own trade). */
  readonly services: readonly WeightedConcept[];
  /** Business areas of the member's trade, summing to 1 (empty when nothing was recognised). */
  readonly areas: Weights<BusinessArea>;
  readonly nace: NaceCode | null;
  readonly targetIndustries: readonly WeightedConcept[];
  readonly sizes: readonly SizeBand[];
  readonly roles: readonly WeightedConcept[];
  readonly seniority: Weights<Seniority>;
  readonly functions: Weights<BusinessFunction>;
  /** Customer stages the member comes in at, summing to 1 (empty when unknown). */
  readonly stages: Weights<CustomerStage>;
  readonly dealValueEur: number | null;
  readonly capacity: Capacity | null;
  readonly interests: readonly WeightedConcept[];
  /** Interests the lexicon does not know, folded, so equal words still meet. */
  readonly otherInterests: readonly string[];
  readonly region: RegionRef | null;
  /** Folded words of the services text, for lexical overlap where concepts are missing. */
  readonly serviceTerms: readonly string[];
  /**
   * The services text in the general vocabulary, the same across languages: `=bakery`
   * a known thing, `~manufacture` an activity (weight 0), others folded unknown words.
   */
  readonly serviceWords: readonly WeightedWord[];
  /** Items in which no concept was recognised, for `inspect`. */
  readonly unrecognised: {
    readonly services: readonly string[];
    readonly targetIndustries: readonly string[];
    readonly contactRoles: readonly string[];
  };
}
