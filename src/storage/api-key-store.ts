/**
 * API keys: `pf_<id>_<secret>`. The id finds the row; the secret is compared by its
 * SHA-256 hash in constant time. Secrets are 256 random bits, so a fast hash is safe
 * here (nothing to brute-force), and checking a key costs microseconds, not a bcrypt
 * round per request.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DatabaseSchema } from './database-schema.ts';

export type KeyRole = 'admin' | 'member';

export interface ApiKey {
  readonly id: string;
  readonly role: KeyRole;
  readonly network: string;
  readonly member: string | null;
}

export interface ApiKeyStore {
  create(role: KeyRole, network: string, member: string | null): Promise<ApiKey & { readonly key: string }>;
  /** The key's scope, or null when the key is unknown or malformed. */
  verify(key: string): Promise<ApiKey | null>;
}

const KEY_FORMAT = /^pf_([0-9a-f]{12})_([A-Za-z0-9_-]{43})$/;

function hashSecret(secret: string): Buffer {
  return createHash('sha256').update(secret).digest();
}

export function createApiKeyStore(db: Kysely<DatabaseSchema>): ApiKeyStore {
  return {
    async create(role, network, member) {
      const id = randomBytes(6).toString('hex');
      const secret = randomBytes(32).toString('base64url');
      await db
        .insertInto('api_keys')
        .values({ id, secret_hash: hashSecret(secret).toString('hex'), role, network_id: network, member_id: member })
        .execute();
      return { id, key: `pf_${id}_${secret}`, role, network, member };
    },
    async verify(key) {
      const match = KEY_FORMAT.exec(key);
      if (!match) return null;
      const row = await db.selectFrom('api_keys').select(['id', 'secret_hash', 'role', 'network_id', 'member_id']).where('id', '=', match[1]!).executeTakeFirst();
      if (!row) return null;
      const expected = Buffer.from(row.secret_hash, 'hex');
      if (!timingSafeEqual(expected, hashSecret(match[2]!))) return null;
      return { id: row.id, role: row.role, network: row.network_id, member: row.member_id };
    },
  };
}
