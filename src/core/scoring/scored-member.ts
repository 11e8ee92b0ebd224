/** A member as the scorers see it: id, network and vector, nothing else. */
import type { MemberVector } from '../vectors/member-vector.ts';

export interface ScoredMember {
  readonly id: string;
  readonly network: string | null;
  readonly name: string;
  readonly vector: MemberVector;
}
