/**
 * Members sent to a worker thread of the all-pairs batch as long strings of JSON text
 * and where each member starts in them: a message copies a long string in a few
 * milliseconds, where 16,384 separate objects or strings took it a few hundred. The
 * worker parses only the ids up front; the rest of a member is parsed from its slice
 * of the text when first read (the same objects afterwards, as caches keyed by the
 * vector expect).
 *
 * A worker that restores the calling thread's index (`restoreExactPartnerIndex`)
 * reads only the id and the service side of each member (`ServicedMember`: the
 * services, their words, NACE code and unrecognised service items; for competitor
 * overlaps and each trade's representative), so it is sent only that (`services`):
 * at 16,384 members writing that text takes the calling thread about 0.08 s, the
 * whole members about 0.5 s. A worker that builds its own index or embeddings gets
 * the whole members (`whole`).
 */
import type { ScoredMember, ServicedMember, ServiceVector } from '../core/scoring/scored-member.ts';
import type { MemberVector } from '../core/vectors/member-vector.ts';

/** What is sent of each member: all of it, or its id and the service side of its vector. */
export type ShippedPart = 'whole' | 'services';

interface Shipped<P extends ShippedPart> {
  readonly part: P;
  /** The ids, as a JSON array. */
  readonly ids: string;
  /**
   * The members as JSON, one after another, `MEMBERS_PER_TEXT` to a string (one string
   * holds at most 2^29 characters, about 380,000 whole members): member i is in text
   * `i / MEMBERS_PER_TEXT` from `start[i]` to the next member's start or the text's end.
   */
  readonly texts: readonly string[];
  readonly start: Int32Array;
}

export type ShippedMembers = Shipped<'whole'> | Shipped<'services'>;

const MEMBERS_PER_TEXT = 50_000;

export function shipMembers<P extends ShippedPart>(members: readonly ScoredMember[], part: P): Shipped<P> {
  const json = part === 'whole' ? (m: ScoredMember) => JSON.stringify(m) : (m: ScoredMember) => JSON.stringify({ id: m.id, vector: serviceSide(m.vector) });
  const texts: string[] = [];
  const start = new Int32Array(members.length);
  for (let from = 0; from < members.length; from += MEMBERS_PER_TEXT) {
    const parts: string[] = [];
    let length = 0;
    for (let i = from; i < Math.min(members.length, from + MEMBERS_PER_TEXT); i++) {
      start[i] = length;
      parts.push(json(members[i]!));
      length += parts[parts.length - 1]!.length;
    }
    texts.push(parts.join(''));
  }
  return { part, ids: JSON.stringify(members.map((m) => m.id)), texts, start };
}

/** The members as sent: whole members from a `whole` shipment; from a `services` one, only what `ServicedMember` has. */
export function receiveMembers(shipped: Shipped<'whole'>): ScoredMember[];
export function receiveMembers(shipped: ShippedMembers): ServicedMember[];
export function receiveMembers(shipped: ShippedMembers): ServicedMember[] {
  const ids = JSON.parse(shipped.ids) as string[];
  const { texts, start } = shipped;
  return ids.map((id, i) => {
    const text = texts[Math.floor(i / MEMBERS_PER_TEXT)]!;
    const end = (i + 1) % MEMBERS_PER_TEXT === 0 || i + 1 === ids.length ? text.length : start[i + 1]!;
    return new ShippedMember(id, text, start[i]!, end);
  });
}

function serviceSide(vector: MemberVector): ServiceVector {
  return { services: vector.services, serviceWords: vector.serviceWords, nace: vector.nace, unrecognised: { services: vector.unrecognised.services } };
}

/** A member parsed when first read; `receiveMembers` hands it out as a `ScoredMember` only when it was sent whole. */
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
