/** Networks and their competitor policy. */
import { PartnerfitError } from '../core/errors.ts';
import type { Kysely } from 'kysely';
import type { DatabaseSchema } from './database-schema.ts';

export type NetworkPolicy = 'exclusive' | 'open';
export const NETWORK_POLICIES: readonly NetworkPolicy[] = ['exclusive', 'open'];

export interface NetworkInfo {
  readonly id: string;
  readonly policy: NetworkPolicy;
  readonly members: number;
}

export interface NetworkStore {
  getNetwork(id: string): Promise<NetworkInfo | null>;
  listNetworks(): Promise<NetworkInfo[]>;
  /** Every network's policy, in one read (jobs that meet many networks). */
  policies(): Promise<Map<string, NetworkPolicy>>;
  /** Sets the policy; false when the network does not exist. */
  setPolicy(id: string, policy: NetworkPolicy): Promise<boolean>;
  /** The error for a network id that is not there (see `unknownNetwork`). */
  unknown(id: string): Promise<PartnerfitError>;
}

export function createNetworkStore(db: Kysely<DatabaseSchema>): NetworkStore {
  // The member count per network from the (network_id, id) index: a join with a group-by
  // would read every member for one network.
  const base = () =>
    db
      .selectFrom('networks')
      .select((eb) => [
        'networks.id',
        'networks.policy',
        eb.selectFrom('members').select(eb.fn.countAll<string>().as('n')).whereRef('members.network_id', '=', 'networks.id').as('members'),
      ]);
  const toInfo = (row: { id: string; policy: NetworkPolicy; members: string | null }): NetworkInfo => ({
    id: row.id,
    policy: row.policy,
    members: Number(row.members),
  });
  return {
    async getNetwork(id) {
      const row = await base().where('networks.id', '=', id).executeTakeFirst();
      return row ? toInfo(row) : null;
    },
    async listNetworks() {
      return (await base().orderBy('networks.id').execute()).map(toInfo);
    },
    async unknown(id) {
      return unknownNetwork(id, (await this.listNetworks()).map((n) => n.id));
    },
    async policies() {
      const rows = await db.selectFrom('networks').select(['id', 'policy']).execute();
      return new Map(rows.map((r) => [r.id, r.policy]));
    },
    async setPolicy(id, policy) {
      const result = await db.updateTable('networks').set({ policy }).where('id', '=', id).executeTakeFirst();
      return Number(result.numUpdatedRows) > 0;
    },
  };
}

/**
 * The error for a network id that is not there, naming the ones that are (and the one a
 * differently capitalised id meant), so that a mistyped id is put right from the message.
 */
export function unknownNetwork(id: string, known: readonly string[]): PartnerfitError {
  const lower = id.toLowerCase();
  const same = known.find((k) => k.toLowerCase() === lower);
  // Or the one network whose id begins with (or holds) what was typed: "malmo" for "malmo-bni".
  const partial = lower.length >= 3 ? known.filter((k) => k.toLowerCase().includes(lower)) : [];
  const hint = same
    ? `did you mean "${same}"? ids are case-sensitive`
    : partial.length === 1
      ? `did you mean "${partial[0]}"?`
      : known.length === 0
      ? 'there are none yet: ingest a roster first'
      : `networks: ${known.slice(0, 12).join(', ')}${known.length > 12 ? ` and ${known.length - 12} more` : ''}`;
  return new PartnerfitError('not-found', `no network with id "${id}" (${hint})`);
}
