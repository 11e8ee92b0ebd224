/** A member as the scorers see it: id, network and vector, nothing else. */
import type { MemberVector } from '../vectors/member-vector.ts';

export interface ScoredMember {
  readonly id: string;
  readonly network: string | null;
  readonly name: string;
  readonly vector: MemberVector;
}

/**
 * What competitor overlap and trades read of a member's vector: its services, their
 * words, its NACE code and the service items no concept was recognised in.
 */
export interface ServiceVector {
  readonly services: MemberVector['services'];
  readonly serviceWords: MemberVector['serviceWords'];
  readonly nace: MemberVector['nace'];
  readonly unrecognised: { readonly services: MemberVector['unrecognised']['services'] };
}

/**
 * A member as the exact partner index reads it once compiled: its id and the service
 * side of its vector. Every `ScoredMember` is one; a worker of the all-pairs batch is
 * sent only this much of each member (`src/batch/shipped-members.ts`).
 */
export interface ServicedMember {
  readonly id: string;
  readonly vector: ServiceVector;
}
