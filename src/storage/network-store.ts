/** Networks and their competitor policy. */
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
  /** Sets the policy; false when the network does not exist. */
  setPolicy(id: string, policy: NetworkPolicy): Promise<boolean>;
}

export function createNetworkStore(db: Kysely<DatabaseSchema>): NetworkStore {
  const base = () =>
    db
      .selectFrom('networks')
      .leftJoin('members', 'members.network_id', 'networks.id')
      .select((eb) => ['networks.id', 'networks.policy', eb.fn.count<string>('members.id').as('members')])
      .groupBy(['networks.id', 'networks.policy']);
  const toInfo = (row: { id: string; policy: NetworkPolicy; members: string }): NetworkInfo => ({
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
    async setPolicy(id, policy) {
      const result = await db.updateTable('networks').set({ policy }).where('id', '=', id).executeTakeFirst();
      return Number(result.numUpdatedRows) > 0;
    },
  };
}
