/**
 * Members sent to a worker thread of the all-pairs batch as long strings of JSON text
 * and where each member starts in them: a message copies a long string in a few
 * milliseconds, where 16,384 separate objects or strings took it a few hundred. The
 * worker parses only the ids up front; a member's network, name and vector are
 * parsed from its slice of the text when first read (the same objects afterwards, as
 * caches keyed by the vector expect). A worker restoring the calling thread's index
 * reads few vectors: those of the members whose competitor overlap it computes, and
 * of each trade's representative.
 */
import type { ScoredMember } from '../core/scoring/scored-member.ts';
import type { MemberVector } from '../core/vectors/member-vector.ts';

export interface ShippedMembers {
  /** The ids, as a JSON array. */
  readonly ids: string;
  /**
   * The members as JSON, one after another, `MEMBERS_PER_TEXT` to a string (one string
   * holds at most 2^29 characters, about 380,000 members): member i is in text
   * `i / MEMBERS_PER_TEXT` from `start[i]` to the next member's start or the text's end.
   */
  readonly texts: readonly string[];
  readonly start: Int32Array;
}

const MEMBERS_PER_TEXT = 50_000;

export function shipMembers(members: readonly ScoredMember[]): ShippedMembers {
  const texts: string[] = [];
  const start = new Int32Array(members.length);
  for (let from = 0; from < members.length; from += MEMBERS_PER_TEXT) {
    const parts: string[] = [];
    let length = 0;
    for (let i = from; i < Math.min(members.length, from + MEMBERS_PER_TEXT); i++) {
      start[i] = length;
      parts.push(JSON.stringify(members[i]));
      length += parts[parts.length - 1]!.length;
    }
    texts.push(parts.join(''));
  }
  return { ids: JSON.stringify(members.map((m) => m.id)), texts, start };
}

export function receiveMembers(shipped: ShippedMembers): ScoredMember[] {
  const ids = JSON.parse(shipped.ids) as string[];
  const { texts, start } = shipped;
  return ids.map((id, i) => {
    const text = texts[Math.floor(i / MEMBERS_PER_TEXT)]!;
    const end = (i + 1) % MEMBERS_PER_TEXT === 0 || i + 1 === ids.length ? text.length : start[i + 1]!;
    return new ShippedMember(id, text, start[i]!, end);
  });
}

class ShippedMember implements ScoredMember {
  #text: string | null;
  readonly #start: number;
  readonly #end: number;
  #parsed: ScoredMember | null = null;

  constructor(
    readonly id: string,
    text: string,
    start: number,
    end: number,
  ) {
    this.#text = text;
    this.#start = start;
    this.#end = end;
  }

  get network(): string | null {
    return this.#member().network;
  }

  get name(): string {
    return this.#member().name;
  }

  get vector(): MemberVector {
    return this.#member().vector;
  }

  #member(): ScoredMember {
    if (this.#parsed === null) {
      this.#parsed = JSON.parse(this.#text!.slice(this.#start, this.#end)) as ScoredMember;
      // The whole text stays alive while any member is unparsed; this one no longer needs it.
      this.#text = null;
    }
    return this.#parsed;
  }
}
