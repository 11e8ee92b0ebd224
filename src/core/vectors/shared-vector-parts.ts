/**
 * Equal parts of many members' vectors kept once, and the strings in them. Members of
 * one network, and even more of a federation, repeat the same services, weights,
 * regions, NACE codes, concept entries and words; parsed one by one (`JSON.parse`
 * copies every string), each member holds its own copies. At 1,000,000 generated
 * members the vectors took 3.3 GB of the JS heap, and about 0.5 GB shared; the heap
 * with the partner index fell from 4.2 GB to about 0.8 GB, and a young-generation
 * collection during a suggestion from about 20 ms to 7 ms (docs/benchmarks.md,
 * "Suggestions at scale", session 15). Vectors are read-only; a shared part must never
 * be changed. Pure.
 */
import type { ScoredMember } from '../scoring/scored-member.ts';
import type { MemberVector, WeightedConcept } from './member-vector.ts';

type ConceptListKey = 'services' | 'targetIndustries' | 'roles' | 'interests';
type ObjectKey = 'areas' | 'nace' | 'seniority' | 'functions' | 'stages' | 'region' | 'sizes';
type StringListKey = 'otherInterests' | 'serviceTerms';
const CONCEPT_LISTS: readonly ConceptListKey[] = ['services', 'targetIndustries', 'roles', 'interests'];
const OBJECTS: readonly ObjectKey[] = ['areas', 'nace', 'seniority', 'functions', 'stages', 'region', 'sizes'];
const STRING_LISTS: readonly StringListKey[] = ['otherInterests', 'serviceTerms'];

/** Fields of a vector that hold one string from a small set (a language, a version). */
const WORDS = ['kind', 'version', 'language', 'languageSource', 'replyLanguage', 'capacity'] as const;

/**
 * Shares the parts of the vectors given to it with those given before, and the
 * strings in them (one sharer per load: it holds a key for every distinct part, so
 * drop it when the load is done).
 */
export class VectorPartSharer {
  readonly #parts = new Map<string, unknown>();
  readonly #strings = new Map<string, string>();

  /** `member` with its vector shared (and its network's name). */
  member<M extends ScoredMember>(member: M): M {
    return { ...member, network: member.network === null ? null : this.string(member.network), vector: this.share(member.vector) };
  }

  /** A vector equal to `vector` (the same JSON), made of parts shared with the vectors shared before. */
  share(vector: MemberVector): MemberVector {
    const v = vector as { -readonly [K in keyof MemberVector]: MemberVector[K] };
    const out = { ...v };
    for (const key of CONCEPT_LISTS) out[key] = this.#conceptList(v[key]);
    for (const key of OBJECTS) out[key] = this.#part(v[key]) as never;
    for (const key of STRING_LISTS) out[key] = this.#stringList(v[key]);
    out.serviceWords = this.#part(v.serviceWords);
    out.unrecognised = this.#part(v.unrecognised);
    for (const key of WORDS) if (typeof v[key] === 'string') (out as Record<string, unknown>)[key] = this.string(v[key]);
    return out;
  }

  /** The one copy of `text` among the strings shared so far. */
  string(text: string): string {
    const found = this.#strings.get(text);
    if (found !== undefined) return found;
    this.#strings.set(text, text);
    return text;
  }

  /** A whole part kept once by its JSON (a part seen before is shared whole, the common case). */
  #part<T>(value: T): T {
    if (value === null || typeof value !== 'object') return value;
    const key = JSON.stringify(value);
    let found = this.#parts.get(key) as T | undefined;
    if (found === undefined) this.#parts.set(key, (found = this.#withSharedStrings(value)));
    return found;
  }

  /** A list of concepts: the whole list when seen before, otherwise a new list of shared entries. */
  #conceptList(list: readonly WeightedConcept[]): readonly WeightedConcept[] {
    const key = JSON.stringify(list);
    let found = this.#parts.get(key) as readonly WeightedConcept[] | undefined;
    if (found === undefined) this.#parts.set(key, (found = list.map((c) => this.#part(c))));
    return found;
  }

  #stringList(list: readonly string[]): readonly string[] {
    const key = JSON.stringify(list);
    let found = this.#parts.get(key) as readonly string[] | undefined;
    if (found === undefined) this.#parts.set(key, (found = list.map((s) => this.string(s))));
    return found;
  }

  /** A copy of a part (plain objects, arrays, strings, numbers) whose strings are the shared ones. */
  #withSharedStrings<T>(value: T): T {
    if (typeof value === 'string') return this.string(value) as T;
    if (value === null || typeof value !== 'object') return value;
    if (Array.isArray(value)) return value.map((x: unknown) => this.#withSharedStrings(x)) as T;
    const out: Record<string, unknown> = {};
    for (const key in value) out[key] = this.#withSharedStrings((value as Record<string, unknown>)[key]);
    return out as T;
  }
}
