/**
 * Equal parts of many members' vectors kept once, and the strings in them. Members of
 * one network, and even more of a federation, repeat the same services, weights,
 * regions, NACE codes, concept entries and words; parsed one by one (`JSON.parse`
 * copies every string), each member holds its own copies. At 1,000,000 generated
 * members the vectors took 3.3 GB of the JS heap, and about 0.5 GB shared; the heap
 * with the partner index fell from 4.2 GB to about 0.8 GB, and a young-generation
 * collection during a suggestion from 12–97 ms to about 5 ms (docs/benchmarks.md,
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
 * strings in them (one sharer per load, dropped when the load is done). Parts are
 * found by a hash of their content and compared in full: no key string is kept per
 * part, so a load leaves no hundreds of megabytes of keys behind (at 1,000,000
 * members the JSON keys of the distinct parts were about half a gigabyte, left as
 * holes in the old generation that every later collection had to pass over).
 */
export class VectorPartSharer {
  readonly #parts = new Map<number, unknown>();
  /** Parts whose hash another, different part had first (practically never). */
  readonly #collided: unknown[] = [];
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

  /** A whole part kept once (a part seen before is shared whole, the common case). */
  #part<T>(value: T): T {
    if (value === null || typeof value !== 'object') return value;
    return this.#found(value, (part) => this.#withSharedStrings(part));
  }

  /** A list of concepts: the whole list when seen before, otherwise a new list of shared entries. */
  #conceptList(list: readonly WeightedConcept[]): readonly WeightedConcept[] {
    return this.#found(list, (parts) => parts.map((c) => this.#part(c)));
  }

  #stringList(list: readonly string[]): readonly string[] {
    return this.#found(list, (parts) => parts.map((s) => this.string(s)));
  }

  /** The part kept with the same JSON as `value`, or `make(value)`, kept from now on. */
  #found<T>(value: T, make: (value: T) => T): T {
    const hash = jsonHash(value);
    const first = this.#parts.get(hash);
    if (first === undefined) {
      const made = make(value);
      this.#parts.set(hash, made);
      return made;
    }
    if (sameJson(first, value)) return first as T;
    for (const part of this.#collided) if (sameJson(part, value)) return part as T;
    const made = make(value);
    this.#collided.push(made);
    return made;
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

/** Whether `a` and `b` have the same JSON: the same values, and object keys in the same order. */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameJson(a[i], b[i])) return false;
    return true;
  }
  const keysA = Object.keys(a);
  const keysB = Object.keys(b);
  if (keysA.length !== keysB.length) return false;
  for (let i = 0; i < keysA.length; i++) {
    const key = keysA[i]!;
    if (key !== keysB[i] || !sameJson((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key])) return false;
  }
  return true;
}

// Two 32-bit lanes of a multiplicative hash over a value's JSON structure (type tags,
// lengths, keys in order, strings by character, numbers by their 64 bits).
let laneA = 0;
let laneB = 0;
const numberBits = new Float64Array(1);
const numberWords = new Int32Array(numberBits.buffer);

function mix(x: number): void {
  laneA = Math.imul(laneA ^ x, 0x9e3779b1);
  laneB = Math.imul(laneB ^ x, 0x85ebca77) ^ (laneB >>> 15);
}

function mixValue(value: unknown): void {
  if (typeof value === 'string') {
    mix(1);
    mix(value.length);
    for (let i = 0; i < value.length; i++) mix(value.charCodeAt(i));
  } else if (typeof value === 'number') {
    numberBits[0] = value;
    mix(2);
    mix(numberWords[0]!);
    mix(numberWords[1]!);
  } else if (typeof value === 'boolean') mix(value ? 3 : 4);
  else if (value === null || typeof value !== 'object') mix(5);
  else if (Array.isArray(value)) {
    mix(6);
    mix(value.length);
    for (const item of value) mixValue(item);
  } else {
    mix(7);
    for (const key in value) {
      mixValue(key);
      mixValue((value as Record<string, unknown>)[key]);
    }
    mix(8);
  }
}

/** A 53-bit hash of `value`'s JSON structure: the same values in the same order, the same hash (0 and −0 differ: such parts are only not shared). */
export function jsonHash(value: unknown): number {
  laneA = 0x811c9dc5;
  laneB = 0x1b873593;
  mixValue(value);
  return (laneA >>> 0) * 0x200000 + (laneB >>> 11);
}
